"""What an import does with each row: the outcomes, ``RowResult``, reading a row's values
column by column and writing through the review services."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import ReviewDataChange, State
from ..services.country_reviews import ReviewDataError
from ..validation import check_review_date

VIA = ReviewDataChange.Via.IMPORT

CREATED, CHANGED, UNCHANGED, DELETED, ERROR = "created", "changed", "unchanged", "deleted", "error"
OUTCOMES = {
    CREATED: gettext_lazy("created"),
    CHANGED: gettext_lazy("changed"),
    UNCHANGED: gettext_lazy("unchanged"),
    DELETED: gettext_lazy("deleted"),
    ERROR: gettext_lazy("error"),
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class RowResult:
    """What an import does with one row of the file (or, ``line`` None, with an existing
    reviewer assignment the file leaves out)."""

    line: int | None
    state: str
    item: str = ""
    outcome: str = UNCHANGED
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # column, old, new
    message: str = ""

    @property
    def outcome_label(self) -> str:
        return OUTCOMES[self.outcome]

    def fail(self, problems: list[str]) -> None:
        self.outcome = ERROR
        self.changes = []
        problems = "; ".join(str(problem) for problem in problems)
        if self.line is None:
            self.message = problems
        else:
            self.message = _("line %(line)s: %(problems)s") % {
                "line": self.line,
                "problems": problems,
            }


def _write(results: list[RowResult], service, *args, **kwargs) -> bool:
    """Call ``service`` in a savepoint; a refusal of the services or the database marks the
    rows as errors (and the whole import is then rolled back)."""
    try:
        with transaction.atomic():
            service(*args, **kwargs)
    except (ReviewDataError, ValidationError, IntegrityError) as error:
        problems = getattr(error, "messages", None) or [str(error)]
        for result in results:
            result.fail(problems)
        return False
    return True


def _diff(old: dict, new: dict) -> list[tuple[str, str, str]]:
    return [(column, old[column], value) for column, value in new.items() if old[column] != value]


class _Row:
    """One row's values read column by column; what cannot be read is collected."""

    def __init__(self, line: int, values: dict, states: dict[str, State]):
        self.line, self.values, self.states = line, values, states
        self.problems = []
        if "__count__" in values:
            self.problems.append(
                _("%(count)s values for %(columns)s columns")
                % {"count": values["__count__"], "columns": len(values) - 1}
            )

    def text(self, column: str, *, max_length: int = 300, required: bool = False) -> str:
        value = self.values.get(column, "")
        if required and not value:
            self.problems.append(_("%(column)s is missing") % {"column": column})
        if len(value) > max_length:
            self.problems.append(
                _("%(column)s is longer than %(max)s characters")
                % {"column": column, "max": max_length}
            )
        return value

    def state(self, column: str, country_column: str = "") -> State | None:
        code = self.values.get(column, "").upper()
        if not code and country_column:
            country = self.values.get(country_column, "").casefold()
            code = next((s.code for s in self.states.values() if s.name.casefold() == country), "")
        if not code:
            self.problems.append(_("no ISO3 code in column %(column)s") % {"column": column})
            return None
        state = self.states.get(code)
        if state is None:
            self.problems.append(_("unknown ISO3 code '%(code)s'") % {"code": code})
        return state

    def choice(self, column: str, allowed: list[str], *, upper: bool = True) -> str:
        value = self.values.get(column, "")
        value = value.upper() if upper else value.lower()
        if not value:
            self.problems.append(_("%(column)s is missing") % {"column": column})
        elif value not in allowed:
            self.problems.append(
                _("%(column)s must be one of %(allowed)s (the file has '%(value)s')")
                % {"column": column, "allowed": ", ".join(allowed), "value": value}
            )
        return value

    def number(self, column: str, allowed: range, message: str) -> int | None:
        value = self.values.get(column, "")
        if value.isascii() and value.isdigit() and int(value) in allowed:
            return int(value)
        self.problems.append(message + " " + _("(the file has '%(value)s')") % {"value": value})
        return None

    def date(self, column: str) -> date | None:
        value = self.values.get(column, "")
        if not value:
            return None
        try:
            if not ISO_DATE.fullmatch(value):
                raise ValueError
            day = date.fromisoformat(value)
            check_review_date(day)
            return day
        except ValidationError as error:
            self.problems.append(f"{column}: {error.messages[0]}")
            return None
        except ValueError:
            self.problems.append(
                _("%(column)s: '%(value)s' is not a date in the form YYYY-MM-DD")
                % {"column": column, "value": value}
            )
            return None

    def once(self, seen: dict, key, what: str) -> None:
        if key in seen:
            self.problems.append(
                _("%(what)s is already on line %(line)s") % {"what": what, "line": seen[key]}
            )
        else:
            seen[key] = self.line

    def result(self, state: State | None, item: str = "") -> RowResult:
        result = RowResult(self.line, state.name if state else "", item)
        if self.problems:
            result.fail(self.problems)
        return result


def _states() -> dict[str, State]:
    return {state.code: state for state in State.objects.select_related("review_group")}
