"""A delegate walks through every public page in a real browser and reads the facts: no working
note, every citation a document's title, the compilation in its source's order, the twelve
sessions of the Conference, one rule for the year table, the pledge's wording, demo data
labelled."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.portal.test_public_pages_facts import RAW_CITATION

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]

WORKING_NOTES = re.compile(
    r"\bseeds?\b|\bverify\b|\bcheck against\b|\bprobably\b|\bTODO\b|\bL\d+\b|\blines? \d+",
    re.IGNORECASE,
)
PAGES = [
    "/",
    "/history/",
    "/compilation/",
    "/reviews/",
    "/reviews/states/",
    "/reviews/states/KEN/",
    "/reviews/states/PLW/",
    "/reviews/simulator/?seed=2020&as_of=2025-01-01&state=KEN",
    "/instruments/",
    "/instruments/convention/",
    "/instruments/convention/articles/8/",
    "/clusters/",
    "/clusters/criminalization/",
    "/pledges/",
    "/pledges/PLW/",
    "/dialogues/",
]


@pytest.fixture
def demo(reference_data):
    call_command("load_demo_data", quiet_logins=True)


def test_every_public_page_reads_without_working_notes(live_server, page: Page, demo):
    for path in PAGES:
        page.goto(live_server.url + path)
        main = page.locator("main")
        expect(main).to_be_visible()
        text = main.inner_text()
        assert not WORKING_NOTES.search(text), (path, WORKING_NOTES.search(text).group(0))
        assert not RAW_CITATION.search(text), (path, RAW_CITATION.search(text).group(0))
        citations = page.locator(".source cite")
        if path not in {"/", "/reviews/states/", "/dialogues/", "/pledges/"}:
            expect(citations.first).to_be_visible()  # documents named by their titles


def test_history_lists_cop_1_to_12_with_cited_dates(live_server, page: Page):
    page.goto(live_server.url + "/history/")
    page.get_by_label("Kind of event").select_option("cop_session")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("12 events")).to_be_visible()
    entries = page.locator("ol.history > li")
    expect(entries).to_have_count(12)
    for number in range(1, 13):
        expect(entries.nth(number - 1)).to_contain_text(f"(COP {number})")
        expect(entries.nth(number - 1).locator(".source cite").first).to_be_visible()
    expect(entries.nth(10)).to_contain_text("17 October 2022 \u2013 21 October 2022")
    expect(entries.nth(10)).to_contain_text("Multilateralism for progress")
    expect(entries.nth(11)).to_contain_text("14 October 2024 \u2013 18 October 2024")


def test_compilation_reads_in_its_sources_order(live_server, page: Page):
    page.goto(live_server.url + "/compilation/")
    headings = page.locator("main h2, main h3, main h4").all_inner_texts()
    part_a = headings.index(
        "A. Recommendations by the working groups of the Conference of the Parties on the "
        "Review Mechanism"
    )
    part_b = headings.index(
        "B. Observations by the chairs of the constructive dialogues on the review process"
    )
    assert headings[part_a + 1 : part_a + 4] == [
        "2022",
        "Working Group on Trafficking in Persons (CTOC/COP/WG.4/2022/4)",
        "Working Group on the Smuggling of Migrants (CTOC/COP/WG.7/2022/4)",
    ]
    assert headings[part_a + 4 : part_a + 6] == [
        "2023",
        "Working Group on Firearms (CTOC/COP/WG.6/2023/5)",
    ]
    assert part_a < part_b
    expect(page.get_by_text("law enforcement and the judiciary")).to_be_visible()


def test_year_table_states_its_rule_and_pledges_say_who_can_sign(live_server, page: Page, demo):
    page.goto(live_server.url + "/reviews/")
    expect(page.get_by_role("table")).to_contain_text(
        "each year shows the cluster under way on 1 July of that year, this year included"
    )
    expect(page.get_by_text("1 with demo data")).to_be_visible()
    page.goto(live_server.url + "/pledges/")
    expect(page.get_by_text("worded for the government of a State party")).to_be_visible()
    expect(page.get_by_text("Not signed", exact=True)).to_have_count(0)
    palau = page.get_by_role("row").filter(has_text="Palau")
    expect(palau).to_contain_text("not in the list of parties loaded")
    expect(palau).to_contain_text("No signature recorded")
