"""A simulation of the drawing of lots of the Review Mechanism: who is reviewed in which group,
and who reviews whom.

The rules (seed 001 L732; seed 002 L416-449): the States parties are drawn into three groups;
for each instrument a State under review is party to, two reviewing States party to that
instrument review it, one from its own UN regional group and one from another; a drawn reviewer
not party to a Protocol is kept for the others and an additional reviewer is drawn for that
Protocol; at most four reviewers per State under review; reviewers stay the same for the whole
cycle; each State performs at least one and at most three reviews. No public source gives the
outcome of the real draw: everything here is a simulation.
"""

from __future__ import annotations

import csv
import io
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

REVIEWED = ("UNTOC", "TIP", "SOM", "FIREARMS")  # UNCAC is not reviewed by this Mechanism
CONVENTION = "UNTOC"
NO_GROUP = "NONE"
GROUP_COUNT = 3
MIN_REVIEWS, MAX_REVIEWS = 1, 3
ATTEMPTS = 30
MISSING_SAME, MISSING_OTHER, NO_REVIEW = "same-group-reviewer", "other-group-reviewer", "reviews"
# The only rules a draw may fail, and then only by saying so in its problems.
REPORTABLE = frozenset({MISSING_SAME, MISSING_OTHER, NO_REVIEW})
SIMULATION_LABEL = gettext_lazy("Simulation: not the official drawing of lots")
SHORT_LABELS = {
    "UNTOC": gettext_lazy("Convention"),
    "TIP": gettext_lazy("Trafficking in Persons"),
    "SOM": gettext_lazy("Smuggling of Migrants"),
    "FIREARMS": gettext_lazy("Firearms"),
}


@dataclass(frozen=True)
class Candidate:
    """A party to the Convention on the date of the draw, with the instruments it is party to
    (``undated``: those whose consent date is unknown, counted as parties)."""

    code: str
    name: str
    regional_group: str
    instruments: frozenset
    is_state: bool = True
    undated: frozenset = frozenset()


@dataclass(frozen=True)
class Reviewer:
    code: str
    name: str
    regional_group: str
    same_group: bool
    instruments: tuple  # the instruments this reviewer covers, in REVIEWED order
    additional: bool  # drawn for Protocols the first reviewer of its side is not party to

    @property
    def regional_group_label(self):
        return _group_label(self.regional_group)


class Side(NamedTuple):
    """The reviewers of one side (own regional group or another) of a State under review."""

    same_group: bool
    reviewers: list  # (Reviewer, the instruments it covers, "" when it covers them all)
    missing: str  # the instruments left without a reviewer on this side


@dataclass(frozen=True)
class Review:
    """One State under review: its group, instruments, reviewers and the reviews it performs."""

    code: str
    name: str
    regional_group: str
    group: int
    instruments: tuple
    reviewers: tuple
    performs: int

    @property
    def regional_group_label(self):
        return _group_label(self.regional_group)

    @property
    def party_to(self) -> str:
        return _short_labels(self.instruments)

    @property
    def sides(self) -> list[Side]:
        sides = []
        for same in (True, False):
            reviewers = [r for r in self.reviewers if r.same_group == same]
            covered = {i for r in reviewers for i in r.instruments}
            rows = [
                (r, "" if r.instruments == self.instruments else _short_labels(r.instruments))
                for r in reviewers
            ]
            missing = _short_labels(i for i in self.instruments if i not in covered)
            sides.append(Side(same, rows, missing))
        return sides


@dataclass(frozen=True)
class Problem:
    """A rule the draw could not meet for one State, and why."""

    code: str
    name: str
    rule: str
    message: str
    instrument: str = ""

    @property
    def key(self) -> str:
        """The same text ``check_draw`` gives for the violation."""
        return f"{self.code}: {self.rule}" + (f": {self.instrument}" if self.instrument else "")


@dataclass(frozen=True)
class Exclusion:
    code: str
    name: str
    reason: str


