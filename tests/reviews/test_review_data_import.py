"""The secretariat's review data: CSV export of the four kinds, import with a preview that
changes nothing, confirmation that applies all rows or none, and every error a file can hold."""

import csv
import html
import io
import struct
import zlib
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import Role
from reviews.imports import KINDS
from reviews.models import (
    RegionalGroup,
    ReviewDataChange,
    ReviewerAssignment,
    ReviewGroup,
    ReviewStep,
    State,
    TreatyParticipation,
)
from reviews.services import state_review_update
from tests.factories import UserFactory, grant_role
from tests.factories.reviews import (
    ReviewerAssignmentFactory,
    StateFactory,
    TreatyParticipationFactory,
)

pytestmark = pytest.mark.django_db

DATA_URL = reverse("reviews:staff-data")
IMPORT_URL = reverse("reviews:staff-import")
STATES_HEADER = "iso3,country,regional_group,review_group,review_languages,review_source"
PARTIES_HEADER = "iso3,country,treaty,signature,consent_date,consent_type,source,status"
REVIEWERS_HEADER = "state_under_review,instrument,reviewer,note"
STEPS_HEADER = "iso3,cluster,step,due,done_on,note"
KENYA_UNTOC_SOURCE = (
    "untc-xviii-12: participant table as of January 2014 "
    "(archived copy at github.com/zmjones/untreaties)"
)


def export(client, kind) -> str:
    response = client.get(reverse("reviews:staff-export", args=[kind]))
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


def rows_of(text) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def upload(client, content, *, name="review-data.csv", kind=""):
    if isinstance(content, str):
        content = content.encode("utf-8")
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content), "kind": kind})


def confirm(client, preview):
    return client.post(IMPORT_URL, {"token": preview.context["pending"]["token"]})


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def kenya_in_group(number):
    kenya = State.objects.get(code="KEN")
    state_review_update(
        kenya, actor=None, via="form", review_group=ReviewGroup.objects.get(number=number)
    )
    return kenya


# Export ---------------------------------------------------------------------------------------


