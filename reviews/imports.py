"""CSV export and import of the review data: States' groups and languages, party status,
reviewer assignments and the dates of review steps.

Each kind of file has a fixed header (``KINDS``), in any column order on import. An import is
previewed by running it for real inside a transaction that is rolled back, and applied, once
the secretariat confirms it, in one transaction: all rows or none. Every write goes through the
review services, so each change is logged with ``via=import`` and the person who confirmed it.
"""

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagement.deadlines import VIENNA

from .models import (
    RegionalGroup,
    ReviewDataChange,
    ReviewedInstrument,
    ReviewerAssignment,
    ReviewGroup,
    ReviewStep,
    State,
    Treaty,
    TreatyParticipation,
    UnLanguage,
)
from .services.changes import delete_with_log, save_with_log
from .services.country_reviews import (
    ReviewDataError,
    participation_record,
    review_step_record,
    reviewer_problems,
    state_review_update,
)

KINDS = {
    "states": (
        "iso3",
        "country",
        "regional_group",
        "review_group",
        "review_languages",
        "review_source",
    ),
    "parties": (
        "iso3",
        "country",
        "treaty",
        "signature",
        "consent_date",
        "consent_type",
        "source",
        "status",
    ),
    "reviewers": ("state_under_review", "instrument", "reviewer", "note"),
    "steps": ("iso3", "cluster", "step", "due", "done_on", "note"),
}
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
VIA = ReviewDataChange.Via.IMPORT

CREATED, CHANGED, UNCHANGED, DELETED, ERROR = "created", "changed", "unchanged", "deleted", "error"
OUTCOMES = {
    CREATED: gettext_lazy("created"),
    CHANGED: gettext_lazy("changed"),
    UNCHANGED: gettext_lazy("unchanged"),
    DELETED: gettext_lazy("deleted"),
    ERROR: gettext_lazy("error"),
}

