"""CSV export of the review data: the values of each row and ``export_csv``."""

from collections.abc import Iterator
from datetime import date

from portal.deadlines import VIENNA
from portal.spreadsheets import csv_writer

from ..models import ReviewerAssignment, ReviewStep, State, TreatyParticipation
from .files import KINDS


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
    ordered by State name. One query whatever the number of rows. Changes nothing. A cell
    that a spreadsheet would run as a formula starts with a quote, which the import takes away
    again (``portal.spreadsheets``)."""
    columns = KINDS[kind]
    writer = csv_writer(_Echo(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(columns)
    for values in _export_rows(kind):
        yield writer.writerow([values[column] for column in columns])
