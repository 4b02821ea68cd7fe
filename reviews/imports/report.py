"""Previewing and applying an import: ``ImportReport``, ``import_preview`` and
``import_apply``."""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .files import parse
from .kinds import IMPORTERS
from .rows import CHANGED, CREATED, DELETED, ERROR, UNCHANGED, RowResult


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
