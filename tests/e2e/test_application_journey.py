"""The whole journey: an NGO applies to two dialogues at once, the secretariat screens in and
circulates, a State party objects to one, the Bureau approves it, the NGO confirms both, and
the secretariat exports the PDF list."""

from datetime import timedelta

import pytest
from django.test import Client
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from engagement.models import Application, Dialogue, Membership, Organization
from engagement.services import sweeps
from portal.models import Role
from reviews.models import State
from tests.factories import DialogueFactory, UserFactory, grant_role

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]
S = Application.Status


def _page_for(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def _decide_in_queue(page: Page, live_server, dialogue, action: str):
    page.goto(f"{live_server.url}/staff/dialogues/{dialogue.pk}/applications/")
    page.get_by_label("Select Lakeside Rights Collective").check()
    page.get_by_label("Decision").select_option(label=action)
    page.get_by_role("button", name="Prepare the decision").click()
    expect(page.get_by_text("1 decision(s) prepared.")).to_be_visible()
    page.get_by_role("button", name="Release the prepared decisions").click()
    expect(page.get_by_text("1 decision(s) released")).to_be_visible()


def _dialogue_status(page: Page, live_server, dialogue, *labels):
    for label in labels:
        page.goto(f"{live_server.url}/staff/dialogues/{dialogue.pk}/")
        page.get_by_role("button", name=f"Mark as “{label}”").click()
        page.get_by_role("button", name=f"Confirm: “{label}”").click()
        expect(page.get_by_text(f"The dialogue is now “{label}”.")).to_be_visible()


def test_apply_screen_circulate_object_refer_approve_confirm_export(
    live_server, page: Page, browser, login_as
):
    firearms = DialogueFactory(title="Firearms dialogue")
    trafficking = DialogueFactory(
        title="Trafficking dialogue", session__working_group__slug="trafficking-in-persons"
    )
    ngo = UserFactory(email="grace@example.org", full_name="Grace Mwangi")
    organization = Organization.objects.create(
        name="Lakeside Rights Collective",
        kind="ngo",
        country="KE",
        email="info@lakeside.example.org",
        postal_address="PO Box 7, Kisumu",
        mission="Supporting survivors.",
        expertise_text="Trafficking in persons",
    )
    Membership.objects.create(organization=organization, user=ngo, is_admin=True)
    staff = grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT)
    kenya = grant_role(
        UserFactory(email="kenya@example.org"),
        Role.STATE_REPRESENTATIVE,
        state=State.objects.get(code="KEN"),
    )
    bureau = grant_role(UserFactory(email="bureau@example.org"), Role.BUREAU)

    # The NGO applies to both dialogues in one form.
    login_as(ngo)
    page.goto(live_server.url + "/applications/")
    page.get_by_role("button", name="Apply to dialogues").click()
    page.get_by_label("Firearms dialogue").check()
    page.get_by_label("Trafficking dialogue").check()
    page.get_by_label("Your expertise on the working group's topic").fill(
        "Ten years of shelters for survivors of trafficking."
    )
    page.get_by_label("Function 1").fill("Director")
    page.get_by_role("button", name="Submit the application(s)").click()
    expect(page.get_by_text("Submitted: 2 application(s).")).to_be_visible()
    applications = {a.dialogue_id: a for a in Application.objects.all()}
    assert {a.status for a in applications.values()} == {S.SUBMITTED}

    # The secretariat screens in, closes and circulates, for both dialogues.
    officer = _page_for(browser, live_server, staff)
    for dialogue in (firearms, trafficking):
        _decide_in_queue(officer, live_server, dialogue, "Screen in")
        _decide_in_queue(officer, live_server, dialogue, "Circulate to States parties")
        _dialogue_status(
            officer,
            live_server,
            dialogue,
            "Applications closed",
            "List circulated to States parties",
        )

    # Kenya's representative objects to the organization on the firearms list.
    state_page = _page_for(browser, live_server, kenya)
    state_page.goto(live_server.url + "/states/dialogues/")
    state_page.get_by_role("link", name="Firearms dialogue").click()
    state_page.get_by_text("Object", exact=True).click()
    state_page.get_by_label("Reason for the objection").fill("Concerns about its funding.")
    state_page.get_by_role("button", name="Object to Lakeside Rights Collective").click()
    expect(state_page.get_by_text("Your objection to Lakeside Rights Collective")).to_be_visible()

    # The objection windows close: one application approved, the other referred.
    latest = max(firearms.objection_deadline, trafficking.objection_deadline)
    assert sweeps.applications_settle_objection_window(now=latest + timedelta(seconds=1)) == {
        "approved": 1,
        "referred": 1,
    }

    # A Bureau member approves the referred application, with a reason.
    bureau_page = _page_for(browser, live_server, bureau)
    bureau_page.goto(live_server.url + "/bureau/referrals/")
    expect(bureau_page.get_by_text("Concerns about its funding.")).to_be_visible()
    bureau_page.get_by_label("Reason for the decision").fill("The objection is not substantiated.")
    bureau_page.get_by_role("button", name="Approve Lakeside Rights Collective").click()
    expect(
        bureau_page.get_by_text("Decision recorded for Lakeside Rights Collective.")
    ).to_be_visible()

    # The NGO confirms both.
    for dialogue in (firearms, trafficking):
        page.goto(live_server.url + applications[dialogue.pk].get_absolute_url())
        expect(page.get_by_text("Confirm your attendance")).to_be_visible()
        page.get_by_role("button", name="Confirm our attendance").click()
        expect(page.get_by_text("Attendance confirmed.")).to_be_visible()
    assert set(Application.objects.values_list("status", flat=True)) == {S.CONFIRMED}

    # The secretariat exports the list as a PDF.
    officer.goto(f"{live_server.url}/staff/dialogues/{firearms.pk}/applications/")
    with officer.expect_download() as download:
        officer.get_by_role("link", name="PDF").first.click()
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(download.value.path()).pages
    )
    assert "Lakeside Rights Collective" in text
    assert "List of applicants circulated to States parties" in text
    for extra in (officer, state_page, bureau_page):
        extra.wait_for_load_state("networkidle")
        extra.context.close()
    assert Dialogue.objects.get(pk=firearms.pk).status == Dialogue.Status.CIRCULATED