@dataclass(frozen=True)
class Draw:
    seed: int
    groups: tuple  # three tuples of codes of the States under review, by name
    reviews: dict  # code -> Review, group by group
    reviews_performed: dict  # code -> number of States it reviews
    problems: tuple
    excluded: tuple
    undated_participations: int
    attempts: int

    @property
    def states_drawn(self) -> int:
        return len(self.reviews)

    @property
    def group_sizes(self) -> list[int]:
        return [len(group) for group in self.groups]

    @property
    def distribution(self) -> list[tuple[int, int]]:
        """(number of reviews performed, number of States performing that many)."""
        return sorted(Counter(self.reviews_performed.values()).items())

    @property
    def reviews_total(self) -> int:
        return sum(self.reviews_performed.values())

    def group_reviews(self) -> list[tuple[int, list[Review]]]:
        return [
            (number, [self.reviews[code] for code in codes])
            for number, codes in enumerate(self.groups, start=1)
        ]


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


def _short_labels(codes) -> str:
    return ", ".join(str(SHORT_LABELS[code]) for code in codes)


def _instrument_label(code: str) -> str:
    from .models.states import Treaty

    return str(dict(Treaty.choices).get(code, code))


def _group_label(code: str) -> str:
    from .models.states import RegionalGroup

    return str(dict(RegionalGroup.choices).get(code, code))


def check_draw(draw: Draw, candidates) -> list[str]:
    """Every rule of the draw (seed 001 L732; seed 002 L416-449) checked from scratch against
    ``candidates``: one ``"CODE: rule[: detail]"`` line per violation, nothing if all hold.
    The lines for rules in ``REPORTABLE`` equal the ``key`` of the draw's own problems."""
    found = []

    def bad(code, rule, detail=""):
        found.append(f"{code}: {rule}" + (f": {detail}" if detail else ""))

    by_code = {c.code: c for c in candidates}
    drawn = {
        c.code
        for c in candidates
        if c.is_state and c.regional_group != NO_GROUP and CONVENTION in c.instruments
    }
    excluded = {e.code: e for e in draw.excluded}
    for code in by_code:
        if (code in drawn) == (code in excluded) or (
            code in excluded and not excluded[code].reason
        ):
            bad(code, "excluded", "left out without a reason, or drawn and listed as left out")
    members = [code for group in draw.groups for code in group]
    sizes = [len(group) for group in draw.groups]
    if len(draw.groups) != GROUP_COUNT or sorted(members) != sorted(drawn):
        bad("*", "groups", "not three groups holding every State drawn exactly once")
    elif max(sizes) - min(sizes) > 1:
        bad("*", "groups", f"sizes {sizes} are not as equal as possible")
    if set(draw.reviews) != drawn:
        bad("*", "reviews", "not one entry per State drawn")
    performed = Counter()
    for code, review in draw.reviews.items():
        state = by_code[code]
        need = state.instruments & set(REVIEWED)
        if set(review.instruments) != need:
            bad(code, "instruments", "not the instruments it is party to")
        if code in members and code not in draw.groups[review.group - 1]:
            bad(code, "groups", "group number differs from its group")
        reviewer_codes = [r.code for r in review.reviewers]
        if len(reviewer_codes) > 4:
            bad(code, "max-reviewers")
        if len(set(reviewer_codes)) != len(reviewer_codes):
            bad(code, "duplicate-reviewer")
        for same in (True, False):
            side = [r for r in review.reviewers if r.same_group == same]
            firsts = [r for r in side if not r.additional]
            if side and (len(firsts) != 1 or len(side) > 2):
                bad(code, "reuse", "a side needs one first reviewer and at most one more")
            covered = Counter()
            for r in side:
                performed[r.code] += 1
                if r.code == code:
                    bad(code, "self-review")
                if r.code not in drawn:
                    bad(code, "reviewer-not-drawn", r.code)
                    continue
                if (by_code[r.code].regional_group == state.regional_group) != same:
                    bad(code, "regional-group", r.code)
                if (
                    not r.instruments
                    or not set(r.instruments) <= need & by_code[r.code].instruments
                ):
                    bad(code, "not-party", r.code)
                covered.update(r.instruments)
            if any(n > 1 for n in covered.values()):
                bad(code, "coverage", "an instrument covered twice on one side")
            if len(firsts) == 1 and firsts[0].code in drawn:
                first = set(firsts[0].instruments)
                if first != need & by_code[firsts[0].code].instruments:
                    bad(code, "reuse", f"{firsts[0].code} does not cover all it is party to")
                for r in side:
                    rest = (need - first) & by_code[r.code].instruments if r.code in drawn else ()
                    if r.additional and r.code in drawn and set(r.instruments) != rest:
                        bad(code, "reuse", f"{r.code} does not cover all the rest it can")
            for instrument in REVIEWED:
                if instrument in need and instrument not in covered:
                    bad(code, MISSING_SAME if same else MISSING_OTHER, instrument)
    for code in sorted(drawn):
        if performed[code] > MAX_REVIEWS:
            bad(code, "max-reviews", str(performed[code]))
        if performed[code] < MIN_REVIEWS:
            bad(code, NO_REVIEW)
        if draw.reviews_performed.get(code) != performed[code]:
            bad(code, "reviews-performed-count", "differs from the reviews assigned")
    return found


