"""The Bureau approves a referred organization when the dialogue's places are all taken: the
Bureau's page says it went on the reserve list, and the organization sees its position and no
confirmation button."""

import pytest
from playwright.sync_api import Page, expect

from engagement.models import Application, Dialogue, Membership
from portal.models import Role
from tests.factories import ApplicationFactory, DialogueFactory, UserFactory, grant_role
from tests.factories.engagement import OrganizationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]
S = Application.Status


def test_the_bureau_approves_onto_the_reserve_list_of_a_full_dialogue(
    live_server, page: Page, login_as, django_capture_on_commit_callbacks
):
    dialogue = DialogueFactory(
        status=Dialogue.Status.CIRCULATED, format="in_person", capacity_in_person=1
    )
    holder = ApplicationFactory(dialogue=dialogue, status=S.CONFIRMED)
    holder.representatives.create(name="Delegate", email="delegate@example.org")
    applicant = UserFactory(email="dana@example.org", full_name="Dana")
    organization = OrganizationFactory(name="Harbour Rights Network")
    Membership.objects.create(organization=organization, user=applicant, is_admin=True)
    referred = ApplicationFactory(organization=organization, dialogue=dialogue, status=S.REFERRED)
    referred.representatives.create(name="Dana", email="dana@example.org")

    login_as(grant_role(UserFactory(), Role.BUREAU))
    page.goto(live_server.url + "/bureau/referrals/")
    page.get_by_label("Reason for the decision").fill("The objection is not substantiated.")
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Approve Harbour Rights Network").click()
        expect(
            page.get_by_text(
                "Decision recorded for Harbour Rights Network: approved on the reserve list, "
                "position 1."
            )
        ).to_be_visible()
    referred.refresh_from_db()
    assert (referred.status, referred.reserve_position) == (S.APPROVED, 1)

    page.context.clear_cookies()
    login_as(applicant)
    page.goto(live_server.url + referred.get_absolute_url())
    note = page.get_by_role("status").filter(has_text="On the reserve list, position 1")
    expect(note).to_be_visible()
    expect(page.get_by_role("button", name="Confirm our attendance")).to_have_count(0)