# Files people upload by mistake, recognised by their first bytes.
SIGNATURES = (
    (b"\x89PNG", gettext_lazy("a PNG image")),
    (b"\xff\xd8\xff", gettext_lazy("a JPEG image")),
    (b"GIF8", gettext_lazy("a GIF image")),
    (b"%PDF-", gettext_lazy("a PDF document")),
    (b"PK\x03\x04", gettext_lazy("an Excel workbook or another ZIP archive")),
    (b"\xd0\xcf\x11\xe0", gettext_lazy("an older Excel or Word file")),
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# Export ---------------------------------------------------------------------------------------


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def state_values(state: State) -> dict:
    return {
        "iso3": state.code,
        "country": state.name,
        "regional_group": state.regional_group,
        "review_group": str(state.review_group.number) if state.review_group_id else "",
        "review_languages": " ".join(state.review_languages or []),
        "review_source": state.review_source,
    }


def participation_values(participation: TreatyParticipation) -> dict:
    return {
        "iso3": participation.state.code,
        "country": participation.state.name,
        "treaty": participation.treaty,
        "signature": _iso(participation.signature_date),
        "consent_date": _iso(participation.consent_date),
        "consent_type": participation.consent_type,
        "source": participation.source,
        "status": participation.firmness,
    }


def assignment_values(assignment: ReviewerAssignment) -> dict:
    return {
        "state_under_review": assignment.state_under_review.code,
        "instrument": assignment.instrument,
        "reviewer": assignment.reviewer.code,
        "note": assignment.note,
    }


def step_values(step: ReviewStep) -> dict:
    """``due`` holds only a date the secretariat set: empty means the rule's date, so that
    exporting and importing again leaves every due date as it was."""
    due = None
    if step.due_set_by_secretariat and step.due_at:
        due = step.due_at.astimezone(VIENNA).date()
    return {
        "iso3": step.state.code,
        "cluster": str(step.cluster),
        "step": step.kind,
        "due": _iso(due),
        "done_on": _iso(step.done_on),
        "note": step.note,
    }


def _export_rows(kind: str) -> Iterator[dict]:
    if kind == "states":
        rows = State.objects.select_related("review_group").order_by("name")
        values = state_values
    elif kind == "parties":
        rows = TreatyParticipation.objects.select_related("state").order_by("state__name", "treaty")
        values = participation_values
    elif kind == "reviewers":
        rows = ReviewerAssignment.objects.select_related("state_under_review", "reviewer").order_by(
            "state_under_review__name", "instrument", "reviewer__name"
        )
        values = assignment_values
    else:
        rows = ReviewStep.objects.select_related("state").order_by(
            "state__name", "cluster", "position"
        )
        values = step_values
    for row in rows.iterator(chunk_size=500):
        yield values(row)


class _Echo:
    def write(self, value):
        return value


def export_csv(kind: str) -> Iterator[str]:
    """The review data of one kind as CSV text, chunk by chunk: a byte-order mark (so that
    Excel reads UTF-8), the header, then one row per State, participation, assignment or step,
    ordered by State name. One query whatever the number of rows. Changes nothing."""
    columns = KINDS[kind]
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(columns)
    for values in _export_rows(kind):
        yield writer.writerow([values[column] for column in columns])


# Reading an upload ----------------------------------------------------------------------------


@dataclass
class ParsedFile:
    kind: str
    records: list[tuple[int, dict]]  # (line number, {column: value})


def content_token(text: str) -> str:
    """The SHA-256 of an upload's text: the confirm form carries it, so that what is applied
    is exactly what was previewed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upload_read(upload, kind: str = "") -> tuple[str, str]:
    """The kind and text of an uploaded review data file, checked by its content: at most
    2 MB, not a known binary format, no NUL byte, UTF-8 (with or without a byte-order mark),
    readable as CSV with the header of one of the four kinds (of ``kind`` if given). Raises a
    ``ValidationError`` that says what is wrong. Changes nothing."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s KB; the limit is 2 MB (2,048 KB).")
            % {"size": f"{-(-upload.size // 1024):,}"},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    upload.seek(0)
    for magic, label in SIGNATURES:
        if data.startswith(magic):
            raise ValidationError(
                _("This file is %(type)s, not a CSV text file. Save the sheet as “CSV UTF-8”.")
                % {"type": label},
                code="binary",
            )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ValidationError(
            _("Line %(line)s contains a NUL byte: this is not a UTF-8 CSV text file.")
            % {"line": line},
            code="nul_byte",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _(
                "Line %(line)s is not UTF-8 text (byte 0x%(byte)02X cannot be read). "
                "Save the file as “CSV UTF-8” and upload it again."
            )
            % {"line": data[: error.start].count(b"\n") + 1, "byte": data[error.start]},
            code="not_utf8",
        ) from None
    parsed = parse(text)
    if kind and parsed.kind != kind:
        raise ValidationError(
            _("The header is that of a “%(found)s” file, not of the “%(chosen)s” file chosen.")
            % {"found": parsed.kind, "chosen": kind},
            code="other_kind",
        )
    return parsed.kind, text


def parse(text: str) -> ParsedFile:
    """Read ``text`` as CSV (comma-, semicolon- or tab-separated, as the header shows): the
    kind its header names and its non-empty rows. Raises a ``ValidationError``."""
    if not text.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    first_line = next(line for line in text.splitlines() if line.strip())
    header, kind, delimiter = [], None, ","
    for delimiter in (",", ";", "\t"):
        header = _header(next(csv.reader([first_line], delimiter=delimiter)))
        kind = _kind_of(header)
        if kind:
            break
    if kind is None:
        header = _header(next(csv.reader([first_line])))
        raise ValidationError(_header_problem(header), code="header")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, line = [], 0
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                break  # the header
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                records.append((start, _record(header, cells)))
    except csv.Error as error:
        raise ValidationError(
            _("Line %(line)s cannot be read as CSV: %(error)s")
            % {"line": line + 1, "error": error},
            code="csv",
        ) from None
    return ParsedFile(kind, records)


def _header(cells: list[str]) -> list[str]:
    header = [cell.strip().lower() for cell in cells]
    while header and not header[-1]:
        header.pop()  # spreadsheets add empty columns at the end
    return header


def _kind_of(header: list[str]) -> str | None:
    for kind, columns in KINDS.items():
        if len(header) == len(columns) and set(header) == set(columns):
            return kind
    return None


