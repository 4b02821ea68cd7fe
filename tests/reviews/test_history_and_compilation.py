"""History (timeline.json) and the compilation (seed 003): data, filters, staff additions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import Role
from reviews.models import CompilationItem, TimelineEvent
from tests.factories import UserFactory, grant_role

pytestmark = pytest.mark.django_db


def test_reference_history_and_compilation_are_loaded_with_sources():
    assert TimelineEvent.objects.count() == 81
    assert TimelineEvent.objects.filter(kind="cop_session").count() == 10
    assert CompilationItem.objects.filter(kind="recommendation").count() == 16
    assert CompilationItem.objects.filter(kind="observation").count() == 21
    assert not CompilationItem.objects.filter(source="").exists()
    item = CompilationItem.objects.get(document="CTOC/COP/WG.4/2022/4")
    assert item.label == "Recommendation 14" and "focal points" in item.tags


def test_history_filters_by_kind_in_date_order(client):
    response = client.get(reverse("reviews:history"), {"kind": "cop_session"})
    events = response.context["events"]
    assert len(events) == 10
    assert [e.sort_key for e in events] == sorted(e.sort_key for e in events)
    assert "Source:" in response.content.decode()


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
        TimelineEvent.objects.create(
            date=f"2030-01-{index % 28 + 1:02d}",
            sort_key="2030",
            title=f"Event {index}",
            kind="other",
            source="test",
        )
        CompilationItem.objects.create(
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
