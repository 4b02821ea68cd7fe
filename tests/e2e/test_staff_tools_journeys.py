"""The secretariat's tools: a bulk export of letters, followed to its download; a failed email
sent again from the outbox; an item added to the compilation."""

import io

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from portal.models import OutboundEmail, Role
from reviews.models import CompilationItem, State
from tests.factories import UserFactory, grant_role
from tests.factories.engagement import LetterFactory
from tests.factories.portal import OutboundEmailFactory

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def officer(login_as):
    return login_as(grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT))


def test_the_secretariat_exports_the_letters_to_a_state_and_downloads_them(
    live_server, page: Page, officer
):
    kenya = State.objects.get(code="KEN")
    LetterFactory.create_batch(2, state=kenya)
    LetterFactory(state=State.objects.get(code="UGA"))  # another State: not in the export

    page.goto(live_server.url + "/staff/letters/exports/")
    page.get_by_role("button", name="Make the export").click()
    expect(page.get_by_text("Choose a State, a dialogue or a period.")).to_be_visible()
    page.get_by_label("Letters to one State").select_option(label="Kenya")
    page.get_by_role("button", name="Make the export").click()

    expect(page.locator("#export-state")).to_have_text("Ready")
    with page.expect_download() as download:
        page.get_by_role("button", name="Merged PDF").click()
    merged = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    assert len(merged.pages) == 2
    with page.expect_download() as archive:
        page.get_by_role("button", name="ZIP of the letters").click()
    assert archive.value.suggested_filename.endswith(".zip")


def test_the_secretariat_sends_a_failed_message_again_from_the_outbox(
    live_server, page: Page, officer, mailoutbox
):
    failed = OutboundEmailFactory(
        to="ngo@example.org",
        subject="Your application is received",
        status=OutboundEmail.Status.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    OutboundEmailFactory(to="other@example.org", subject="Already sent", status="sent")

    page.goto(live_server.url + "/staff/outbox/")
    page.get_by_label("Status", exact=True).select_option(label="Failed")
    page.get_by_role("button", name="Filter").click()
    row = page.get_by_role("row").filter(has_text="ngo@example.org")
    expect(row).to_contain_text("Connection unexpectedly closed")
    expect(page.get_by_role("row").filter(has_text="other@example.org")).to_have_count(0)
    row.get_by_role("button", name="Send again").click()

    expect(page.get_by_text("The message is queued again.")).to_be_visible()
    failed.refresh_from_db()
    assert failed.status == OutboundEmail.Status.SENT  # tasks run at once in the embedded mode
    assert [message.to for message in mailoutbox] == [["ngo@example.org"]]
    sent_row = page.get_by_role("row").filter(has_text="ngo@example.org")
    expect(sent_row.get_by_role("button", name="Send again")).to_have_count(0)


def test_the_secretariat_adds_a_recommendation_to_the_compilation(live_server, page: Page, officer):
    page.goto(live_server.url + "/compilation/")
    page.get_by_role("button", name="Add an item").click()
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".errorlist, .form-errors").first).to_be_visible()
    page.get_by_label("Kind:", exact=True).select_option(label="Recommendation")
    page.get_by_label("Year:", exact=True).fill("2026")
    page.get_by_label("Body:", exact=True).fill("Conference of the Parties")
    page.get_by_label("Text:", exact=True).fill(
        "States parties are encouraged to involve non-governmental stakeholders."
    )
    page.get_by_label("Topics (comma-separated):", exact=True).fill("stakeholders, civil society")
    page.get_by_label("Source:", exact=True).fill("CTOC/COP/2026/15, resolution 13/1, paragraph 4")
    page.get_by_role("button", name="Add", exact=True).click()

    expect(page.get_by_text("Added to the compilation.")).to_be_visible()
    expect(
        page.get_by_text("States parties are encouraged to involve non-governmental stakeholders.")
    ).to_be_visible()
    item = CompilationItem.objects.get(year=2026)
    assert item.tags == ["stakeholders", "civil society"]
    assert item.added_by.email == "officer@example.org"
