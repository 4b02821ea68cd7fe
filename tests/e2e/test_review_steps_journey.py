"""A secretariat officer records a step of a State's review and the overdue flag goes; the
State's representative enters its focal point and makes it public."""

from datetime import datetime

import pytest
import time_machine
from playwright.sync_api import Page, expect

from portal.deadlines import VIENNA
from portal.models import Role
from reviews.models import ReviewGroup, State
from reviews.services import state_review_update
from tests.factories import UserFactory, grant_role

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def kenya():
    state = State.objects.get(code="KEN")
    state_review_update(
        state, actor=None, via="form", review_group=ReviewGroup.objects.get(number=3)
    )
    return state


def test_officer_records_a_step_and_it_is_no_longer_overdue(
    live_server, page: Page, login_as, kenya
):
    login_as(grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT))
    # Group 3 starts on 1 November 2022; on 1 December 2022 the focal point (due 15 Nov) and
    # the experts (due 29 Nov) of cluster 1 are overdue.
    with time_machine.travel(datetime(2022, 12, 1, 10, tzinfo=VIENNA), tick=True):
        page.goto(live_server.url + "/reviews/")
        expect(page.get_by_role("link", name="2 overdue steps")).to_be_visible()
        page.goto(live_server.url + "/reviews/states/KEN/")
        expect(page.locator(".overdue-note")).to_contain_text("2 steps are overdue")
        page.get_by_role("link", name="Record steps").click()
        page.get_by_label("Done on: Focal point appointed, cluster 1").fill("2022-11-20")
        page.get_by_label("Done on: Governmental experts appointed, cluster 1").fill("2022-11-28")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("The steps were saved.")).to_be_visible()
        expect(page.locator(".overdue-note")).to_have_count(0)
        page.get_by_role("link", name="Change log").click()
        expect(page.get_by_text("Focal point appointed").first).to_be_visible()


def test_representative_enters_the_focal_point_and_makes_it_public(
    live_server, page: Page, login_as, kenya, browser
):
    login_as(
        grant_role(UserFactory(email="rep@example.go.ke"), Role.STATE_REPRESENTATIVE, state=kenya)
    )
    page.goto(live_server.url + "/reviews/states/KEN/")
    page.get_by_role("link", name="Edit the focal point and experts").click()
    new = page.get_by_role("group", name="Add a contact")
    new.get_by_label("Role").select_option("focal_point")
    new.get_by_label("Name").fill("Jane Wanjiru")
    new.get_by_label("Email").fill("focal@example.go.ke")
    page.get_by_label("The State makes the names and contacts").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The contacts were saved.")).to_be_visible()
    expect(page.get_by_text("Jane Wanjiru")).to_be_visible()

    visitor = browser.new_page()
    visitor.goto(live_server.url + "/reviews/states/KEN/")
    expect(visitor.get_by_text("Jane Wanjiru")).to_be_visible()
    visitor.close()