def _header_problem(header: list[str]) -> str:
    twice = sorted({column for column in header if header.count(column) > 1 and column})
    if twice:
        return _("The header names a column twice: %(columns)s.") % {"columns": ", ".join(twice)}
    closest = max(KINDS, key=lambda kind: len(set(header) & set(KINDS[kind])))
    missing = [column for column in KINDS[closest] if column not in header]
    unexpected = [column for column in header if column not in KINDS[closest]]
    details = []
    if missing:
        details.append(_("missing: %(columns)s") % {"columns": ", ".join(missing)})
    if unexpected:
        details.append(
            _("not expected: %(columns)s")
            % {"columns": ", ".join(column or _("(empty)") for column in unexpected)}
        )
    return _(
        "The first line is not the header of a review data file (states, parties, reviewers "
        "or steps). Closest: “%(kind)s”, %(details)s."
    ) % {"kind": closest, "details": "; ".join(details)}


def _record(header: list[str], cells: list[str]) -> dict:
    cells = [cell.strip() for cell in cells]
    values = dict(zip(header, (cells + [""] * len(header))[: len(header)], strict=True))
    if len(cells) < len(header) or any(cells[len(header) :]):
        values["__count__"] = str(len(cells))
    return values


# Import ---------------------------------------------------------------------------------------


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


@dataclass
class ImportReport:
    kind: str
    rows: list[RowResult]
    applied: bool = False

    @property
    def counts(self) -> dict[str, int]:
        counts = Counter(row.outcome for row in self.rows)
        return {outcome: counts[outcome] for outcome in (CREATED, CHANGED, DELETED, UNCHANGED)}

    @property
    def errors(self) -> list[RowResult]:
        return [row for row in self.rows if row.outcome == ERROR]


def import_preview(kind: str, text: str, *, actor) -> ImportReport:
    """Run the import of ``text`` for real, then roll it back: the report says what each row
    would do (with the services' own checks), and nothing is kept, neither data nor log."""
    return _run(kind, text, actor=actor, commit=False)


def import_apply(kind: str, text: str, *, actor) -> ImportReport:
    """Apply the import of ``text`` in one transaction, all rows or none: if any row has an
    error, everything is rolled back and ``applied`` is False. Each change is logged with
    ``via=import`` and ``actor``; a State given a new review group gets its steps rescheduled,
    participations written become firmness ``secretariat``."""
    return _run(kind, text, actor=actor, commit=True)


def _run(kind: str, text: str, *, actor, commit: bool) -> ImportReport:
    parsed = parse(text)
    if parsed.kind != kind:
        raise ValidationError(_("The file's header does not match its kind."), code="other_kind")
    with transaction.atomic():
        report = ImportReport(kind, IMPORTERS[kind](parsed.records, actor))
        if commit and not report.errors:
            report.applied = True
        else:
            transaction.set_rollback(True)
    return report


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
        if value.isdigit() and int(value) in allowed:
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
            return date.fromisoformat(value)
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


def _states_import(records, actor) -> list[RowResult]:
    states = _states()
    groups = {group.number: group for group in ReviewGroup.objects.all()}
    seen, results = {}, []
    for line, values in records:
        row = _Row(line, values, states)
        state = row.state("iso3", "country")
        regional_group = row.choice("regional_group", RegionalGroup.values)
        number = None
        if values.get("review_group"):
            number = row.number("review_group", range(1, 4), _("review group must be 1, 2 or 3"))
            if number and number not in groups:
                row.problems.append(_("review group %(n)s does not exist yet") % {"n": number})
        languages = []
        for code in re.split(r"[\s;,]+", values.get("review_languages", "").lower()):
            if code and code not in UnLanguage.values:
                row.problems.append(
                    _("unknown language code '%(code)s': use ar, zh, en, fr, ru or es")
                    % {"code": code}
                )
            elif code and code not in languages:
                languages.append(code)
        if len(languages) > 3:
            row.problems.append(_("at most three review languages"))
        source = row.text("review_source")
        if state:
            row.once(seen, state.pk, state.name)
        result = row.result(state, _("group and languages"))
        results.append(result)
        if result.outcome == ERROR:
            continue
        new = {
            "regional_group": regional_group,
            "review_group": str(number or ""),
            "review_languages": " ".join(languages),
            "review_source": source,
        }
        result.changes = _diff(state_values(state), new)
        if result.changes:
            result.outcome = CHANGED
            _write(
                [result],
                state_review_update,
                state,
                actor=actor,
                via=VIA,
                regional_group=regional_group,
                review_group=groups.get(number),
                review_languages=languages,
                review_source=source,
            )
    return results