def test_export_of_states_and_parties_has_the_header_and_the_reference_rows(staff):
    response = staff.get(reverse("reviews:staff-export", args=["parties"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = date.today().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="review-data-parties-{today}.csv"'
    )
    parties = rows_of(b"".join(response.streaming_content).decode("utf-8-sig"))
    assert ",".join(parties[0]) == PARTIES_HEADER
    assert [
        "KEN",
        "Kenya",
        "UNTOC",
        "",
        "2004-06-16",
        "accession",
        KENYA_UNTOC_SOURCE,
        "untc_2014_snapshot",
    ] in parties
    assert len(parties) == 1 + TreatyParticipation.objects.count()
    afghanistan = [row[2] for row in parties if row[0] == "AFG"]
    assert parties[1][0] == "AFG" and afghanistan == sorted(afghanistan)  # by name, then treaty

    states = rows_of(export(staff, "states"))
    assert ",".join(states[0]) == STATES_HEADER
    assert ["KEN", "Kenya", "AFRICAN", "", "", ""] in states
    assert len(states) == 1 + 198
    assert ["EUU", "European Union", "NONE", "", "", ""] in states


def test_export_of_reviewers_and_steps(staff):
    kenya = kenya_in_group(2)
    state_review_update(kenya, actor=None, via="form", review_languages=["en", "fr"])
    ReviewerAssignmentFactory(
        state_under_review=kenya,
        reviewer=State.objects.get(code="GHA"),
        instrument="TIP",
        note="drawn in 2021",
    )
    reviewers = rows_of(export(staff, "reviewers"))
    assert reviewers == [REVIEWERS_HEADER.split(","), ["KEN", "TIP", "GHA", "drawn in 2021"]]
    steps = rows_of(export(staff, "steps"))
    assert ",".join(steps[0]) == STEPS_HEADER
    assert len(steps) == 1 + 24
    assert steps[1] == ["KEN", "1", "focal_point", "", "", ""]  # due follows the rule
    assert ["KEN", "2", "FIREARMS"] not in steps
    assert ["KEN", "Kenya", "AFRICAN", "2", "en fr", ""] in rows_of(export(staff, "states"))


def test_an_unknown_kind_is_not_found(staff):
    assert staff.get(reverse("reviews:staff-export", args=["contacts"])).status_code == 404


@pytest.mark.parametrize("kind", list(KINDS))
def test_export_takes_the_same_number_of_queries_for_any_number_of_rows(staff, kind):
    def count():
        with CaptureQueriesContext(connection) as queries:
            export(staff, kind)
        return len(queries)

    kenya_in_group(1)
    before = count()
    group = ReviewGroup.objects.get(number=3)
    for index in range(50):
        state = StateFactory(
            name=f"Testland {index}", code=f"T{index:02d}", regional_group=RegionalGroup.WEOG
        )
        state_review_update(state, actor=None, via="form", review_group=group)
        TreatyParticipationFactory(
            state=state,
            treaty="UNTOC",
            consent_type="accession",
            source="t",
            firmness="secretariat",
        )
        ReviewerAssignmentFactory(
            state_under_review=state, reviewer=State.objects.get(code="KEN"), instrument="UNTOC"
        )
    assert count() == before


# Import: round trip, preview, confirm ---------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_file_exported_and_imported_again_changes_nothing(staff, kind):
    kenya = kenya_in_group(2)
    ReviewerAssignmentFactory(
        state_under_review=kenya, reviewer=State.objects.get(code="GHA"), instrument="TIP"
    )
    logged = ReviewDataChange.objects.count()
    preview = upload(staff, export(staff, kind))
    assert preview.status_code == 200
    report = preview.context["report"]
    assert report.kind == kind
    assert report.rows and not report.errors
    assert {row.outcome for row in report.rows} == {"unchanged"}
    assert "Nothing would change" in page_text(preview)
    response = confirm(staff, preview)
    assert response.status_code == 302
    assert ReviewDataChange.objects.count() == logged


def test_an_import_changes_a_consent_date_and_a_group_after_a_preview_that_changes_nothing(
    staff, officer
):
    parties = (
        f"{PARTIES_HEADER}\r\n"
        f'KEN,Kenya,UNTOC,,2004-06-17,accession,"{KENYA_UNTOC_SOURCE}",untc_2014_snapshot\r\n'
    )
    states = f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,2,en,Drawn in Vienna\n"
    logged = ReviewDataChange.objects.count()

    preview = upload(staff, parties)
    assert preview.status_code == 200
    text = page_text(preview)
    assert "2004-06-16" in text and "2004-06-17" in text and "Apply the import" in text
    [row] = preview.context["report"].rows
    assert (row.line, row.state, row.outcome) == (2, "Kenya", "changed")
    assert row.changes == [
        ("consent_date", "2004-06-16", "2004-06-17"),
        ("status", "untc_2014_snapshot", "secretariat"),
    ]
    untoc = TreatyParticipation.objects.get(state__code="KEN", treaty="UNTOC")
    assert untoc.consent_date == date(2004, 6, 16) and untoc.firmness == "untc_2014_snapshot"
    assert ReviewDataChange.objects.count() == logged

    response = confirm(staff, preview)
    assert response.status_code == 302
    untoc.refresh_from_db()
    assert untoc.consent_date == date(2004, 6, 17) and untoc.firmness == "secretariat"
    line = ReviewDataChange.objects.get(state__code="KEN")
    assert (line.actor, line.via, line.action) == (officer, "import", "changed")
    assert line.changes["consent_date"] == ["2004-06-16", "2004-06-17"]
    assert line.changes["firmness"] == ["untc_2014_snapshot", "secretariat"]
    message = page_text(staff.get(DATA_URL))
    assert "Import applied: 0 created, 1 changed, 0 deleted, 0 unchanged." in message
    assert reverse("reviews:staff-changes") + "?via=import" in message

    preview = upload(staff, states)
    assert preview.context["report"].rows[0].changes == [
        ("review_group", "", "2"),
        ("review_languages", "", "en"),
        ("review_source", "", "Drawn in Vienna"),
    ]
    assert ReviewStep.objects.filter(state__code="KEN").count() == 0
    confirm(staff, preview)
    kenya = State.objects.get(code="KEN")
    assert kenya.review_group.number == 2 and kenya.review_languages == ["en"]
    assert ReviewStep.objects.filter(state=kenya).count() == 24
    line = ReviewDataChange.objects.filter(state=kenya).first()
    assert (line.actor, line.via) == (officer, "import")
    assert line.changes["review_source"] == ["", "Drawn in Vienna"]
    assert "review_data_import" not in staff.session


def test_a_new_party_is_created_and_the_status_column_is_ignored(staff, officer):
    assert not TreatyParticipation.objects.filter(state__code="PLW", treaty="UNTOC").exists()
    content = (
        "country;iso3;treaty;signature;consent_date;consent_type;source;status\n"
        "Palau;PLW;UNTOC;;2019-05-13;accession;Depositary notification;untc_2014_snapshot\n"
    )
    preview = upload(staff, "\ufeff" + content)  # Excel: semicolons and a byte-order mark
    [row] = preview.context["report"].rows
    assert row.outcome == "created"
    confirm(staff, preview)
    palau = TreatyParticipation.objects.get(state__code="PLW", treaty="UNTOC")
    assert palau.consent_date == date(2019, 5, 13) and palau.firmness == "secretariat"
    assert ReviewDataChange.objects.get(state__code="PLW").action == "created"


def test_a_steps_import_sets_a_due_date_and_a_done_date_and_puts_one_back_to_the_rule(staff):
    kenya = kenya_in_group(2)
    content = (
        f"{STEPS_HEADER}\n"
        "KEN,1,focal_point,2021-12-01,2021-11-20,appointed late\n"
        "KEN,1,self_assessment,,2022-08-31,\n"
    )
    confirm(staff, upload(staff, content))
    focal = ReviewStep.objects.get(state=kenya, cluster=1, kind="focal_point")
    assert focal.due_set_by_secretariat and focal.done_on == date(2021, 11, 20)
    assert focal.note == "appointed late"
    feedback = ReviewStep.objects.get(state=kenya, cluster=1, kind="feedback")
    assert feedback.due_at.date() == date(2023, 2, 28)  # six months after the self-assessment
    assert ["KEN", "1", "focal_point", "2021-12-01", "2021-11-20", "appointed late"] in rows_of(
        export(staff, "steps")
    )
    preview = upload(staff, f"{STEPS_HEADER}\nKEN,1,focal_point,,2021-11-20,appointed late\n")
    assert preview.context["report"].rows[0].changes == [("due", "2021-12-01", "")]
    confirm(staff, preview)
    focal.refresh_from_db()
    assert not focal.due_set_by_secretariat


def test_a_reviewers_import_replaces_the_set_of_each_state_in_the_file(staff, officer):
    kenya, ghana = State.objects.get(code="KEN"), State.objects.get(code="GHA")
    ReviewerAssignmentFactory(state_under_review=kenya, reviewer=ghana, instrument="TIP")
    ReviewerAssignmentFactory(state_under_review=ghana, reviewer=kenya, instrument="UNTOC")
    content = f"{REVIEWERS_HEADER}\nKEN,UNTOC,FRA,\nKEN,UNTOC,PER,by lot\n"
    preview = upload(staff, content)
    outcomes = [(row.line, row.item, row.outcome) for row in preview.context["report"].rows]
    assert outcomes == [
        (2, "UNTOC: France", "created"),
        (3, "UNTOC: Peru", "created"),
        (None, "TIP: Ghana", "deleted"),
    ]
    confirm(staff, preview)
    assert sorted(kenya.reviewer_assignments.values_list("reviewer__code", flat=True)) == [
        "FRA",
        "PER",
    ]
    assert ghana.reviewer_assignments.count() == 1  # not in the file: kept
    actions = ReviewDataChange.objects.filter(state=kenya, via="import", actor=officer)
    assert sorted(actions.values_list("action", flat=True)) == ["created", "created", "deleted"]
    assert kenya.reviewer_assignments.get(reviewer__code="FRA").entered_by == officer

    confirm(staff, upload(staff, f"{REVIEWERS_HEADER}\nKEN,,,\n"))  # the State alone: none
    assert kenya.reviewer_assignments.count() == 0


# Errors ---------------------------------------------------------------------------------------


def _png() -> bytes:

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,,,\nXYZ,Nowhere,AFRICAN,,,\n",
            "line 3: unknown ISO3 code 'XYZ'",
        ),
        (
            f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,5,,\n",
            "line 2: review group must be 1, 2 or 3 (the file has '5')",
        ),
        (
            f"{STATES_HEADER}\nKEN,Kenya,AFRICA,,en de,\n",
            "line 2: regional_group must be one of AFRICAN, ASIA_PACIFIC",
        ),
        (
            f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,,en de,\n",
            "line 2: unknown language code 'de': use ar, zh, en, fr, ru or es",
        ),
        (
            f"{PARTIES_HEADER}\nKEN,Kenya,UNTOC,,16/06/2004,accession,UNTC,\n",
            "line 2: consent_date: '16/06/2004' is not a date in the form YYYY-MM-DD",
        ),
        (
            f"{PARTIES_HEADER}\nKEN,Kenya,UNTOC,,2004-02-30,accession,UNTC,\n",
            "line 2: consent_date: '2004-02-30' is not a date in the form YYYY-MM-DD",
        ),
        (
            f"{PARTIES_HEADER}\nKEN,Kenya,UNTOC,,2004-06-16,accession,,\n",
            "line 2: source is missing",
        ),
        (
            f"{PARTIES_HEADER}\nKEN,Kenya,UNTOC,,2004-06-16,accession,a,\n"
            "KEN,Kenya,UNTOC,,2004-06-17,accession,b,\n",
            "line 3: Kenya · UNTOC is already on line 2",
        ),
        (f"{PARTIES_HEADER}\nKEN,Kenya,UNTOC\n", "line 2: 3 values for 8 columns"),
        (f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,,,,x\n", "line 2: 7 values for 6 columns"),
        (
            f"{STEPS_HEADER}\nKEN,1,focal_point,,,\n",
            "line 2: Kenya is in no review group, so it has no steps yet",
        ),
        (f"{STEPS_HEADER}\nGHA,7,focal_point,,,\n", "line 2: cluster must be 1, 2, 3 or 4"),
        (
            f"{REVIEWERS_HEADER}\nKEN,UNTOC,GHA,\nKEN,TIP,KEN,\n",
            "line 3: A State does not review itself.",
        ),
        (
            f"{REVIEWERS_HEADER}\n"
            + "".join(f"KEN,UNTOC,{code},\n" for code in ("GHA", "FRA", "PER", "IND", "BRA")),
            "line 2: Kenya: A State under review has at most four reviewers in all.",
        ),
        (
            f"{REVIEWERS_HEADER}\nKEN,UNTOC,GHA,\nKEN,UNTOC,GHA,\n",
            "line 2: Kenya: The same reviewer is entered twice for one instrument.",
        ),
    ],
)
def test_a_row_error_is_shown_in_the_preview_and_nothing_can_be_confirmed(staff, content, message):
    before = list(TreatyParticipation.objects.values_list("consent_date", flat=True))
    preview = upload(staff, content)
    assert preview.status_code == 200
    text = page_text(preview)
    assert message in text
    assert "nothing can be applied" in text and "Apply the import" not in text
    response = confirm(staff, preview)
    assert response.status_code == 200
    assert "Nothing was changed: the file has errors." in page_text(response)
    assert list(TreatyParticipation.objects.values_list("consent_date", flat=True)) == before
    assert not ReviewerAssignment.objects.exists()
    assert not ReviewDataChange.objects.exists()


