"""Which cluster a group reviews on a given date, boundaries included; the overview page."""

from collections import Counter
from datetime import date
from itertools import pairwise

import pytest
import time_machine
from django.urls import reverse

from reviews import cycle
from reviews.models import ReviewGroup

START = date(2020, 11, 1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 10, 31), None),  # the day before the group starts
        (date(2020, 11, 1), 1),
        (date(2022, 10, 31), 1),  # last day of cluster 1
        (date(2022, 11, 1), 2),  # first day of cluster 2
        (date(2024, 11, 1), 3),
        (date(2026, 11, 1), 4),
        (date(2028, 10, 31), 4),  # last day of the review
        (date(2028, 11, 1), None),
    ],
)
def test_cluster_on_a_date_with_boundaries(day, expected):
    phase = cycle.phase_on(START, day)
    assert (phase.cluster if phase else None) == expected


def test_phases_are_contiguous_and_follow_the_years_per_cluster():
    phases = cycle.phases(date(2024, 2, 29), years_per_cluster=3)
    assert [p.cluster for p in phases] == [1, 2, 3, 4]
    assert all(a.ends_on == b.starts_on for a, b in pairwise(phases))
    assert phases[1].starts_on == date(2027, 2, 28)  # 29 February has no anniversary


@pytest.mark.django_db
def test_overview_says_what_each_group_reviews_today(client):
    with time_machine.travel(date(2026, 11, 23)):
        response = client.get(reverse("reviews:overview"))
    rows = response.context["rows"]
    assert [(r["group"].number, r["current"].number) for r in rows] == [(1, 4), (2, 3), (3, 3)]
    group = ReviewGroup.objects.get(number=3)  # saved as the staff form saves it
    group.starts_on = date(2023, 1, 15)
    group.save()
    with time_machine.travel(date(2026, 11, 23)):
        rows = client.get(reverse("reviews:overview")).context["rows"]
    assert rows[2]["current"].number == 2
    html = response.content.decode()
    assert 'aria-current="date"' in html and "Preparatory phase" in html


@pytest.mark.django_db
@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2026, 3, 15), date(2027, 7, 1)])
def test_the_year_table_applies_one_rule_to_every_year_this_one_included(client, today):
    """Each column is the cluster under way on 1 July of its year: every group then shows each
    of its four clusters for two years, whatever the day the page is read."""
    with time_machine.travel(today):
        response = client.get(reverse("reviews:overview"))
    years = response.context["years"]
    for row in response.context["rows"]:
        group = row["group"]
        for year, cluster in zip(years, row["cells"], strict=True):
            phase = cycle.phase_on(group.starts_on, date(year, 7, 1))
            assert (cluster.number if cluster else None) == (phase.cluster if phase else None)
        shown = Counter(cluster.number for cluster in row["cells"] if cluster)
        assert shown == {1: 2, 2: 2, 3: 2, 4: 2}, group
    assert response.context["preparatory"][years.index(2018)] is False  # starts 15 October
    html = " ".join(response.content.decode().split())
    assert (
        "each year shows the cluster under way on 1 July of that year, this year included" in html
    )
