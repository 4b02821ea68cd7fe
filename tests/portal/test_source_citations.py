"""The sources registry: every citation names a registered document, reads as title, symbol and
locator, and the reference data cite nothing a reader cannot check."""

import json
import shutil

import pytest
from django.template import Context, Template
from django.urls import reverse

from portal import sources
from portal.templatetags.sources import cite
from reviews.services.reference import ReferenceDataError, history_load_reference


def test_a_citation_reads_as_author_title_symbol_date_and_locator():
    html = str(cite("A/RES/45/121: first preambular paragraph"))
    assert html == (
        'General Assembly, <a href="https://www.un.org/documents/ga/res/45/a45r121.htm" '
        'rel="noopener"><cite>Eighth United Nations Congress on the Prevention of Crime and the '
        "Treatment of Offenders</cite></a>, A/RES/45/121 (14 December 1990), first preambular "
        "paragraph"
    )


def test_several_references_a_web_address_and_an_untitled_document():
    html = str(
        cite("guide: Part 2, Figure 2; https://www.mofa.go.jp/x.html: deposited; unodc-2022-11-01")
    )
    parts = html.split("; ")
    assert parts[0].endswith("Review Mechanism</cite>, Part 2, Figure 2")
    assert (
        parts[1]
        == '<a href="https://www.mofa.go.jp/x.html" rel="noopener">mofa.go.jp</a>, deposited'
    )
    assert "[news item of the UNTOC Review Mechanism on the launch of the third" in parts[2]
    assert parts[2].endswith("(1 November 2022)")


def test_text_that_is_no_citation_is_shown_as_typed_and_escaped():
    assert str(cite("Corrected by the <b>secretariat</b>")) == (
        "Corrected by the &lt;b&gt;secretariat&lt;/b&gt;"
    )
    assert str(cite(None)) == ""


def test_a_template_cites_a_registered_document_in_its_own_words():
    html = Template('{% load sources %}{% cite_source "guide" "footnote 15" %}').render(Context())
    assert (
        "<cite>Guide for civil society community engagement with the UNTOC Review Mechanism" in html
    )
    assert html.endswith(", footnote 15")
    with pytest.raises(sources.CitationError):
        Template('{% load sources %}{% cite_source "nowhere" %}').render(Context())


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("seed001 line 428", "no registered document"),
        ("guide: L418-420", "reads as a working note"),
        ("guide: lines 12-34", "reads as a working note"),
        ("toolkit: section 6.3, probably", "reads as a working note"),
        ("compilation: TODO", "reads as a working note"),
        ("", "empty citation"),
    ],
)
def test_problems_name_what_a_reader_could_not_check(text, problem):
    found = sources.problems(text)
    assert len(found) == 1 and problem in found[0]


def test_every_citation_of_the_reference_data_names_a_registered_document():
    citations = sources.reference_data_citations()
    assert len(citations) > 900  # timeline, compilation, articles, instruments, party rows
    assert sources.reference_data_problems() == []
    keys = {r.document.key for _, text in citations for r in sources.parse(text) if r.document}
    assert {"guide", "toolkit", "untoc-at-20", "compilation", "unodc-2022-10-24"} <= keys


@pytest.mark.django_db
def test_the_loader_refuses_reference_data_citing_an_unregistered_source(settings, tmp_path):
    fixtures = tmp_path / "fixtures"
    shutil.copytree(settings.BASE_DIR / "fixtures", fixtures)
    timeline = fixtures / "sources" / "timeline.json"
    events = json.loads(timeline.read_text())
    events[0]["source"] = "seed001 line 514"
    timeline.write_text(json.dumps(events))
    settings.BASE_DIR = tmp_path
    with pytest.raises(ReferenceDataError, match="seed001 line 514"):
        history_load_reference(fixtures / "sources")


@pytest.mark.django_db
def test_the_cycle_page_names_documents_not_keys(client):
    html = client.get(reverse("reviews:overview")).content.decode()
    assert "<cite>Overcoming together challenges in the fight against organized crime" in html
    assert "unodc-2021-11-01" not in html and "seed" not in html.lower()
