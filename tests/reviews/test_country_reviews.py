"""A State's country review: steps and due dates, overdue with the clock moved, reviewers,
contacts and who sees them, the iCal feed, and the overview and list counts."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from portal.deadlines import VIENNA
from portal.models import Role
from reviews.models import (
    ReviewContact,
    ReviewDataChange,
    ReviewGroup,
    ReviewStep,
    State,
)
from reviews.services import review_group_update, review_step_record, state_review_update
from tests.factories import UserFactory, grant_role
from tests.factories.engagement import MembershipFactory, OrganizationFactory
from tests.factories.reviews import ReviewContactFactory, ReviewerAssignmentFactory

pytestmark = pytest.mark.django_db


def vienna(*args):
    return datetime(*args, tzinfo=VIENNA)


@pytest.fixture
def kenya():
    """Kenya in group 2, which starts on 1 November 2021 (the portal's sourced default)."""
    state = State.objects.get(code="KEN")
    state_review_update(
        state, actor=None, via="form", review_group=ReviewGroup.objects.get(number=2)
    )
    return state


def step(state, cluster, kind):
    return ReviewStep.objects.get(state=state, cluster=cluster, kind=kind)


def test_a_group_gives_six_steps_per_phase_due_by_the_rules(kenya):
    assert ReviewStep.objects.filter(state=kenya).count() == 24
    assert step(kenya, 1, "focal_point").due_at == vienna(2021, 11, 15, 23, 59, 59)
    assert step(kenya, 1, "experts").due_at == vienna(2021, 11, 29, 23, 59, 59)
    assert step(kenya, 1, "self_assessment").due_at == vienna(2022, 5, 1, 23, 59, 59)
    assert step(kenya, 1, "feedback").due_at is None  # waits for the self-assessment
    assert step(kenya, 1, "summary").due_at is None  # no published deadline
    assert step(kenya, 3, "focal_point").due_at == vienna(2025, 11, 15, 23, 59, 59)
    change = ReviewDataChange.objects.get(state=kenya)
    assert change.changes["review_group"] == ["", str(ReviewGroup.objects.get(number=2).pk)]


def test_recording_the_self_assessment_sets_the_feedback_due_date(kenya):
    saq = step(kenya, 1, "self_assessment")
    review_step_record(saq, done_on=date(2022, 8, 31), due_on=None, note="", actor=None, via="form")
    assert step(kenya, 1, "feedback").due_at == vienna(2023, 2, 28, 23, 59, 59)  # no 31 Feb


def test_a_step_is_overdue_from_the_second_after_its_due_day_in_vienna(kenya, client):
    focal_point = step(kenya, 1, "focal_point")
    due = vienna(2021, 11, 15, 23, 59, 59)
    assert not focal_point.is_overdue(due)
    assert not focal_point.is_overdue(due + timedelta(microseconds=999_999))
    assert focal_point.is_overdue(due + timedelta(seconds=1))
    assert ReviewStep.objects.overdue(due).filter(state=kenya).count() == 0
    assert ReviewStep.objects.overdue(due + timedelta(seconds=1)).filter(state=kenya).count() == 1
    url = reverse("reviews:state-detail", args=["KEN"])
    with time_machine.travel(due, tick=False):
        assert client.get(url).context["overdue"] == []
    with time_machine.travel(due + timedelta(seconds=1), tick=False):
        assert client.get(url).context["overdue"] == [focal_point]
    review_step_record(
        focal_point, done_on=date(2021, 11, 20), due_on=None, note="", actor=None, via="form"
    )
    with time_machine.travel(due + timedelta(days=1), tick=False):
        assert client.get(url).context["overdue"] == []


def test_moving_a_group_moves_due_dates_except_those_the_secretariat_set(kenya):
    experts = step(kenya, 1, "experts")
    review_step_record(
        experts, done_on=None, due_on=date(2022, 1, 31), note="agreed", actor=None, via="form"
    )
    group = ReviewGroup.objects.get(number=2)
    changed = review_group_update(
        group, starts_on=date(2021, 12, 1), years_per_cluster=2, note="", actor=None
    )
    assert changed > 0
    assert step(kenya, 1, "focal_point").due_at == vienna(2021, 12, 15, 23, 59, 59)
    assert step(kenya, 1, "experts").due_at == vienna(2022, 1, 31, 23, 59, 59)
    review_step_record(experts, done_on=None, due_on=None, note="", actor=None, via="form")
    assert step(kenya, 1, "experts").due_at == vienna(2021, 12, 29, 23, 59, 59)


def test_removing_the_group_keeps_recorded_steps_only(kenya):
    review_step_record(
        step(kenya, 1, "focal_point"),
        done_on=date(2021, 11, 10),
        due_on=None,
        note="",
        actor=None,
        via="form",
    )
    state_review_update(kenya, actor=None, via="form", review_group=None)
    assert list(ReviewStep.objects.filter(state=kenya).values_list("kind", flat=True)) == [
        "focal_point"
    ]


def test_state_page_shows_steps_reviewers_and_languages(kenya, client):
    kenya.review_languages = ["en", "fr"]
    kenya.save()
    uganda, france = State.objects.get(code="UGA"), State.objects.get(code="FRA")
    ReviewerAssignmentFactory(state_under_review=kenya, reviewer=uganda, instrument="UNTOC")
    ReviewerAssignmentFactory(state_under_review=kenya, reviewer=france, instrument="UNTOC")
    with time_machine.travel(vienna(2026, 11, 30, 12), tick=False):
        response = client.get(reverse("reviews:state-detail", args=["KEN"]))
    html = response.content.decode()
    assert "Review languages: English, French" in html
    assert "same regional group" in html and "Western European and other States" in html
    assert "Self-assessment questionnaire submitted" in html
    # 2026-11-30: cluster 3 (Nov 2025 - Nov 2027) is under way; every rule-dated step of
    # clusters 1 to 3 without an actual date is overdue: 3 per phase.
    assert len(response.context["overdue"]) == 9
    assert "9 steps are overdue" in html
    uganda_page = client.get(reverse("reviews:state-detail", args=["UGA"])).content.decode()
    assert "This State reviews:" in uganda_page and ">Kenya</a>" in uganda_page


def test_contacts_are_seen_by_the_secretariat_and_the_states_own_representatives(kenya, client):
    ReviewContactFactory(
        state=kenya, role="focal_point", name="Jane Wanjiru", email="focal@example.go.ke"
    )
    url = reverse("reviews:state-detail", args=["KEN"])
    assert "Jane Wanjiru" not in client.get(url).content.decode()
    assert "visible only to the secretariat" in client.get(url).content.decode()
    other = grant_role(
        UserFactory(), Role.STATE_REPRESENTATIVE, state=State.objects.get(code="UGA")
    )
    client.force_login(other)
    assert "Jane Wanjiru" not in client.get(url).content.decode()
    own = grant_role(UserFactory(), Role.STATE_REPRESENTATIVE, state=kenya)
    client.force_login(own)
    assert "focal@example.go.ke" in client.get(url).content.decode()
    staff = grant_role(UserFactory(), Role.SECRETARIAT)
    client.force_login(staff)
    assert "Jane Wanjiru" in client.get(url).content.decode()
    client.logout()
    kenya.contacts_public = True
    kenya.save()
    assert "Jane Wanjiru" in client.get(url).content.decode()


def test_representative_edits_contacts_and_makes_them_public(kenya, client):
    own = grant_role(UserFactory(email="rep@example.go.ke"), Role.STATE_REPRESENTATIVE, state=kenya)
    client.force_login(own)
    url = reverse("reviews:state-contacts", args=["KEN"])
    data = {
        "version": client.get(url).context["version"],
        "contacts_public": "on",
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-0-role": "focal_point",
        "contacts-0-name": "Jane Wanjiru",
        "contacts-0-email": "not an email",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert 'value="Jane Wanjiru"' in response.content.decode()  # nothing typed is lost
    assert not ReviewContact.objects.exists()
    data["contacts-0-email"] = "focal@example.go.ke"
    assert client.post(url, data).status_code == 302
    kenya.refresh_from_db()
    assert kenya.contacts_public
    assert ReviewContact.objects.get().name == "Jane Wanjiru"
    logged = ReviewDataChange.objects.filter(state=kenya, actor=own)
    assert {line.action for line in logged} == {"created", "changed"}


def test_ical_feed_lists_the_states_due_dates(kenya, client):
    response = client.get(reverse("reviews:state-ical", args=["ken"]))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode().replace("\r\n ", "")  # unfold long lines
    assert (
        body.count("BEGIN:VEVENT")
        == ReviewStep.objects.filter(state=kenya, due_at__isnull=False).count()
        == 12
    )

    events = {
        str(event["summary"]): event["dtstart"].dt
        for event in Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert events["Due: Kenya, cluster 1: Focal point appointed"] == date(2021, 11, 15)  # all day
    review_step_record(
        step(kenya, 1, "focal_point"),
        done_on=date(2021, 11, 10),
        due_on=None,
        note="",
        actor=None,
        via="form",
    )
    done = client.get(reverse("reviews:state-ical", args=["KEN"])).content.decode()
    assert done.count("BEGIN:VEVENT") == 11  # a step done is no longer a deadline


def test_state_list_filters_by_review_group_and_overdue(kenya, client):
    uganda = State.objects.get(code="UGA")
    state_review_update(
        uganda, actor=None, via="form", review_group=ReviewGroup.objects.get(number=3)
    )
    for item in ReviewStep.objects.filter(state=uganda):
        item.done_on = date(2020, 1, 1)
        item.save()
    url = reverse("reviews:state-list")
    with time_machine.travel(vienna(2026, 11, 30, 12), tick=False):
        overdue = client.get(url, {"overdue": "on"}).context["states"]
        group_3 = client.get(url, {"review_group": ReviewGroup.objects.get(number=3).pk})
        html = client.get(url).content.decode()
    assert [s.code for s in overdue] == ["KEN"]
    assert overdue[0].overdue_steps == 9
    assert [s.code for s in group_3.context["states"]] == ["UGA"]
    assert "9 overdue" in html


def test_state_list_query_count_does_not_grow_with_reviews(client):
    url = reverse("reviews:state-list")

    def count(django_assert_num_queries=None):

        with CaptureQueriesContext(connection) as queries:
            client.get(url, {"overdue": "on"})
        return len(queries)

    group = ReviewGroup.objects.get(number=1)
    first = State.objects.get(code="KEN")
    state_review_update(first, actor=None, via="form", review_group=group)
    before = count()
    for state in State.objects.exclude(code="KEN")[:50]:
        state_review_update(state, actor=None, via="form", review_group=group)
    assert count() == before


def test_overview_counts_overdue_steps_per_group(kenya, client):
    with time_machine.travel(vienna(2026, 11, 30, 12), tick=False):
        response = client.get(reverse("reviews:overview"))
    html = response.content.decode()
    assert response.context["overdue"]["total"] == 9
    group_2 = next(row for row in response.context["rows"] if row["group"].number == 2)
    assert group_2["overdue"] == 9 and group_2["state_count"] == 1
    assert "9 overdue steps" in html
    assert "Focal point appointed: 3" in html


def test_letter_builder_starts_from_what_the_portal_knows_of_the_review(kenya, client):

    member = UserFactory()
    organization = OrganizationFactory(
        name="Lakeside Rights Collective", kind="ngo", country="KE", email="i@l.example.org"
    )
    MembershipFactory(organization=organization, user=member, is_admin=True)
    client.force_login(member)
    ReviewContactFactory(
        state=kenya, role="focal_point", name="Jane Wanjiru", institution="Office of the AG"
    )
    url = reverse("engagement:letter-builder") + "?state=KEN"
    with time_machine.travel(vienna(2026, 3, 2, 10), tick=False):
        form = client.get(url).context["form"]
    assert form.initial["review_context"] == (
        "Its review on cluster 3 (law enforcement and the judicial system) runs from "
        "November 2025 to November 2027. Next due: the self-assessment questionnaire, by "
        "1 May 2026."
    )
    assert "recipient_name" not in form.initial  # contacts not public
    kenya.contacts_public = True
    kenya.save()
    form = client.get(url).context["form"]
    assert form.initial["recipient_name"] == "Jane Wanjiru"
    assert form.initial["recipient_title"] == "Office of the AG"


def test_letter_context_follows_the_state_chosen_in_the_builder(kenya, client):
    client.force_login(UserFactory())
    url = reverse("engagement:letter-context")
    with time_machine.travel(vienna(2026, 3, 2, 10), tick=False):
        values = client.get(url, {"state": kenya.pk, "language": "en"}).json()
    assert values["review_context"].startswith("Its review on cluster 3")
    assert values["recipient_name"] == ""
    ReviewContactFactory(state=kenya, role="focal_point", name="Jane Wanjiru")
    kenya.contacts_public = True
    kenya.save()
    assert client.get(url, {"state": kenya.pk}).json()["recipient_name"] == "Jane Wanjiru"
    uganda = State.objects.get(code="UGA")
    assert client.get(url, {"state": uganda.pk}).json() == {
        "review_context": "",
        "recipient_name": "",
        "recipient_title": "",
    }
    assert client.get(url, {"state": "x", "language": "zz"}).json()["review_context"] == ""


def test_state_page_says_which_step_is_due_next(kenya, client):
    url = reverse("reviews:state-detail", args=["KEN"])
    with time_machine.travel(vienna(2026, 3, 2, 10), tick=False):
        html = client.get(url).content.decode()
    assert (
        "Next step due: Self-assessment questionnaire submitted (cluster 3), by 1 May 2026, "
        "23:59 Vienna time." in html
    )
