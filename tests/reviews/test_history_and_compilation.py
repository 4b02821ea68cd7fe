"""History (timeline.json) and the compilation (UNODC's compilation of April 2024): the facts
against their sources, the source's order, filters, staff additions, stored rows brought in line."""

import importlib
import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import sources
from portal.models import Role
from reviews.models import CompilationItem, TimelineEvent
from reviews.services import history_load_reference
from tests.factories import UserFactory, grant_role
from tests.factories.reviews import CompilationItemFactory, TimelineEventFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sources"
ORDINALS = [
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth",
    "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth",
]  # fmt: skip


def test_reference_history_and_compilation_are_loaded_with_sources():
    assert TimelineEvent.objects.count() == 84
    assert CompilationItem.objects.filter(kind="recommendation").count() == 16
    assert CompilationItem.objects.filter(kind="observation").count() == 21
    assert not CompilationItem.objects.filter(source="").exists()
    item = CompilationItem.objects.get(document="CTOC/COP/WG.4/2022/4")
    assert item.label == "Recommendation 14" and "focal points" in item.tags


def test_the_twelve_sessions_of_the_conference_are_listed_with_their_sources():
    sessions = list(TimelineEvent.objects.filter(kind="cop_session"))
    assert [e.title.split(" session")[0] for e in sessions] == ORDINALS
    cop_11, cop_12 = sessions[10], sessions[11]
    assert (cop_11.date, cop_11.end_date) == ("2022-10-17", "2022-10-21")
    assert "hybrid" in cop_11.title and "Vienna" in cop_11.title
    assert {r.document.key for r in sources.parse(cop_11.source)} == {
        "unodc-2022-10-17",
        "unodc-2022-10-24",
    }
    assert sources.get("unodc-2022-10-24").date == "24 October 2022"
    assert (cop_12.date, cop_12.end_date) == ("2024-10-14", "2024-10-18")
    assert "unodc-2024-10-18" in cop_12.source
    assert sources.get("unodc-2024-10-18").date == "18 October 2024"


def test_history_dates_and_documents_agree_with_the_un_documents():
    concern = TimelineEvent.objects.get(key="ga-45-121")
    assert concern.date == "1990-12-14" and concern.documents == ["A/RES/45/121"]
    assert sources.get("A/RES/45/121").date == "14 December 1990"
    assert "46/152" in concern.note and "18 December 1991" in concern.note
    declaration = TimelineEvent.objects.get(key="declaration-crime-public-security")
    assert declaration.date == "1996-12-12" and declaration.documents == ["A/RES/51/60"]
    assert not TimelineEvent.objects.filter(title__contains="[Case example]").exists()
    assert not TimelineEvent.objects.filter(title__contains="Guzmán").exists()
    keys = [event.key for event in TimelineEvent.objects.all()]
    assert keys.index("cop-10") < keys.index("resolution-10-1") < keys.index("group-1-starts")
    assert keys.index("resolution-9-1") < keys.index("preparatory-phase")
    stale = ["to be chaired", "(current)", "not until at least", "expected"]
    for event in TimelineEvent.objects.all():
        assert not any(words in event.title + event.note for words in stale), event.key


def test_the_constructive_dialogues_held_since_2022_are_in_the_history():
    dialogues = TimelineEvent.objects.filter(key__startswith="dialogue-")
    assert {e.date[:4] for e in dialogues} == {"2022", "2023", "2024"}
    first = TimelineEvent.objects.get(key="dialogue-2022-firearms")
    assert first.date == "2022-05-06" and first.source == "unodc-2022-05-17"


def test_every_date_on_the_history_page_has_a_cited_source(client):
    page = client.get(reverse("reviews:history")).content.decode()
    entries = re.findall(r'<li class="milestone[^"]*" id="event-[^"]+">(.*?)</li>', page, re.S)
    assert len(entries) == TimelineEvent.objects.count()
    for entry in entries:
        assert re.search(r'<time datetime="\d{4}(-\d\d){0,2}">[^<]+</time>', entry), entry
        source = re.search(r'<small class="source">Source: (.+?)</small>', entry, re.S)
        assert source, entry
        assert "<cite>" in source.group(1) or "[" in source.group(1), entry
    for event in TimelineEvent.objects.all():
        assert sources.problems(event.source) == [], event.key
        for document in event.documents:
            assert sources.problems(document) == [], event.key
    assert '<time datetime="1990-12-14">14 December 1990</time>' in page


def test_history_filters_by_kind_in_date_order(client):
    response = client.get(reverse("reviews:history"), {"kind": "cop_session"})
    events = response.context["events"]
    assert len(events) == 12
    assert [e.sort_key for e in events] == sorted(e.sort_key for e in events)
    assert "Source:" in response.content.decode()


