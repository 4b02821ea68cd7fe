"""Formula injection: text that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
``@``, tab, carriage return first) leaves every CSV and XLSX export with a leading quote, and
numbers stay numbers."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from engagement import exports
from engagement.models import Application, Dialogue
from portal.models import Role
from portal.spreadsheets import cell_read, cell_safe
from reviews.models import ReviewerAssignment, State
from tests.factories import (
    ApplicationFactory,
    DialogueFactory,
    OrganizationFactory,
    UserFactory,
    grant_role,
)
from tests.factories.reviews import ReviewStepFactory

pytestmark = pytest.mark.django_db
S = Application.Status

HYPERLINK = '=HYPERLINK("http://x","y")'
# What each export must write for the hostile text it was given.
HOSTILE = {
    HYPERLINK: "'" + HYPERLINK,
    "+1+cmd|' /C calc'!A0": "'+1+cmd|' /C calc'!A0",
    "-2+3": "'-2+3",
    "@SUM(1+1)": "'@SUM(1+1)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
}


@pytest.fixture
def staff(client):
    client.force_login(grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT))
    return client


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def _queue_export(client, dialogue, fmt, **query):
    response = client.get(reverse("engagement:staff-queue-export", args=[dialogue.pk, fmt]), query)
    assert response.status_code == 200
    return response.content


@pytest.fixture
def hostile_dialogue():
    """A circulated list of one organization per hostile name, each with the same text as
    its acronym, and a confirmed one with hostile representatives."""
    dialogue = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    for name in HOSTILE:
        ApplicationFactory(
            dialogue=dialogue,
            status=S.CIRCULATED,
            organization=OrganizationFactory(name=name, acronym=name[:20]),
        )
    confirmed = ApplicationFactory(
        dialogue=dialogue,
        status=S.CONFIRMED,
        organization=OrganizationFactory(name="@Confirmed"),
    )
    confirmed.representatives.create(name=HYPERLINK, function="-2+3", email="rep@example.org")
    return dialogue


def test_the_list_for_states_parties_as_csv_quotes_every_formula(staff, hostile_dialogue):
    rows = _csv_rows(_queue_export(staff, hostile_dialogue, "csv"))
    names = {row[0] for row in rows[1:]}
    assert names == {*HOSTILE.values(), "'@Confirmed"}
    acronyms = {row[1] for row in rows[1:] if row[0] != "'@Confirmed"}
    assert acronyms == {cell_safe(name[:20]) for name in HOSTILE}
    assert all(acronym.startswith("'") for acronym in acronyms)


def test_the_list_for_states_parties_as_xlsx_has_no_formula(staff, hostile_dialogue):
    sheet = load_workbook(io.BytesIO(_queue_export(staff, hostile_dialogue, "xlsx"))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    names = {sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)}
    # XML reads a carriage return back as a line feed; the quote before it is what matters.
    expected = {value.replace("\r", "\n") for value in HOSTILE.values()}
    assert names == {*expected, "'@Confirmed"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_list_of_participants_quotes_representatives(staff, hostile_dialogue, fmt):
    content = _queue_export(staff, hostile_dialogue, fmt, list="participants")
    if fmt == "csv":
        (row,) = _csv_rows(content)[1:]
    else:
        sheet = load_workbook(io.BytesIO(content)).active
        row = [cell.value for cell in sheet[2]]
        assert all(cell.data_type != "f" for cell in sheet[2])
    assert row[:4] == ["'@Confirmed", row[1], "'" + HYPERLINK, "'-2+3"]


def test_numbers_stay_numbers_in_both_formats():
    header, rows = (
        ["Name", "Balance", "Text balance", "Ratio"],
        [["-2+3", -3, "-3", Decimal("-1.5")]],
    )
    assert _csv_rows(exports.as_csv(header, rows))[1] == ["'-2+3", "-3", "-3", "-1.5"]
    sheet = load_workbook(io.BytesIO(exports.as_xlsx(header, rows, "Numbers"))).active
    name, balance, text_balance, ratio = sheet[2]
    assert (name.value, name.data_type) == ("'-2+3", "s")
    assert (balance.value, balance.data_type) == (-3, "n")
    assert text_balance.value == "-3"
    assert (ratio.value, ratio.data_type) == (-1.5, "n")


@pytest.mark.parametrize(
    "value",
    [HYPERLINK, "'=already quoted", "''-2+3", "'plain", "plain", "-3", "-3.5", "", "\t=1"],
)
def test_the_quote_is_taken_away_again_on_reading(value):
    assert cell_read(cell_safe(value)) == value


def _review_export(client, kind) -> list[list[str]]:
    response = client.get(reverse("reviews:staff-export", args=[kind]))
    assert response.status_code == 200
    return _csv_rows(b"".join(response.streaming_content))


def test_the_review_data_export_quotes_formulas_and_imports_again_unchanged(staff):
    kenya, ghana = State.objects.get(code="KEN"), State.objects.get(code="GHA")
    ReviewerAssignment.objects.create(
        state_under_review=kenya, reviewer=ghana, instrument="TIP", note=HYPERLINK
    )
    ReviewStepFactory(state=kenya, note="@SUM(1+1)")
    reviewers = _review_export(staff, "reviewers")
    assert ["KEN", "TIP", "GHA", "'" + HYPERLINK] in reviewers
    steps = _review_export(staff, "steps")
    assert any(row[0] == "KEN" and row[-1] == "'@SUM(1+1)" for row in steps)
    for kind in ("reviewers", "steps"):
        content = staff.get(reverse("reviews:staff-export", args=[kind]))
        text = b"".join(content.streaming_content)
        preview = staff.post(
            reverse("reviews:staff-import"),
            {"file": SimpleUploadedFile(f"{kind}.csv", text), "kind": kind},
        )
        report = preview.context["report"]
        assert report.rows and not report.errors
        assert {row.outcome for row in report.rows} == {"unchanged"}, kind
