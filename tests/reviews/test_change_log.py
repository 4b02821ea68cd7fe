"""The change log of the review data: newest first, filters by State, page and dates, each
line's time in Vienna, author, State and old → new values, pages of 50 in constant queries."""

import html
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.models import ReviewDataChange, ReviewerAssignment, ReviewGroup, State
from reviews.services import participation_record, save_with_log, state_review_update
from tests.factories import UserFactory
from tests.factories.reviews import ReviewDataChangeFactory

pytestmark = pytest.mark.django_db

URL = reverse("reviews:staff-changes")


def line(state_code, *, at, via="form", actor=None, subject="State: x", changes=None):
    return ReviewDataChangeFactory(
        at=at,
        state=State.objects.get(code=state_code) if state_code else None,
        actor=actor,
        via=via,
        subject=subject,
        action="changed",
        changes=changes or {"review_source": ["", "x"]},
    )


def listed(response) -> list[str]:
    return [entry.subject for entry in response.context["entries"]]


def test_each_line_says_when_who_which_state_what_and_old_and_new_values(staff, officer):
    kenya = State.objects.get(code="KEN")
    participation = kenya.participations.get(treaty="UNTOC")
    participation.consent_date = date(2004, 6, 17)
    participation_record(participation, actor=officer, via="import")
    ReviewDataChange.objects.update(at=datetime(2025, 1, 10, 11, 30, tzinfo=UTC))
    state_review_update(
        kenya, actor=None, via="system", review_group=ReviewGroup.objects.get(number=2)
    )
    assignment = ReviewerAssignment(
        state_under_review=kenya, reviewer=State.objects.get(code="GHA"), instrument="TIP"
    )
    save_with_log(assignment, actor=officer, via="form")

    response = staff.get(URL)
    assert response.status_code == 200
    entries = response.context["entries"]
    assert [entry.action for entry in entries] == ["created", "changed", "changed"]  # newest first
    text = html.unescape(response.content.decode())
    assert "10 Jan 2025, 12:30" in text  # 11:30 UTC is 12:30 in Vienna in winter
    assert "officer@example.org" in text and "the portal" in text
    assert f'href="{reverse("reviews:state-detail", kwargs={"code": "KEN"})}"' in text
    assert "CSV import" in text and "Recomputed by the portal" in text
    consent = entries[2].rows
    assert ("consent to be bound on", "2004-06-16", "2004-06-17") in consent
    assert (
        "firmness",
        "UN Treaty Collection row (2014 snapshot)",
        "Entered or corrected by the secretariat",
    ) in consent  # the labels of the values, not their codes
    assert ("review group", "", "Group 2") in entries[1].rows  # the group's name, not its id
    assert ("reviewing State", "", "Ghana") in entries[0].rows  # the State's name, not its id
    assert "2004-06-16" in text and "Ghana" in text


def test_the_log_filters_by_state_code_or_name_by_page_and_by_dates(staff):
    line("KEN", at=datetime(2025, 3, 1, 9, tzinfo=UTC), subject="kenya early")
    line("KEN", at=datetime(2025, 3, 31, 22, 30, tzinfo=UTC), via="import", subject="kenya late")
    line("GHA", at=datetime(2025, 3, 15, 9, tzinfo=UTC), via="import", subject="ghana")
    line(None, at=datetime(2025, 2, 1, 9, tzinfo=UTC), via="system", subject="no state")

    assert listed(staff.get(URL)) == ["kenya late", "ghana", "kenya early", "no state"]
    assert listed(staff.get(URL, {"state": "ken"})) == ["kenya late", "kenya early"]
    assert listed(staff.get(URL, {"state": "Ghan"})) == ["ghana"]
    assert listed(staff.get(URL, {"via": "import"})) == ["kenya late", "ghana"]
    assert listed(staff.get(URL, {"via": "system"})) == ["no state"]
    # 22:30 UTC on 31 March is 00:30 on 1 April in Vienna (summer time).
    assert listed(staff.get(URL, {"from": "2025-03-01", "to": "2025-03-31"})) == [
        "ghana",
        "kenya early",
    ]
    assert listed(staff.get(URL, {"from": "2025-04-01"})) == ["kenya late"]
    assert listed(staff.get(URL, {"state": "KEN", "via": "import", "to": "2025-04-01"})) == [
        "kenya late"
    ]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"from": "2025-13-01"}, "from", "Enter a date as YYYY-MM-DD."),
        ({"to": "yesterday"}, "to", "Enter a date as YYYY-MM-DD."),
        ({"from": "2025-03-02", "to": "2025-03-01"}, "to", "The end date is before the start"),
        ({"via": "fax"}, "via", "Select a valid choice."),
    ],
)
def test_a_bad_filter_is_shown_next_to_its_field_and_the_rest_still_applies(
    staff, params, field, message
):
    line("KEN", at=datetime(2025, 3, 5, 9, tzinfo=UTC), subject="kenya")
    line("GHA", at=datetime(2025, 3, 5, 9, tzinfo=UTC), subject="ghana")
    response = staff.get(URL, {"state": "KEN", **params})
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    text = html.unescape(response.content.decode())
    assert text.index(message) > text.index(f'for="id_{field}"')  # beside its field
    assert listed(response) == ["kenya"]


def test_the_log_has_pages_of_fifty_with_previous_and_next_links(staff):
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for index in range(51):
        line("KEN", at=start + timedelta(hours=index), subject=f"change {index}")
    first = staff.get(URL, {"state": "KEN"})
    assert len(first.context["entries"]) == 50
    assert listed(first)[0] == "change 50"
    text = first.content.decode()
    assert 'rel="next" href="?state=KEN&amp;page=2"' in text and 'rel="prev"' not in text
    assert "Page 1 of 2" in text
    second = staff.get(URL, {"state": "KEN", "page": 2})
    assert listed(second) == ["change 0"]
    assert 'rel="prev" href="?state=KEN&amp;page=1"' in second.content.decode()
    assert listed(staff.get(URL, {"page": "x"}))[0] == "change 50"  # a bad page: the first


def test_the_query_count_does_not_grow_with_the_lines(staff, officer):
    ghana = State.objects.get(code="GHA")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert staff.get(URL).status_code == 200
        return len(queries)

    def add(index):
        state = State.objects.order_by("name")[index]
        line(
            state.code,
            at=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=index),
            actor=officer if index % 2 else None,
            changes={"reviewer": ["", str(ghana.pk)], "review_group": ["", "1"]},
        )

    add(0)
    one = count()
    for index in range(1, 50):
        add(index)
    assert count() == one


def test_the_log_is_for_the_secretariat_only(client):
    assert client.get(URL).status_code == 302
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 404
