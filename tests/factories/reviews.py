"""Factories of the review data. Working groups, review groups and the lists of parties are
reference data, loaded for every test: their factories return the loaded rows. New States get
codes that no real State has (Q followed by two letters)."""

from datetime import date
from string import ascii_uppercase

import factory

from reviews.models import (
    CompilationItem,
    PartyList,
    PreparatoryPhase,
    RegionalGroup,
    ReviewContact,
    ReviewDataChange,
    ReviewerAssignment,
    ReviewGroup,
    ReviewStep,
    State,
    TimelineEvent,
    Treaty,
    TreatyParticipation,
    WorkingGroup,
)


def _code(n: int) -> str:
    return "Q" + ascii_uppercase[n // 26 % 26] + ascii_uppercase[n % 26]


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        django_get_or_create = ["slug"]

    slug = "firearms"
    name = factory.LazyAttribute(lambda o: f"Working Group on {o.slug}")
    short_name = factory.LazyAttribute(lambda o: o.slug)
    document_symbol = "CTOC/COP/WG.6/2024/1"
    source = "Test source"


class ReviewGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewGroup
        django_get_or_create = ["number"]

    number = 1
    starts_on = date(2021, 11, 1)
    source = "Test source"


class PreparatoryPhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PreparatoryPhase

    starts_on = date(2018, 10, 19)
    ends_on = date(2020, 10, 16)
    source = "Test source"


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State

    code = factory.Sequence(_code)
    name = factory.LazyAttribute(lambda o: f"Testland {o.code}")
    regional_group = RegionalGroup.AFRICAN


class PartyListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartyList
        django_get_or_create = ["treaty"]

    treaty = Treaty.UNTOC
    treaty_collection_chapter = "XVIII-12"
    official_count = 190
    official_count_as_of = "February 2020"
    known_gap = "Test gap"


class TreatyParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TreatyParticipation

    state = factory.SubFactory(StateFactory)
    treaty = Treaty.UNTOC
    consent_date = date(2004, 6, 16)
    consent_type = TreatyParticipation.ConsentType.RATIFICATION
    source = "Test source"
    firmness = TreatyParticipation.Firmness.SECRETARIAT


class ReviewerAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewerAssignment

    state_under_review = factory.SubFactory(StateFactory)
    reviewer = factory.SubFactory(StateFactory)
    instrument = Treaty.UNTOC


class ReviewContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewContact

    state = factory.SubFactory(StateFactory)
    role = ReviewContact.Role.FOCAL_POINT
    name = factory.Sequence(lambda n: f"Focal Point {n}")
    email = factory.Sequence(lambda n: f"focal{n}@example.org")


class ReviewStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewStep

    state = factory.SubFactory(StateFactory)
    cluster = 1
    kind = ReviewStep.Kind.FOCAL_POINT


class ReviewDataChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewDataChange

    state = factory.SubFactory(StateFactory)
    subject = factory.LazyAttribute(lambda o: f"State: {o.state}")
    action = "changed"
    changes = factory.LazyFunction(lambda: {"review_languages": ["", "en"]})
    via = ReviewDataChange.Via.FORM


class TimelineEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEvent

    date = "2020-10-16"
    sort_key = factory.LazyAttribute(lambda o: o.date)
    title = factory.Sequence(lambda n: f"Test event {n}")
    kind = TimelineEvent.Kind.values[0]
    source = "Test source"


class CompilationItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompilationItem

    kind = CompilationItem.Kind.values[0]
    year = 2024
    body = "Conference of the Parties"
    text = factory.Sequence(lambda n: f"Test recommendation {n}")
    source = "Test source"
