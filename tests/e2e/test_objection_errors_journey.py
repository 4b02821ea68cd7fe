"""A State representative's objection whose form was tampered with (the application's id
changed to text) comes back as a message on the page, with the reason typed still there."""

import pytest
from playwright.sync_api import Page, expect

from engagement.models import Application, Dialogue, Objection
from portal.models import Role
from reviews.models import State
from tests.factories import ApplicationFactory, DialogueFactory, UserFactory, grant_role

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


def test_a_tampered_objection_is_refused_on_the_page_and_the_reason_kept(
    live_server, page: Page, login_as
):
    dialogue = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    application = ApplicationFactory(dialogue=dialogue, status=Application.Status.CIRCULATED)
    name = application.organization.name
    login_as(
        grant_role(
            UserFactory(email="kenya@example.org"),
            Role.STATE_REPRESENTATIVE,
            state=State.objects.get(code="KEN"),
        )
    )

    page.goto(f"{live_server.url}/states/dialogues/{dialogue.pk}/")
    page.get_by_text("Object", exact=True).click()
    page.get_by_label("Reason for the objection").fill("Not known in our country.")
    page.locator("input[name=application]").evaluate("input => { input.value = 'abc'; }")
    page.get_by_role("button", name=f"Object to {name}").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Nothing was recorded")
    expect(alert).to_contain_text("Choose an organization of this list.")
    expect(alert).to_contain_text("Not known in our country.")
    assert not Objection.objects.exists()

    # The row's own form is still there: the objection goes through with its real id.
    page.get_by_text("Object", exact=True).click()
    page.get_by_label("Reason for the objection").fill("Not known in our country.")
    page.get_by_role("button", name=f"Object to {name}").click()
    expect(page.get_by_text(f"Your objection to {name} is recorded")).to_be_visible()
    assert Objection.objects.get().reason == "Not known in our country."
