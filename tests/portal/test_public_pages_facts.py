"""Every public page, read as a careful delegate would: no working notes, no citation left as a
key, the demo data labelled wherever it shows."""

import html
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from engagement.models import Dialogue
from instruments.models import Article, Cluster, Instrument
from reviews.models import State

pytestmark = pytest.mark.django_db

WORKING_NOTES = re.compile(
    r"\bseeds?\b|\bseed ?\d|\bverify\b|\bcheck against\b|\bprobably\b|\bTODO\b|\bL\d+\b"
    r"|\blines? \d+(?:\s*[-\u2013,]\s*\d+)*",
    re.IGNORECASE,
)
# A citation that did not go through the registry would show its key: "guide: Figure 2".
RAW_CITATION = re.compile(
    r"\b(?:untoc-at-20|toolkit|guide|compilation|se4u|untc-xviii[-\w]*|un-statement-of-treaties"
    r"|unodc-[\w-]+|[a-z]+-text|procedures-and-rules|cop-resolution-[\d/]+): "
)


def visible_text(page: str) -> str:
    """What a reader sees: the body without scripts, tags or entities."""
    page = re.sub(r"<(script|style|head)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def public_urls() -> list[str]:
    urls = [
        reverse("home"),
        reverse("reviews:history"),
        reverse("reviews:compilation"),
        reverse("reviews:overview"),
        reverse("reviews:state-list"),
        reverse("reviews:simulator") + "?seed=2020&as_of=2025-01-01&state=KEN",
        reverse("instruments:list"),
        reverse("instruments:cluster-matrix"),
        reverse("engagement:pledge-list"),
        reverse("engagement:dialogue-list"),
        reverse("account_login"),
        reverse("account_signup"),
    ]
    urls += [i.get_absolute_url() for i in Instrument.objects.all()]
    urls += [c.get_absolute_url() for c in Cluster.objects.all()]
    urls += [a.get_absolute_url() for a in Article.objects.select_related("instrument")]
    for state in State.objects.all():
        urls += [
            state.get_absolute_url(),
            reverse("engagement:pledge-state", args=[state.code]),
        ]
    urls += [d.get_absolute_url() for d in Dialogue.objects.all()]
    return urls


def test_no_public_page_shows_a_working_note_or_a_raw_citation(client):
    call_command("load_demo_data", quiet_logins=True)
    urls = public_urls()
    assert len(urls) > 500
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        found += [
            f"{url}: {m.group(0)!r} in …{text[max(0, m.start() - 60) : m.end() + 60]}…"
            for m in WORKING_NOTES.finditer(text)
        ]
        found += [
            f"{url}: raw citation …{text[max(0, m.start() - 60) : m.end() + 60]}…"
            for m in RAW_CITATION.finditer(text)
        ]
    assert found == []


def test_the_checks_catch_what_the_issue_found():
    for note in (
        "Inconsistency in seed: the cited symbol ... Verify before display.",
        "probably 'CRP.4' (conference room paper). Check against the UN document system.",
        "UNODC, UNTOC at 20 (2020), lines 2556-2620",
        "seed001 L548",
        "TODO: confirm",
    ):
        assert WORKING_NOTES.search(note), note
    assert RAW_CITATION.search("Source: guide: Part 2, Figure 2")
    assert not WORKING_NOTES.search("Deadlines are given online; the guidelines for reviews")
