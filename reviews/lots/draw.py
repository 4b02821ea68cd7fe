"""The draw itself: groups, then every State's reviewers, reproducibly from a seed."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import NamedTuple

from django.utils.translation import gettext as _

from .model import (
    ATTEMPTS,
    CONVENTION,
    GROUP_COUNT,
    MAX_REVIEWS,
    MIN_REVIEWS,
    MISSING_OTHER,
    MISSING_SAME,
    NO_GROUP,
    NO_REVIEW,
    REVIEWED,
    Candidate,
    Draw,
    Exclusion,
    Problem,
    Review,
    Reviewer,
    _group_label,
    _instrument_label,
)


class _Slot(NamedTuple):
    code: str
    covers: frozenset
    additional: bool


class _Pools:
    """The States in the draw, the reviewers each side may use, and the unavoidable gaps."""

    def __init__(self, drawn: list[Candidate]):
        self.drawn = drawn
        self.by_code = {c.code: c for c in drawn}
        self.same = defaultdict(list)
        for candidate in drawn:
            self.same[candidate.regional_group].append(candidate)
        self.other = {g: [c for c in drawn if c.regional_group != g] for g in self.same}
        self.scarcity = {
            s.code: min(
                sum(1 for c in self.same[s.regional_group] if i in c.instruments) for i in _need(s)
            )
            for s in drawn
        }
        self.unavoidable = sum(
            1
            for s in drawn
            for same in (True, False)
            for i in _need(s)
            if not self.parties(s, same, i)
        )

    def pool(self, state: Candidate, same: bool) -> list[Candidate]:
        return self.same[state.regional_group] if same else self.other[state.regional_group]

    def parties(self, state: Candidate, same: bool, instrument: str) -> list[Candidate]:
        return [
            c
            for c in self.pool(state, same)
            if c.code != state.code and instrument in c.instruments
        ]


def draw_lots(candidates, seed: int) -> Draw:
    """Draw the three groups and every State's reviewers under the published rules (seed 001
    L732; seed 002 L416-449), reproducibly from ``seed``.

    The European Union and any party without a UN regional group cannot meet the
    regional-group rule: they are left out and listed with the reason. The States under review
    are shuffled into three groups of near-equal size. Reviewers are drawn one State at a time,
    the most constrained first, preferring States with the fewest reviews so far and, among
    them, those party to more of its instruments; a first reviewer per side covers every
    instrument it is party to and one additional reviewer per side covers the rest (four at
    most). States left with no review are then swapped into
    assignments of States performing more than one. Up to ``ATTEMPTS`` draws are made from the
    same random stream and the one with the fewest unmet rules kept. An unmet rule is never
    broken silently: the assignment is left incomplete and the draw's ``problems`` say which rule
    failed for which State and why.
    """
    rng = random.Random(seed)  # noqa: S311 (a reproducible simulation, not a secret)
    drawn, excluded = [], []
    for candidate in sorted(candidates, key=lambda c: c.code):
        reason = _exclusion_reason(candidate)
        if reason:
            excluded.append(Exclusion(candidate.code, candidate.name, reason))
        else:
            drawn.append(candidate)
    pools = _Pools(drawn)
    groups = _split(drawn, rng)
    best = None
    for attempt in range(1, ATTEMPTS + 1):
        sides, load = _assign(pools, rng)
        unmet = len(_gaps(pools, sides)) + sum(1 for n in load.values() if n < MIN_REVIEWS)
        if best is None or unmet < best[0]:
            best = (unmet, attempt, sides, load)
        if unmet <= pools.unavoidable:
            break
    _unmet, chosen, sides, load = best
    return _result(seed, pools, groups, sides, load, excluded, chosen)


def _exclusion_reason(candidate: Candidate) -> str:
    if CONVENTION not in candidate.instruments:
        return _("not a party to the Convention on this date")
    if not candidate.is_state:
        return _(
            "not a State but a regional economic integration organization, in no UN regional "
            "group: it cannot meet the rule of a reviewer from the same regional group"
        )
    if candidate.regional_group == NO_GROUP:
        return _(
            "in no UN regional group: it cannot meet the rule of a reviewer from the same "
            "regional group"
        )
    return ""


def _need(state: Candidate) -> frozenset:
    return state.instruments & frozenset(REVIEWED)


def _split(drawn: list[Candidate], rng: random.Random) -> tuple:
    codes = [c.code for c in drawn]
    rng.shuffle(codes)
    base, extra = divmod(len(codes), GROUP_COUNT)
    groups, start = [], 0
    for number in range(GROUP_COUNT):
        size = base + (1 if number < extra else 0)
        groups.append(codes[start : start + size])
        start += size
    by_code = {c.code: c for c in drawn}
    return tuple(tuple(sorted(g, key=lambda code: by_code[code].name)) for g in groups)


def _assign(pools: _Pools, rng: random.Random):
    load = dict.fromkeys(pools.by_code, 0)
    sides = {}
    order = sorted(pools.drawn, key=lambda s: (pools.scarcity[s.code], rng.random()))
    for state in order:
        sides[state.code] = {}
        for same in (True, False):
            slots = _fill(pools, state, same, load, rng)
            for slot in slots:
                load[slot.code] += 1
            sides[state.code][same] = slots
    _repair(pools, sides, load, rng)
    return sides, load


def _side(state: Candidate, first: Candidate, extra: Candidate | None) -> list[_Slot]:
    """The first reviewer covers all it can; the additional one covers the rest it can."""
    need = _need(state)
    slots = [_Slot(first.code, need & first.instruments, False)]
    rest = need - first.instruments
    if extra is not None and rest & extra.instruments:
        slots.append(_Slot(extra.code, rest & extra.instruments, True))
    return slots


def _fill(pools, state, same, load, rng) -> list[_Slot]:
    need = _need(state)
    key = {}
    for c in pools.pool(state, same):
        if c.code != state.code and load[c.code] < MAX_REVIEWS:
            key[c.code] = (load[c.code], len(need - c.instruments), rng.random())
    eligible = sorted((pools.by_code[code] for code in key), key=lambda c: key[c.code])
    extras = {}
    for first in eligible:
        rest = need - first.instruments
        if not rest:
            return _side(state, first, None)
        if rest not in extras:
            extras[rest] = [c for c in eligible if rest <= c.instruments][:2]
        extra = next((c for c in extras[rest] if c.code != first.code), None)
        if extra is not None:
            return _side(state, first, extra)
    if not eligible:
        return []
    # No pair covers everything: cover what can be covered; the gaps become problems.
    first = max(eligible, key=lambda c: len(need & c.instruments))
    rest = need - first.instruments
    extra = max(
        (c for c in eligible if c is not first),
        key=lambda c: len(rest & c.instruments),
        default=None,
    )
    return _side(state, first, extra)


def _covered(slots) -> frozenset:
    return frozenset().union(*(slot.covers for slot in slots))


def _repair(pools, sides, load, rng) -> None:
    """Give each State without a review a place on a side of some State under review: in
    place of a reviewer performing several reviews, or beside the reviewer already there, when
    the change keeps every rule and leaves every instrument covered that was covered."""
    idle = sorted(code for code, n in load.items() if n < MIN_REVIEWS)
    rng.shuffle(idle)
    for code in idle:
        idler = pools.by_code[code]
        for state_code, by_side in sides.items():
            if state_code == code or any(s.code == code for v in by_side.values() for s in v):
                continue
            state = pools.by_code[state_code]
            same = idler.regional_group == state.regional_group
            new = _place(pools, state, by_side[same], code, load)
            if new is not None:
                kept = {slot.code for slot in new}
                for slot in by_side[same]:
                    if slot.code not in kept:
                        load[slot.code] -= 1
                load[code] += 1
                by_side[same] = new
                break


def _place(pools, state, old, code, load) -> list[_Slot] | None:
    present = [slot.code for slot in old]
    for first in [code, *present]:
        for extra in [None, code, *present]:
            if extra == first or code not in (first, extra):
                continue
            new = _side(state, pools.by_code[first], pools.by_code.get(extra))
            kept = {slot.code for slot in new}
            if (
                code in kept
                and _covered(old) <= _covered(new)
                and all(load[c] > MIN_REVIEWS for c in present if c not in kept)
            ):
                return new
    return None


def _gaps(pools, sides) -> list[tuple[str, bool, str]]:
    return [
        (code, same, instrument)
        for code, by_side in sides.items()
        for same in (True, False)
        for instrument in REVIEWED
        if instrument in _need(pools.by_code[code]) - _covered(by_side[same])
    ]


def _result(seed, pools, groups, sides, load, excluded, attempts) -> Draw:
    problems = []
    for code, same, instrument in sorted(_gaps(pools, sides)):
        state = pools.by_code[code]
        rule = MISSING_SAME if same else MISSING_OTHER
        problems.append(
            Problem(
                code,
                state.name,
                rule,
                _gap_message(pools, state, same, instrument, load),
                instrument,
            )
        )
    for code in sorted(c for c, n in load.items() if n < MIN_REVIEWS):
        message = _(
            "performs no review: no assignment could be given to it without breaking another "
            "rule (at most three reviews per State, at most four reviewers per State under review)"
        )
        problems.append(Problem(code, pools.by_code[code].name, NO_REVIEW, message))
    reviews = {}
    for number, codes in enumerate(groups, start=1):
        for code in codes:
            state = pools.by_code[code]
            reviewers = []
            for same in (True, False):
                for slot in sides[code][same]:
                    r = pools.by_code[slot.code]
                    covers = tuple(i for i in REVIEWED if i in slot.covers)
                    reviewers.append(
                        Reviewer(r.code, r.name, r.regional_group, same, covers, slot.additional)
                    )
            instruments = tuple(i for i in REVIEWED if i in state.instruments)
            reviews[code] = Review(
                code,
                state.name,
                state.regional_group,
                number,
                instruments,
                tuple(reviewers),
                load[code],
            )
    return Draw(
        seed=seed,
        groups=groups,
        reviews=reviews,
        reviews_performed={code: load[code] for code in reviews},
        problems=tuple(problems),
        excluded=tuple(excluded),
        undated_participations=sum(len(_need(c) & c.undated) for c in pools.drawn),
        attempts=attempts,
    )


def _gap_message(pools, state, same, instrument, load) -> str:
    values = {
        "instrument": _instrument_label(instrument),
        "group": _group_label(state.regional_group),
    }
    parties = pools.parties(state, same, instrument)
    if same:
        missing = _("no reviewer from its own regional group for the %(instrument)s") % values
        if not parties:
            why = _("no other party to the %(instrument)s in the %(group)s group")
        elif all(load[c.code] >= MAX_REVIEWS for c in parties):
            why = _(
                "every other party to the %(instrument)s in the %(group)s group already "
                "performs three reviews"
            )
        else:
            why = _(
                "the parties to the %(instrument)s in the %(group)s group that can still review "
                "cannot cover it with the two reviewers allowed from its own group"
            )
    else:
        missing = _("no reviewer from another regional group for the %(instrument)s") % values
        if not parties:
            why = _("no party to the %(instrument)s outside the %(group)s group")
        elif all(load[c.code] >= MAX_REVIEWS for c in parties):
            why = _(
                "every party to the %(instrument)s outside the %(group)s group already performs "
                "three reviews"
            )
        else:
            why = _(
                "the parties to the %(instrument)s outside the %(group)s group that can still "
                "review cannot cover it with the two reviewers allowed from other groups"
            )
    return f"{missing}: {why % values}"
