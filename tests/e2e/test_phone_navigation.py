"""On a phone the navigation folds behind a "Menu" button; Escape closes an open drop-down."""

import pytest
from playwright.sync_api import Page, expect

from portal.models import Role
from tests.factories import UserFactory, grant_role

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


def test_the_menu_button_opens_the_navigation_on_a_phone(live_server, page: Page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/")
    states = page.get_by_role("link", name="States parties")
    expect(states).to_be_hidden()
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    states.click()
    expect(page.get_by_role("heading", name="States parties", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_navigation_shows_in_full_on_a_wide_screen(live_server, page: Page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="States parties")).to_be_visible()


def test_escape_closes_an_open_drop_down(live_server, page: Page, login_as):

    login_as(grant_role(UserFactory(), Role.SECRETARIAT))
    page.goto(live_server.url + "/reviews/")
    menu = page.locator("details.dropdown", has_text="Secretariat")
    menu.locator("summary").click()
    expect(menu).to_have_attribute("open", "")
    page.keyboard.press("Escape")
    expect(menu).not_to_have_attribute("open", "")
    expect(menu.locator("summary")).to_be_focused()
