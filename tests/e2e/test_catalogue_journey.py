"""A visitor walks from the home page to an instrument, filters it, and opens the matrix."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


def test_home_to_instrument_filter_and_cluster_matrix(live_server, page: Page):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stakeholder engagement")

    page.get_by_role("link", name="Instruments", exact=True).click()
    expect(page).to_have_url(live_server.url + "/instruments/")
    page.get_by_role("link", name="Firearms Protocol", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Firearms Protocol")
    expect(page.get_by_text("21 articles of 21")).to_be_visible()

    page.get_by_label("Review cluster").select_option("international-cooperation")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(
        live_server.url + "/instruments/firearms-protocol/?cluster=international-cooperation&q="
    )
    expect(page.get_by_text("3 articles of 21")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("Art. 6")

    page.get_by_role("link", name="Review clusters").first.click()
    matrix = page.get_by_role("table", name="Articles under review, by instrument and cluster")
    expect(matrix).to_be_visible()
    firearms_row = matrix.get_by_role("row").filter(has_text="Firearms Protocol")
    expect(firearms_row).to_contain_text("No article")
    matrix.get_by_role("link", name="Art. 23", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Article 23")


def test_catalogue_works_at_360_pixels(live_server, page: Page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/clusters/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
