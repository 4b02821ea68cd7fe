"""A reader switches a dialogue's page to Arabic (mirrored), to Chinese and back to English,
and stays on the same dialogue throughout. Screenshots at 1280 and 360 px go to
/tmp/i18n-shots/ for a person to look at."""

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from portal.models import Role
from tests.factories import DialogueFactory, UserFactory, grant_role

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]
SHOTS = Path(tempfile.gettempdir()) / "i18n-shots"
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def switch_to(page: Page, name: str):
    page.locator("details.language-switcher summary").click()
    page.locator("details.language-switcher").get_by_role("button", name=name).click()
    page.wait_for_load_state("domcontentloaded")


def screenshots(page: Page, language: str):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{language}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SHOTS / f"{language}-360.png", full_page=True)
    page.get_by_role("button", name=page.locator(".menu-button").inner_text()).click()
    page.screenshot(path=SHOTS / f"{language}-360-menu.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(WIDE)
    page.reload()


def test_switching_to_arabic_mirrors_the_dialogue_page_and_keeps_its_place(live_server, page: Page):
    dialogue = DialogueFactory(title="Constructive dialogue on firearms")
    path = dialogue.get_absolute_url()
    page.set_viewport_size(WIDE)
    page.goto(live_server.url + path)
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "ltr")

    switch_to(page, "العربيّة")
    assert page.url == f"{live_server.url}/ar{path}"
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(dialogue.title)

    # The navigation starts on the right: the portal's name at the right edge, the links run
    # from right to left, and the breadcrumb's separator follows the first crumb leftwards.
    brand = page.locator(".site-header .brand").bounding_box()
    links = page.locator("#main-nav > li")
    first, last = links.first.bounding_box(), links.last.bounding_box()
    assert brand["x"] + brand["width"] > WIDE["width"] * 0.9
    assert first["x"] > last["x"] and first["x"] + first["width"] > WIDE["width"] * 0.9
    crumbs = page.locator("nav.breadcrumbs li")
    home_crumb = crumbs.first.bounding_box()
    separator = crumbs.nth(1).evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " return el.getBoundingClientRect().right; }"
    )
    assert home_crumb["x"] > crumbs.nth(1).bounding_box()["x"] and separator <= home_crumb["x"]
    # The timeline's line and markers sit on the right of its steps.
    timeline = page.locator("ol.milestones")
    step = timeline.locator("li.milestone").first
    marker = step.evaluate(
        "el => { const s = getComputedStyle(el, '::before'); return [s.left, s.right]; }"
    )
    # Resolved offsets of the positioned marker: near the step's right edge, past it by a bit.
    assert float(marker[1].removesuffix("px")) < 0 < float(marker[0].removesuffix("px"))
    line = timeline.evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderLeftWidth, s.borderRightWidth]; }"
    )
    assert line == ["0px", "3px"]
    box, step_box = timeline.bounding_box(), step.bounding_box()
    assert float(marker[0].removesuffix("px")) > step_box["width"] - 20
    assert abs((box["x"] + box["width"]) - (step_box["x"] + step_box["width"])) < 25
    screenshots(page, "ar")

    switch_to(page, "简体中文")
    assert page.url == f"{live_server.url}/zh-hans{path}"
    expect(html).to_have_attribute("lang", "zh-hans")
    expect(html).to_have_attribute("dir", "ltr")
    screenshots(page, "zh-hans")

    # Back to English with the keyboard alone.
    page.locator("details.language-switcher summary").focus()
    page.keyboard.press("Enter")
    english = page.locator("details.language-switcher").get_by_role("button", name="English")
    english.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}{path}")
    expect(html).to_have_attribute("lang", "en")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_text(dialogue.title)


def test_drop_downs_open_inside_the_screen_in_arabic(live_server, page: Page, login_as):
    login_as(grant_role(UserFactory(language="ar"), Role.SECRETARIAT))
    for size in (WIDE, PHONE):
        page.set_viewport_size(size)
        page.goto(live_server.url + "/reviews/")
        expect(page).to_have_url(f"{live_server.url}/ar/reviews/")
        if size is PHONE:
            page.locator(".menu-button").click()
        for number, menu in enumerate(page.locator("#main-nav details.dropdown").all()):
            menu.locator("summary").click()
            box = menu.locator("ul").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1
            page.screenshot(path=SHOTS / f"ar-{size['width']}-menu-{number}.png")
            page.keyboard.press("Escape")