def _parties_import(records, actor) -> list[RowResult]:
    states = _states()
    existing = {(p.state_id, p.treaty): p for p in TreatyParticipation.objects.all()}
    secretariat = TreatyParticipation.Firmness.SECRETARIAT.value
    seen, results = {}, []
    for line, values in records:
        row = _Row(line, values, states)
        state = row.state("iso3", "country")
        treaty = row.choice("treaty", Treaty.values)
        signature, consent_date = row.date("signature"), row.date("consent_date")
        consent_type = row.choice(
            "consent_type", TreatyParticipation.ConsentType.values, upper=False
        )
        source = row.text("source", max_length=2000, required=True)
        if state and treaty in Treaty.values:
            row.once(seen, (state.pk, treaty), f"{state.name} · {treaty}")
        result = row.result(state, treaty)
        results.append(result)
        if result.outcome == ERROR:
            continue
        new = {
            "signature": _iso(signature),
            "consent_date": _iso(consent_date),
            "consent_type": consent_type,
            "source": source,
        }
        participation = existing.get((state.pk, treaty))
        if participation is None:
            result.outcome = CREATED
            result.changes = [(column, "", value) for column, value in new.items() if value]
            participation = TreatyParticipation(state=state, treaty=treaty)
        else:
            result.changes = _diff(participation_values(participation), new)
            if not result.changes:
                continue
            result.outcome = CHANGED
            if participation.firmness != secretariat:
                result.changes.append(("status", participation.firmness, secretariat))
        participation.signature_date, participation.consent_date = signature, consent_date
        participation.consent_type, participation.source = consent_type, source
        _write([result], participation_record, participation, actor=actor, via=VIA)
    return results


@dataclass
class _Reviewers:
    """The rows of one State under review, as read."""

    state: State
    rows: list = field(default_factory=list)  # (result, reviewer, instrument, note)


def _reviewers_import(records, actor) -> list[RowResult]:
    states = _states()
    existing: dict[int, dict] = {}
    for assignment in ReviewerAssignment.objects.select_related("reviewer"):
        key = (assignment.reviewer_id, assignment.instrument)
        existing.setdefault(assignment.state_under_review_id, {})[key] = assignment
    groups: dict[int, _Reviewers] = {}
    results = []
    for line, values in records:
        row = _Row(line, values, states)
        state = row.state("state_under_review")
        reviewer, instrument = None, ""
        if values.get("reviewer") or values.get("instrument"):
            instrument = row.choice("instrument", ReviewedInstrument.values)
            reviewer = row.state("reviewer")
        note = row.text("note")
        if state and reviewer:
            row.problems.extend(reviewer_problems(state, [(reviewer, instrument)]))
        item = _("no reviewer")
        if instrument or reviewer:
            item = f"{instrument}: {reviewer.name if reviewer else values.get('reviewer', '')}"
        result = row.result(state, item)
        results.append(result)
        if state:
            groups.setdefault(state.pk, _Reviewers(state)).rows.append(
                (result, reviewer, instrument, note)
            )
    for group in groups.values():
        group_results = [result for result, *_rest in group.rows]
        if any(result.outcome == ERROR for result in group_results):
            # Say what the readable rows would do; the State is not changed.
            group.rows = [row for row in group.rows if row[0].outcome != ERROR]
            _reviewers_replace(group, existing.get(group.state.pk, {}), actor, write=False)
            continue
        wanted = [(reviewer, instrument) for _r, reviewer, instrument, _n in group.rows if reviewer]
        problems = reviewer_problems(group.state, wanted)
        if problems:
            for result in group_results:
                result.fail([f"{group.state.name}: {' '.join(problems)}"])
            continue
        results.extend(_reviewers_replace(group, existing.get(group.state.pk, {}), actor))
    return results


