"""The drawing-of-lots simulator: every rule holds on the reference data for any seed, and on
random populations a rule is either met or reported, never broken silently."""

import dataclasses
import time
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviews import lots
from reviews.lots import Candidate, check_draw, draw_lots
from reviews.models import TreatyParticipation

# Marked so that these tests run with the database as loaded, before any browser test flushes it.
pytestmark = pytest.mark.django_db

AS_OF = date(2026, 1, 1)
GROUPS = ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "GRULAC", "WEOG"]
PROTOCOLS = ["TIP", "SOM", "FIREARMS"]


@pytest.fixture(scope="module")
def reference(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return lots.candidates_as_of(AS_OF)


@pytest.fixture(scope="module")
def reference_draw(reference):
    return draw_lots(reference, 2020)


def state(code, group, *protocols, is_state=True):
    return Candidate(code, f"State {code}", group, frozenset({"UNTOC", *protocols}), is_state)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_any_seed_gives_a_draw_of_the_reference_parties_meeting_every_rule(reference, seed):
    draw = draw_lots(reference, seed)
    assert check_draw(draw, reference) == []
    assert draw.problems == ()
    assert draw.states_drawn == len(reference) - len(draw.excluded)


@st.composite
def populations(draw):
    size = draw(st.integers(min_value=0, max_value=24))
    groups = draw(st.lists(st.sampled_from([*GROUPS, "NONE"]), min_size=1, max_size=6))
    candidates = []
    for index in range(size):
        instruments = set(draw(st.sets(st.sampled_from(PROTOCOLS))))
        if draw(st.integers(min_value=0, max_value=9)):  # now and then not a party yet
            instruments.add("UNTOC")
        candidates.append(
            Candidate(
                f"S{index:02d}",
                f"State {index}",
                draw(st.sampled_from(groups)),
                frozenset(instruments),
                is_state=draw(st.integers(min_value=0, max_value=19)) > 0,
            )
        )
    return candidates


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(candidates=populations(), seed=st.integers(min_value=0, max_value=10_000))
def test_a_rule_is_met_or_reported_never_broken_silently(candidates, seed):
    draw = draw_lots(candidates, seed)
    violations = check_draw(draw, candidates)
    assert [v for v in violations if v.split(": ")[1] not in lots.REPORTABLE] == []
    assert sorted(violations) == sorted(problem.key for problem in draw.problems)
    assert all(problem.message for problem in draw.problems)


def test_a_lone_state_in_its_group_is_reported_with_the_reason():
    candidates = [
        state("AAA", "GRULAC"),
        *(state(f"W{i}", "WEOG", "FIREARMS") for i in range(3)),
        state("AF1", "AFRICAN", "FIREARMS"),
        *(state(f"AF{i}", "AFRICAN") for i in range(2, 5)),
    ]
    draw = draw_lots(candidates, 7)
    messages = {problem.key: problem.message for problem in draw.problems}
    assert set(messages) == {
        "AAA: same-group-reviewer: UNTOC",
        "AF1: same-group-reviewer: FIREARMS",
    }
    assert messages["AAA: same-group-reviewer: UNTOC"] == (
        "no reviewer from its own regional group for the Organized Crime Convention: no other "
        "party to the Organized Crime Convention in the Latin American and Caribbean States group"
    )
    assert messages["AF1: same-group-reviewer: FIREARMS"].endswith(
        ": no other party to the Firearms Protocol in the African States group"
    )
    assert sorted(check_draw(draw, candidates)) == sorted(messages)
    # The rest of the draw stands: the lone State still has its other-group reviewer, and the
    # only African party to the Firearms Protocol reviews the three Western ones on it.
    lone = draw.reviews["AAA"]
    assert [(r.same_group, r.instruments) for r in lone.reviewers] == [(False, ("UNTOC",))]
    assert draw.reviews_performed["AF1"] == 3


def test_a_reviewer_with_no_room_left_is_reported_as_such():
    candidates = [
        *(state(f"W{i}", "WEOG", "FIREARMS") for i in range(4)),
        *(state(f"AF{i}", "AFRICAN") for i in range(4)),
        state("AF9", "AFRICAN", "FIREARMS"),
    ]
    draw = draw_lots(candidates, 3)
    problems = [p for p in draw.problems if p.code.startswith("W")]
    assert len(problems) == 1  # four Western States, one other party to review them: three
    assert problems[0].rule == "other-group-reviewer" and problems[0].instrument == "FIREARMS"
    assert problems[0].message == (
        "no reviewer from another regional group for the Firearms Protocol: every party to the "
        "Firearms Protocol outside the Western European and other States group already performs "
        "three reviews"
    )
    assert sorted(check_draw(draw, candidates)) == sorted(p.key for p in draw.problems)


def test_parties_of_a_protocol_review_each_other_when_they_must():
    candidates = [
        state("F1", "WEOG", "FIREARMS"),
        state("F2", "WEOG", "FIREARMS"),
        state("G1", "GRULAC", "FIREARMS"),
        state("G2", "GRULAC", "FIREARMS"),
        state("G3", "GRULAC"),
    ]
    draw = draw_lots(candidates, 1)
    assert draw.problems == ()
    assert check_draw(draw, candidates) == []
    assert {r.code for r in draw.reviews["F1"].reviewers if r.same_group} == {"F2"}
    only_one = [state("F1", "WEOG", "FIREARMS"), state("F2", "WEOG"), state("X", "AFRICAN")]
    draw = draw_lots(only_one, 1)
    assert "F1: same-group-reviewer: FIREARMS" in {p.key for p in draw.problems}


def test_same_seed_same_draw_and_different_seeds_differ(reference):
    assert draw_lots(reference, 42) == draw_lots(reference, 42)
    assert draw_lots(list(reversed(reference)), 42) == draw_lots(reference, 42)
    groups = {draw_lots(reference, seed).groups for seed in range(5)}
    assert len(groups) == 5


def test_the_european_union_and_parties_without_a_group_are_left_out_with_the_reason(
    reference_draw,
):
    reasons = {e.code: e.reason for e in reference_draw.excluded}
    assert set(reasons) == {"EUU", "VAT", "COK", "NIU", "PSE"}
    assert reasons["EUU"].startswith("not a State but a regional economic integration organization")
    assert "same regional group" in reasons["EUU"]
    assert reasons["VAT"].startswith("in no UN regional group")
    assert not set(reasons) & set(reference_draw.reviews)
    assert not {r.code for review in reference_draw.reviews.values() for r in review.reviewers} & {
        "EUU",
        "VAT",
    }


def test_shape_of_a_reference_draw(reference, reference_draw):
    draw = reference_draw
    assert draw.states_drawn == 187
    assert sorted(draw.group_sizes) == [62, 62, 63]
    assert sum(draw.group_sizes) == draw.states_drawn
    for code, review in draw.reviews.items():
        reviewers = [r.code for r in review.reviewers]
        assert 2 <= len(reviewers) <= 4
        assert code not in reviewers
        assert code in draw.groups[review.group - 1]
        for instrument in review.instruments:
            covering = [r for r in review.reviewers if instrument in r.instruments]
            assert sorted(r.same_group for r in covering) == [False, True]
    assert set(draw.reviews_performed.values()) <= {1, 2, 3}
    assert draw.reviews_total == sum(len(r.reviewers) for r in draw.reviews.values())
    assert draw.undated_participations == sum(
        len(c.undated) for c in reference if c.code in draw.reviews
    )
    assert draw.undated_participations > 0


def test_a_drawn_reviewer_not_party_to_a_protocol_is_kept_and_another_drawn_for_it(
    reference_draw,
):
    additional = [
        (review, r) for review in reference_draw.reviews.values() for r in review.reviewers
    ]
    additional = [(review, r) for review, r in additional if r.additional]
    assert additional
    for review, extra in additional:
        first = next(
            r for r in review.reviewers if r.same_group == extra.same_group and not r.additional
        )
        assert "UNTOC" in first.instruments and "UNTOC" not in extra.instruments
        assert set(first.instruments) | set(extra.instruments) == set(review.instruments)


def test_check_draw_catches_a_broken_rule(reference, reference_draw):
    draw = reference_draw
    code, review = next(iter(draw.reviews.items()))
    first = review.reviewers[0]
    selfish = dataclasses.replace(first, code=code, name=review.name)
    broken = dataclasses.replace(
        draw,
        reviews={**draw.reviews, code: dataclasses.replace(review, reviewers=(selfish,))},
    )
    found = check_draw(broken, reference)
    assert f"{code}: self-review" in found
    assert f"{code}: other-group-reviewer: UNTOC" in found
    assert any(line.startswith("*: groups") for line in check_draw(
        dataclasses.replace(draw, groups=(draw.groups[0] + draw.groups[1], draw.groups[2], ())),
        reference,
    ))  # fmt: skip


def test_parties_are_taken_as_of_the_date():
    latest = (
        TreatyParticipation.objects.filter(treaty="UNTOC", consent_date__isnull=False)
        .select_related("state")
        .latest("consent_date")
    )
    firearms = (
        TreatyParticipation.objects.filter(treaty="FIREARMS", consent_date__isnull=False)
        .select_related("state")
        .latest("consent_date")
    )
    before = lots.candidates_as_of(latest.consent_date - timedelta(days=1))
    on_the_day = lots.candidates_as_of(latest.consent_date)
    before_firearms = lots.candidates_as_of(firearms.consent_date - timedelta(days=1))
    assert latest.state.code not in {c.code for c in before}
    assert latest.state.code in {c.code for c in on_the_day}
    assert latest.state.code not in draw_lots(before, 1).reviews
    by_code = {c.code: c for c in before_firearms}
    if firearms.state.code in by_code:
        assert "FIREARMS" not in by_code[firearms.state.code].instruments
    # A row with no consent date counts as a party on any date, and is counted as such.
    samoa = {c.code: c for c in lots.candidates_as_of(date(2001, 1, 1))}.get("WSM")
    assert samoa is not None and "UNTOC" in samoa.undated


def test_candidates_are_loaded_in_a_constant_number_of_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        candidates = lots.candidates_as_of(AS_OF)
    assert len(candidates) == 192
    assert "UNCAC" not in {i for c in candidates for i in c.instruments}


def test_an_early_date_with_few_parties_still_gives_a_checked_draw():
    early = lots.candidates_as_of(date(2004, 1, 1))
    draw = draw_lots(early, 3)
    assert 0 < draw.states_drawn < 100
    violations = check_draw(draw, early)
    assert sorted(violations) == sorted(problem.key for problem in draw.problems)


def test_a_full_draw_takes_well_under_two_seconds(reference):
    started = time.perf_counter()
    draw_lots(reference, 99)
    assert time.perf_counter() - started < 1.0
