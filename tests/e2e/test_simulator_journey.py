"""A visitor simulates the drawing of lots, reads a State's reviewers and opens a State."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]

LABEL = "Simulation: not the official drawing of lots"


def test_run_a_draw_read_the_reviewers_and_open_a_state(live_server, page: Page):
    page.goto(live_server.url + "/reviews/simulator/")
    expect(page).to_have_title(re.compile(LABEL))
    page.get_by_role("textbox", name="Draw number").fill("2020")
    page.get_by_label("Parties as of:", exact=True).fill("2025-01-01")
    page.get_by_role("button", name="Run the draw").click()

    expect(page).to_have_url(re.compile(r"\?seed=2020&as_of=2025-01-01(&state=)?$"))
    expect(page.locator("hgroup")).to_contain_text(LABEL)
    expect(page.get_by_role("heading", name="Draw number 2020")).to_be_visible()
    for number in (1, 2, 3):
        heading = page.get_by_role("heading", name=re.compile(f"^Group {number}: 6[23] States$"))
        expect(heading).to_be_visible()
        expect(
            page.get_by_role("table", name=re.compile(f"^Group {number}: States under"))
        ).to_be_visible()

    kenya = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Kenya"))
    expect(kenya).to_have_count(1)
    own_group = kenya.locator('td[data-label="Reviewers from its own regional group"]')
    other_group = kenya.locator('td[data-label="Reviewers from another regional group"]')
    expect(own_group.get_by_role("link").first).to_be_visible()
    expect(other_group.get_by_role("link").first).to_be_visible()
    reviewer = own_group.get_by_role("link").first.inner_text()

    own_group.get_by_role("link", name=reviewer, exact=True).click()
    expect(page.get_by_role("heading", name=reviewer, exact=True)).to_be_visible()
    page.go_back()
    kenya.get_by_role("rowheader").get_by_role("link", name="Kenya", exact=True).click()
    expect(page.get_by_role("heading", name="Kenya", exact=True)).to_be_visible()


def test_find_a_state_in_the_draw(live_server, page: Page):
    page.goto(live_server.url + "/reviews/simulator/?seed=2020&as_of=2025-01-01")
    page.get_by_role("textbox", name="Find a State in the draw").fill("Kenya")
    page.get_by_role("button", name="Run the draw").click()
    found = page.locator(".simulator-found")
    expect(found.get_by_role("heading")).to_have_text(
        re.compile(r"^Kenya in this draw: group [123]$")
    )
    expect(found).to_contain_text(LABEL)
    expect(found.get_by_role("link").first).to_be_visible()


def test_a_bad_seed_is_explained_on_the_page(live_server, page: Page):
    page.goto(live_server.url + "/reviews/simulator/?seed=twelve&as_of=2025-01-01")
    seed = page.get_by_role("textbox", name="Draw number")
    expect(seed).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_seed_error")).to_have_text("Enter a whole number.")
    expect(page.get_by_role("table")).to_have_count(0)


def test_the_simulator_works_at_360_pixels(live_server, page: Page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/reviews/simulator/?seed=4&as_of=2025-01-01")
    expect(page.get_by_role("heading", name="Group 1: 63 States")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