def _reviewers_replace(
    group: _Reviewers, current: dict, actor, *, write: bool = True
) -> list[RowResult]:
    """Replace the State's assignments by the file's (if ``write``); returns the rows of
    deletions."""
    state = group.state
    kept = {(reviewer.pk, instrument) for _r, reviewer, instrument, _n in group.rows if reviewer}
    removed = [a for key, a in current.items() if key not in kept] if write else []
    deletions = [
        RowResult(
            None,
            state.name,
            f"{assignment.instrument}: {assignment.reviewer.name}",
            DELETED,
            [(c, v, "") for c, v in assignment_values(assignment).items() if v],
        )
        for assignment in removed
    ]
    writes = []
    for result, reviewer, instrument, note in group.rows:
        if reviewer is None:
            result.outcome = CHANGED if removed else UNCHANGED
            continue
        assignment = current.get((reviewer.pk, instrument))
        if assignment is None:
            result.outcome = CREATED
            result.changes = [
                ("instrument", "", instrument),
                ("reviewer", "", reviewer.code),
                *([("note", "", note)] if note else []),
            ]
            writes.append(
                ReviewerAssignment(
                    state_under_review=state,
                    reviewer=reviewer,
                    instrument=instrument,
                    note=note,
                    entered_by=actor,
                )
            )
        elif assignment.note != note:
            result.outcome = CHANGED
            result.changes = [("note", assignment.note, note)]
            assignment.note = note
            writes.append(assignment)

    if write and (removed or writes):
        rows = [result for result, *_rest in group.rows] + deletions
        _write(rows, _assignments_replace, removed, writes, actor=actor)
    return deletions


def _assignments_replace(removed: list, writes: list, *, actor) -> None:
    for assignment in removed:
        delete_with_log(assignment, actor=actor, via=VIA)
    for assignment in writes:
        save_with_log(assignment, actor=actor, via=VIA)


def _steps_import(records, actor) -> list[RowResult]:
    states = _states()
    steps = {
        (step.state_id, step.cluster, step.kind): step
        for step in ReviewStep.objects.select_related("state")
    }
    kinds = dict(ReviewStep.Kind.choices)
    seen, results = {}, []
    for line, values in records:
        row = _Row(line, values, states)
        state = row.state("iso3")
        cluster = row.number("cluster", range(1, 5), _("cluster must be 1, 2, 3 or 4"))
        kind = row.choice("step", list(kinds), upper=False)
        due, done_on = row.date("due"), row.date("done_on")
        note = row.text("note")
        step = None
        if state and cluster and kind in kinds:
            step = steps.get((state.pk, cluster, kind))
            if step is None and state.review_group_id is None:
                row.problems.append(
                    _("%(state)s is in no review group, so it has no steps yet")
                    % {"state": state.name}
                )
            elif step is None:
                row.problems.append(
                    _("%(state)s has no step '%(kind)s' in cluster %(cluster)s")
                    % {"state": state.name, "kind": kind, "cluster": cluster}
                )
            row.once(seen, (state.pk, cluster, kind), f"{state.name} · {cluster} · {kind}")
        item = _("cluster %(cluster)s: %(step)s") % {
            "cluster": cluster or values.get("cluster", ""),
            "step": kinds.get(kind, kind),
        }
        result = row.result(state, item)
        results.append(result)
        if result.outcome == ERROR:
            continue
        new = {"due": _iso(due), "done_on": _iso(done_on), "note": note}
        result.changes = _diff(step_values(step), new)
        if result.changes:
            result.outcome = CHANGED
            _write(
                [result], _step_record, step, done_on=done_on, due_on=due, note=note, actor=actor
            )
    return results


def _step_record(step: ReviewStep, **values) -> None:
    step.refresh_from_db()  # an earlier row may have moved its due date
    review_step_record(step, via=VIA, **values)


IMPORTERS = {
    "states": _states_import,
    "parties": _parties_import,
    "reviewers": _reviewers_import,
    "steps": _steps_import,
}
