"""The secretariat prepares a dialogue and publishes it; a visitor finds it and its dates."""

import pytest
from playwright.sync_api import Page, expect

from engagement.models import Dialogue
from portal.models import Role
from tests.factories import UserFactory, grant_role

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


def test_secretariat_creates_a_dialogue_with_default_dates_and_opens_it(
    live_server, page: Page, login_as
):
    staff = UserFactory(email="officer@example.org")
    grant_role(staff, Role.SECRETARIAT)
    login_as(staff)

    page.goto(live_server.url + "/")
    page.get_by_text("Secretariat", exact=True).click()
    page.locator("details.dropdown").get_by_role("link", name="Dialogues").click()
    page.get_by_role("button", name="New working-group session").click()
    page.get_by_label("Working group").select_option(label="Firearms")
    page.get_by_label("Session number").fill("11")
    page.get_by_label("First day").fill("2027-04-06")
    page.get_by_label("Last day").fill("2027-04-08")
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_text("Session saved")).to_be_visible()

    page.get_by_label("Title:", exact=True).fill("Constructive dialogue on firearms trafficking")
    page.get_by_label("Starts at:", exact=True).fill("2027-04-12T10:00")
    page.get_by_label("Ends at:", exact=True).fill("2027-04-12T09:00")  # before the start: refused
    page.get_by_label("Format:", exact=True).select_option("hybrid")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("The end of the dialogue must come after the dialogue.")
    ).to_be_visible()
    expect(page.get_by_label("Title:", exact=True)).to_have_value(
        "Constructive dialogue on firearms trafficking"
    )

    page.get_by_label("Ends at:", exact=True).fill("2027-04-12T13:00")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Dialogue saved as a draft.")).to_be_visible()
    expect(
        page.get_by_text("Confirmation cut-off: 28 March 2027, 23:59:59 Vienna time.")
    ).to_be_visible()

    page.get_by_role("button", name="Mark as “Open for applications”").click()
    page.get_by_role("button", name="Confirm: “Open for applications”").click()
    expect(page.get_by_text("The dialogue is now “Open for applications”.")).to_be_visible()
    assert Dialogue.objects.get().status == Dialogue.Status.OPEN

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dialogues").click()
    page.get_by_role("link", name="Constructive dialogue on firearms trafficking").click()
    timeline = page.locator("ol.milestones")
    expect(timeline).to_contain_text("Confirmation cut-off")
    expect(timeline).to_contain_text("Sun 28 March 2027, 23:59:59")
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to my calendar").click()
    assert download.value.suggested_filename.endswith(".ics")


def test_other_users_cannot_reach_the_staff_pages(live_server, page: Page, login_as):
    login_as(UserFactory())
    response = page.goto(live_server.url + "/staff/dialogues/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