def test_the_compilation_follows_the_parts_years_and_working_groups_of_its_source(client):
    fixture = json.loads((FIXTURES / "recommendations.json").read_text())
    response = client.get(reverse("reviews:compilation"))
    items = response.context["items"]
    assert [i.reference_key for i in items] == [row["key"] for row in fixture]
    kinds = [i.kind for i in items]
    assert kinds == sorted(kinds, key=lambda kind: kind != "recommendation")
    recommendations = [i for i in items if i.kind == "recommendation"]
    assert [i.year for i in recommendations] == sorted(i.year for i in recommendations)
    bodies_2023 = list(dict.fromkeys(i.body for i in recommendations if i.year == 2023))
    assert bodies_2023 == [  # the order of the source's table of contents
        "Working Group on Firearms",
        "Working Group of Government Experts on Technical Assistance",
        "Working Group on International Cooperation",
        "Working Group on the Smuggling of Migrants",
    ]
    html = response.content.decode()
    part_a, part_b = html.index("A. Recommendations by the working"), html.index("B. Observations")
    assert part_a < html.index("Recommendation 14") < html.index("Recommendation (o)") < part_b
    assert "Compilation of recommendations on the UNTOC Review Mechanism" in html
    observation = CompilationItem.objects.get(reference_key="2023-dialogue-tip-1")
    assert "law enforcement and the judiciary" in observation.text
    assert "7/7" not in observation.text
    assert observation.source.endswith("observation 1 (pp. 9-10)")


def test_compilation_search_and_filters(client):
    url = reverse("reviews:compilation")
    assert len(client.get(url).context["items"]) == 37
    by_year = client.get(url, {"year": 2022}).context["items"]
    assert {i.document for i in by_year} == {"CTOC/COP/WG.4/2022/4", "CTOC/COP/WG.7/2022/4"}
    observations = client.get(url, {"kind": "observation"}).context["items"]
    assert len(observations) == 21 and all(not i.document for i in observations)
    body = "Working Group on Firearms"
    assert all(i.body == body for i in client.get(url, {"body": body}).context["items"])
    ngos = client.get(url, {"topic": "ngos"}).context["items"]
    assert len(ngos) == 6
    found = client.get(url, {"q": "without undue delay"}).context["items"]
    assert {i.label for i in found} >= {"Recommendation 14", "Recommendation 13"}
    bad = client.get(url, {"year": "abc"})
    assert bad.status_code == 200 and "Enter a number." in bad.content.decode()


@pytest.mark.parametrize("name", ["reviews:history", "reviews:compilation"])
def test_query_counts_do_not_grow(client, name):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse(name))
        return len(queries)

    before = count()
    for index in range(50):
        TimelineEventFactory(
            date=f"2030-01-{index % 28 + 1:02d}",
            sort_key="2030",
            title=f"Event {index}",
            kind="other",
            source="test",
        )
        CompilationItemFactory(
            kind="observation",
            year=2030,
            body="Test body",
            text="x",
            source=f"test {index}",
            tags=["NGOs"],
        )
    assert count() == before


def test_the_secretariat_adds_to_the_living_compilation(client):
    url = reverse("reviews:compilation-add")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    staff = grant_role(UserFactory(), Role.SECRETARIAT)
    client.force_login(staff)
    response = client.post(
        url,
        {
            "kind": "recommendation",
            "year": 2025,
            "body": "Working Group on Firearms",
            "document": "CTOC/COP/WG.6/2025/3",
            "label": "Recommendation 1",
            "text": "States parties are encouraged to test.",
            "tags": "testing, NGOs",
            "source": "CTOC/COP/WG.6/2025/3",
        },
    )
    assert response.status_code == 302
    item = CompilationItem.objects.get(year=2025)
    assert item.tags == ["testing", "NGOs"] and item.added_by == staff
    reference = CompilationItem.objects.exclude(reference_key="")
    assert item.position > max(reference.values_list("position", flat=True))


def test_stored_rows_of_the_former_data_are_brought_in_line(django_user_model):
    """What 0008 and the loader do to a database loaded before the sources registry."""
    staff = grant_role(UserFactory(), Role.SECRETARIAT)
    TimelineEventFactory(
        date="1993-06-09", sort_key="1993-06-09", title="[Case example] Guzmán captured",
        kind="other", source="seed001 line 418",
    )  # fmt: skip
    item = CompilationItem.objects.get(reference_key="2023-dialogue-tip-1")
    item.reference_key, item.source, item.text = "", "seed003 lines 215-227", "law 7/7 enforcement"
    item.save()
    added = CompilationItemFactory(
        kind="observation", year=2023, body="Constructive Dialogue on Firearms", text="x",
        source="CTOC/COP/WG.6/2023/5", added_by=staff,
    )  # fmt: skip
    migration = importlib.import_module("reviews.migrations.0008_fix_stored_citations")
    migration.fix_stored_citations(apps, None)
    item.refresh_from_db()
    added.refresh_from_db()
    assert item.reference_key == "2023-dialogue-tip-1" and added.reference_key == ""
    history_load_reference(FIXTURES)
    history_load_reference(FIXTURES)  # a second run changes nothing
    item.refresh_from_db()
    assert "law enforcement" in item.text and item.source.startswith("compilation: Part B")
    assert not TimelineEvent.objects.filter(title__contains="[Case example]").exists()
    assert TimelineEvent.objects.count() == 84 and CompilationItem.objects.count() == 38
    assert list(CompilationItem.objects.all())[-1] == added  # after Part B's 2023 items