def test_empty_cells_a_spreadsheet_adds_at_the_end_are_ignored(staff):
    preview = upload(staff, f"{STATES_HEADER},,\nKEN,Kenya,AFRICAN,2,,,,\n\n,,,,,,\n")
    [row] = preview.context["report"].rows
    assert (row.outcome, row.changes) == ("changed", [("review_group", "", "2")])


def test_rows_before_an_error_are_not_applied_either(staff):
    content = f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,2,,\nXYZ,Nowhere,AFRICAN,,,\n"
    preview = upload(staff, content)
    assert [row.outcome for row in preview.context["report"].rows] == ["changed", "error"]
    confirm(staff, preview)
    assert State.objects.get(code="KEN").review_group is None
    assert not ReviewStep.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,code\nKenya,KEN\n", "The first line is not the header of a review data file"),
        (
            b"iso3,country,regional_group,review_group,review_languages\nKEN,Kenya,AFRICAN,,\n",
            "Closest: \u201cstates\u201d, missing: review_source.",
        ),
        (_png(), "This file is a PNG image, not a CSV text file."),
        (b"PK\x03\x04rest of a workbook", "This file is an Excel workbook or another ZIP"),
        (
            f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,\x00,,\n".encode(),
            "Line 2 contains a NUL byte: this is not a UTF-8 CSV text file.",
        ),
        (
            f"{STATES_HEADER}\nCIV,C\u00f4te d'Ivoire,AFRICAN,,,\n".encode("latin-1"),
            "Line 2 is not UTF-8 text (byte 0xF4 cannot be read).",
        ),
        (b"", "The submitted file is empty."),
        (b"\n\n", "The file is empty."),
        (
            f'{STATES_HEADER}\nKEN,"Kenya,AFRICAN,,,\n'.encode() + b"x" * 140_000,
            "Line 2 cannot be read as CSV: field larger than field limit",
        ),
        (
            (STATES_HEADER + "\n").encode() + b"KEN,Kenya,AFRICAN,,,\n" * 110_000,
            "The file is 2,256 KB; the limit is 2 MB (2,048 KB).",
        ),
    ],
    ids=[
        "unknown-header",
        "missing-column",
        "png",
        "xlsx",
        "nul",
        "latin-1",
        "empty",
        "blank",
        "bad-csv",
        "too-large",
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_what_is_wrong(staff, content, message):
    response = upload(staff, content, kind="states")
    assert response.status_code == 200
    text = page_text(response)
    assert message in text
    assert response.context["form"].errors["file"]
    assert '<option value="states" selected>' in text  # the chosen kind is kept
    assert "review_data_import" not in staff.session


def test_a_file_of_another_kind_than_the_one_chosen_is_refused(staff):
    response = upload(staff, f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,,,\n", kind="parties")
    assert response.status_code == 200
    text = page_text(response)
    assert (
        "The header is that of a \u201cstates\u201d file, not of the \u201cparties\u201d file"
        in text
    )
    assert '<option value="parties" selected>' in text


def test_confirm_is_refused_without_the_token_of_the_file_previewed(staff):
    preview = upload(staff, f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,2,,\n")
    assert preview.status_code == 200
    response = staff.post(IMPORT_URL, {"token": "0" * 64})
    assert response.status_code == 200
    assert "This import is no longer waiting for confirmation" in page_text(response)
    assert State.objects.get(code="KEN").review_group is None

    assert confirm(staff, preview).status_code == 302
    assert State.objects.get(code="KEN").review_group.number == 2
    again = confirm(staff, preview)  # the same confirmation twice: the second is refused
    assert again.status_code == 200
    assert "no longer waiting for confirmation" in page_text(again)


def test_the_preview_waiting_can_be_shown_again(staff):
    assert staff.get(IMPORT_URL).status_code == 302
    upload(staff, f"{STATES_HEADER}\nKEN,Kenya,AFRICAN,2,,\n")
    response = staff.get(IMPORT_URL)
    assert response.status_code == 200
    assert response.context["report"].rows[0].changes[0] == ("review_group", "", "2")


def test_the_data_page_lists_the_kinds_exports_links_and_party_lists(staff):
    response = staff.get(DATA_URL)
    text = page_text(response)
    for kind, columns in KINDS.items():
        assert all(f"<li><code>{column}</code></li>" in text for column in columns)
        assert reverse("reviews:staff-export", args=[kind]) in text
    assert reverse("reviews:staff-groups") in text and reverse("reviews:staff-changes") in text
    assert 'enctype="multipart/form-data"' in text
    assert "182 as of April 2024" in text and "12 parties missing" in text  # TIP Protocol
    assert response.context["party_lists"][0][1:] == (
        TreatyParticipation.objects.filter(treaty="FIREARMS").count(),
        0,
    )


# Who may ---------------------------------------------------------------------------------------

URLS = [
    ("get", DATA_URL),
    ("get", reverse("reviews:staff-export", args=["states"])),
    ("get", IMPORT_URL),
    ("post", IMPORT_URL),
    ("get", reverse("reviews:staff-changes")),
]


@pytest.mark.parametrize(("method", "url"), URLS)
def test_only_the_secretariat_reaches_the_review_data_pages(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.force_login(UserFactory())
    assert getattr(client, method)(url).status_code == 404
    client.force_login(
        grant_role(UserFactory(), Role.STATE_REPRESENTATIVE, state=State.objects.get(code="KEN"))
    )
    assert getattr(client, method)(url).status_code == 404