def candidates_as_of(as_of: date) -> list[Candidate]:
    """The parties to the Convention on ``as_of`` (a participation with no consent date counts
    as a party, and is marked ``undated``), with the instruments under review each is party to
    on that date, from the database in two queries."""
    from django.db.models import Q

    from .models import State, TreatyParticipation

    instruments, undated = defaultdict(set), defaultdict(set)
    rows = TreatyParticipation.objects.filter(
        Q(consent_date__isnull=True) | Q(consent_date__lte=as_of), treaty__in=REVIEWED
    ).values_list("state_id", "treaty", "consent_date")
    for state_id, treaty, consent_date in rows:
        instruments[state_id].add(treaty)
        if consent_date is None:
            undated[state_id].add(treaty)
    states = State.objects.values_list("pk", "code", "name", "regional_group", "is_state")
    return [
        Candidate(code, name, group, frozenset(instruments[pk]), is_state, frozenset(undated[pk]))
        for pk, code, name, group, is_state in states.order_by("code")
        if CONVENTION in instruments[pk]
    ]


def draw_csv(draw: Draw, as_of: date) -> str:
    """The draw as CSV, one row per reviewer, after comment lines saying it is a simulation."""
    buffer = io.StringIO()
    buffer.write(f"# {SIMULATION_LABEL}. {_('Seed')} {draw.seed}; ")
    buffer.write(_("parties to the Convention as of %(date)s") % {"date": as_of.isoformat()})
    buffer.write("\n")
    for exclusion in draw.excluded:
        buffer.write(
            f"# {_('Left out')}: {exclusion.name} ({exclusion.code}): {exclusion.reason}\n"
        )
    for problem in draw.problems:
        buffer.write(f"# {_('Problem')}: {problem.name} ({problem.code}): {problem.message}\n")
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("group"), _("code"), _("State under review"), _("regional group"),
            _("reviewer code"), _("reviewer"), _("reviewer regional group"),
            _("same or other group"), _("instruments covered"), _("additional draw"),
        ]
    )  # fmt: skip
    for _number, reviews in draw.group_reviews():
        for review in reviews:
            for r in review.reviewers:
                writer.writerow(
                    [
                        review.group, review.code, review.name, review.regional_group,
                        r.code, r.name, r.regional_group, "same" if r.same_group else "other",
                        " ".join(r.instruments), "yes" if r.additional else "no",
                    ]
                )  # fmt: skip
    return buffer.getvalue()
