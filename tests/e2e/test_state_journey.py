"""A visitor finds a State, sees what is under review now, opens the articles under review,
and an organization's member starts a letter to the State's focal point."""

from datetime import date

import pytest
import time_machine
from playwright.sync_api import Page, expect

from engagement.models import Membership, Organization
from reviews.models import ReviewGroup, State
from reviews.services import state_review_update
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


def test_find_a_state_see_its_review_open_its_articles_and_write_to_it(
    live_server, page: Page, login_as
):
    kenya = State.objects.get(code="KEN")
    state_review_update(
        kenya, actor=None, via="form", review_group=ReviewGroup.objects.get(number=2)
    )
    member = UserFactory(full_name="Grace Mwangi")
    organization = Organization.objects.create(
        name="Lakeside Rights Collective",
        kind="ngo",
        country="KE",
        email="info@lakeside.example.org",
        postal_address="PO Box 7, Kisumu",
        mission="x",
        expertise_text="trafficking of children",
    )
    Membership.objects.create(organization=organization, user=member, is_admin=True)
    login_as(member)

    with time_machine.travel(date(2026, 11, 23), tick=True):
        page.goto(live_server.url + "/")
        page.get_by_role("link", name="States parties").click()
        page.get_by_label("Only States with an overdue step").check()
        page.get_by_role("button", name="Filter").click()
        expect(page.get_by_role("status")).to_have_text("1 State")
        page.get_by_role("textbox", name="State").fill("Kenya")
        page.get_by_role("button", name="Filter").click()
        page.get_by_role("link", name="Kenya", exact=True).click()
        expect(page.get_by_role("heading", name="Kenya", exact=True)).to_be_visible()
        expect(page.get_by_text("Group 2: under review on cluster 3")).to_be_visible()
        overdue = page.locator(".overdue-note")
        expect(overdue).to_contain_text("9 steps are overdue")
        expect(overdue).to_contain_text("Focal point appointed (cluster 3, due 15 November 2025)")
        current = page.locator("details[open]", has_text="under way")
        expect(current.get_by_role("row", name="Self-assessment questionnaire")).to_contain_text(
            "1 May 2026"
        )

        page.get_by_text("articles under review").click()
        page.get_by_role("link", name="Organized Crime Convention, art. 11").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Article 11")
        page.go_back()

        page.get_by_role("button", name="Write to the focal point").click()
        expect(page.get_by_label("State:")).to_have_value(str(kenya.pk))
        expect(page.locator("#letter-preview")).to_contain_text(
            "The Government of Kenya will shortly be reviewed"
        )
        expect(page.locator("#letter-preview")).to_contain_text("trafficking of children")
        sentence = page.get_by_label("Sentence on the review (optional)")
        expect(sentence).to_have_value(
            "Its review on cluster 3 (law enforcement and the judicial system) runs from "
            "November 2025 to November 2027."
        )
        expect(page.locator("#letter-preview")).to_contain_text("Its review on cluster 3")
        # Another State: the sentence the portal wrote follows it (Uganda has no group yet).
        page.get_by_label("State:").select_option(label="Uganda")
        expect(sentence).to_have_value("")
        expect(page.locator("#letter-preview")).to_contain_text("The Government of Uganda")
        expect(page.locator("#letter-preview")).not_to_contain_text("Its review on cluster 3")
        # What the user typed is theirs: another State leaves it as it is.
        sentence.fill("Our own words on the review.")
        page.get_by_label("State:").select_option(label="Kenya")
        expect(page.locator("#letter-preview")).to_contain_text("The Government of Kenya")
        expect(sentence).to_have_value("Our own words on the review.")
