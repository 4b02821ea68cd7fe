"""After applying: an organization sends written comments and withdraws; a dialogue full up
puts an organization on the reserve list, which is offered the place another leaves; the
secretariat decides a dialogue will not be convened and its applicants hear it."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from playwright.sync_api import Page, expect

from engagement.models import Application, Dialogue, Membership
from engagement.services import sweeps
from portal.models import OutboundEmail, Role
from tests.factories import ApplicationFactory, DialogueFactory, UserFactory, grant_role
from tests.factories.engagement import OrganizationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]
S = Application.Status


def _applicant(name: str, email: str):
    user = UserFactory(email=email, full_name=name)
    organization = OrganizationFactory(name=f"{name}'s Collective")
    Membership.objects.create(organization=organization, user=user, is_admin=True)
    return user, organization


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


def test_an_organization_sends_written_comments_then_withdraws(live_server, page: Page, login_as):
    user, organization = _applicant("Amina", "amina@example.org")
    application = ApplicationFactory(organization=organization, status=S.CONFIRMED)
    login_as(user)
    page.goto(live_server.url + application.get_absolute_url())

    # An empty form is refused with a clear message, nothing is lost.
    page.get_by_role("button", name="Send the comments").click()
    expect(page.get_by_text("Write your comments or attach a PDF.")).to_be_visible()
    page.get_by_label("Written comments:").fill("Victim identification needs interpreters.")
    page.get_by_role("button", name="Send the comments").click()
    expect(page.get_by_text("Your written comments are received.")).to_be_visible()
    expect(page.get_by_text("Victim identification needs interpreters.")).to_be_visible()

    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_role("heading", name="Withdraw the application?")).to_be_visible()
    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_text("The application is withdrawn.")).to_be_visible()
    expect(page.locator(".badge").first).to_have_text("Withdrawn")
    expect(page.get_by_role("button", name="Withdraw")).to_have_count(0)
    expect(page.get_by_role("button", name="Send the comments")).to_have_count(0)
    application.refresh_from_db()
    assert application.status == S.WITHDRAWN
    assert application.comments.get().text == "Victim identification needs interpreters."


def test_a_full_dialogue_keeps_a_reserve_list_and_offers_a_freed_place(
    live_server, browser, django_capture_on_commit_callbacks
):
    dialogue = DialogueFactory(
        status=Dialogue.Status.CIRCULATED, format="in_person", capacity_in_person=1
    )
    first_user, first_org = _applicant("Bola", "bola@example.org")
    second_user, second_org = _applicant("Chen", "chen@example.org")
    first = ApplicationFactory(organization=first_org, dialogue=dialogue, status=S.CIRCULATED)
    second = ApplicationFactory(organization=second_org, dialogue=dialogue, status=S.CIRCULATED)
    for application in (first, second):
        application.representatives.create(name="Delegate", email="d@example.org")
    with (
        time_machine.travel(dialogue.objection_deadline + timedelta(seconds=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert sweeps.applications_settle_objection_window() == {"approved": 2, "referred": 0}

    waiting = _page_for(browser, live_server, second_user)
    waiting.goto(live_server.url + second.get_absolute_url())
    reserve_note = waiting.get_by_role("status").filter(has_text="On the reserve list, position 1")
    expect(reserve_note).to_be_visible()
    expect(waiting.get_by_text("Approved on the reserve list, position 1")).to_be_visible()
    expect(waiting.get_by_role("button", name="Confirm our attendance")).to_have_count(0)

    leaving = _page_for(browser, live_server, first_user)
    leaving.goto(live_server.url + first.get_absolute_url())
    leaving.get_by_role("button", name="Withdraw").click()
    leaving.get_by_role("button", name="Withdraw").click()
    expect(leaving.get_by_text("The application is withdrawn.")).to_be_visible()

    with django_capture_on_commit_callbacks(execute=True):
        sweeps.applications_lapse_unconfirmed()  # the sweep offers places freed since
        assert sweeps.applications_lapse_unconfirmed() == {"lapsed": 0, "offered": 0}
    second.refresh_from_db()
    assert second.reserve_position is None  # offered (withdrawals free places at once too)
    waiting.reload()
    expect(
        waiting.get_by_text("A place became free: offered from the reserve list")
    ).to_be_visible()
    waiting.get_by_role("button", name="Confirm our attendance").click()
    expect(waiting.get_by_text("Attendance confirmed.")).to_be_visible()
    for opened in (waiting, leaving):
        opened.wait_for_load_state("networkidle")
        opened.context.close()
    second.refresh_from_db()
    assert second.status == S.CONFIRMED
    offer = OutboundEmail.objects.filter(
        template="emails/engagement/application_approved", to=second_org.email
    )
    assert offer.count() == 1


def test_the_secretariat_does_not_convene_a_dialogue_and_applicants_hear_why(
    live_server, page: Page, login_as
):
    dialogue = DialogueFactory(status=Dialogue.Status.CLOSED, title="Firearms dialogue")
    _user, organization = _applicant("Dara", "dara@example.org")
    ApplicationFactory(organization=organization, dialogue=dialogue)
    staff = grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT)
    login_as(staff)

    page.goto(f"{live_server.url}/staff/dialogues/{dialogue.pk}/")
    page.get_by_role("button", name="Mark as “Not convened”").click()
    page.get_by_role("button", name="Confirm: “Not convened”").click()
    expect(page.get_by_text("Give the reason for this decision.")).to_be_visible()
    page.get_by_label("Reason").fill("Only two organizations applied.")
    page.get_by_role("button", name="Confirm: “Not convened”").click()
    expect(page.get_by_text("The dialogue is now “Not convened”.")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as “Not convened”")).to_have_count(0)

    page.goto(live_server.url + dialogue.get_absolute_url())
    expect(page.get_by_text("This dialogue will not be convened.")).to_be_visible()
    expect(page.get_by_text("Only two organizations applied.")).to_be_visible()
    notices = OutboundEmail.objects.filter(template="emails/engagement/dialogue_not_convened")
    assert sorted(notices.values_list("to", flat=True)) == ["dara@example.org", organization.email]
    notice = notices.get(to=organization.email)
    assert "Only two organizations applied." in notice.body_text
