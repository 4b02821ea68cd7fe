from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from engagement.models import Dialogue
from tests.factories import DialogueFactory

pytestmark = pytest.mark.django_db


def test_list_splits_upcoming_and_past_and_hides_drafts(client):
    upcoming = DialogueFactory(title="Upcoming firearms dialogue")
    long_ago = date.today() - timedelta(days=40)
    DialogueFactory(
        title="Past dialogue",
        status=Dialogue.Status.SUMMARY_PUBLISHED,
        session__starts_on=long_ago,
        session__ends_on=long_ago + timedelta(days=2),
    )
    DialogueFactory(title="Secret draft", status=Dialogue.Status.DRAFT)
    response = client.get(reverse("engagement:dialogue-list"))
    assert [d.title for d in response.context["upcoming"]] == ["Upcoming firearms dialogue"]
    assert [d.title for d in response.context["past"]] == ["Past dialogue"]
    assert "Secret draft" not in response.content.decode()
    assert upcoming.get_absolute_url() in response.content.decode()


def test_filters_by_working_group_year_and_format(client):
    firearms = DialogueFactory(format=Dialogue.Format.ONLINE)
    url = reverse("engagement:dialogue-list")
    year = firearms.starts_at.year
    response = client.get(url, {"working_group": "firearms", "year": year, "format": "online"})
    assert [d.pk for d in response.context["upcoming"]] == [firearms.pk]
    response = client.get(url, {"working_group": "trafficking-in-persons"})
    assert response.context["upcoming"] == []
    response = client.get(url, {"format": "in_person"})
    assert response.context["upcoming"] == []


def test_bad_filter_value_shows_an_error_not_a_500(client):
    response = client.get(reverse("engagement:dialogue-list"), {"format": "by-pigeon"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_detail_shows_rules_timeline_and_cutoff_in_vienna_time(client):
    dialogue = DialogueFactory()
    response = client.get(dialogue.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    cutoff = dialogue.confirmation_deadline.astimezone(timezone.get_current_timezone())
    assert cutoff.strftime("%H:%M:%S") == "23:59:59"
    assert f"{cutoff.day} {cutoff.strftime('%B %Y')}, 23:59:59 Vienna time" in html
    assert "No specific country situation may be mentioned" in html
    labels = [m["label"] for m in response.context["milestones"]]
    assert labels == [
        "Applications open",
        "Applications close",
        "List circulated to States parties",
        "Objection window ends",
        "Confirmation cut-off",
        "The dialogue",
    ]
    assert sum(m["next"] for m in response.context["milestones"]) == 1


def test_draft_dialogue_is_404_for_the_public(client):
    draft = DialogueFactory(status=Dialogue.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_not_convened_dialogue_says_so_with_the_reason(client):
    dialogue = DialogueFactory(
        status=Dialogue.Status.NOT_CONVENED, not_convened_reason="Only two applications arrived."
    )
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert "This dialogue will not be convened." in html
    assert "Only two applications arrived." in html


def test_ical_of_one_dialogue_has_the_event_and_its_deadlines(client):
    dialogue = DialogueFactory(title="Firearms dialogue")
    response = client.get(reverse("engagement:dialogue-ical", args=[dialogue.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries == [
        "Firearms dialogue",
        "Application deadline: Firearms dialogue",
        "Confirmation cut-off: Firearms dialogue",
    ]
    assert events[0].decoded("DTSTART") == dialogue.starts_at
    assert events[2].decoded("DTSTART") == dialogue.confirmation_deadline


def test_feed_lists_every_public_dialogue(client):
    DialogueFactory(title="One")
    DialogueFactory(title="Two", status=Dialogue.Status.HELD)
    DialogueFactory(title="Draft", status=Dialogue.Status.DRAFT)
    calendar = Calendar.from_ical(client.get(reverse("engagement:dialogue-feed")).content)
    assert sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")) == ["One", "Two"]


@pytest.mark.parametrize("name", ["engagement:dialogue-list", "engagement:dialogue-feed"])
def test_list_query_count_does_not_grow_with_dialogues(client, name):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name)).status_code == 200
        return len(queries)

    DialogueFactory()
    with_one = count()
    DialogueFactory.create_batch(49)
    assert count() == with_one
