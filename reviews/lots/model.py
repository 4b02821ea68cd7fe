"""The rules' numbers, the input and result of a draw, and the labels they are shown with."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext_lazy

from ..models.states import RegionalGroup, Treaty

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

    def find(self, text: str) -> Review | None:
        """The review of the State named by ``text`` (its ISO3 code, or its name or a part of
        it when only one State matches)."""
        text = text.strip()
        if text.upper() in self.reviews:
            return self.reviews[text.upper()]
        matches = [r for r in self.reviews.values() if text.casefold() in r.name.casefold()]
        exact = [r for r in matches if r.name.casefold() == text.casefold()]
        return (exact or matches)[0] if len(exact or matches) == 1 else None

    def reviewed_by(self, code: str) -> list[Review]:
        """The States that ``code`` reviews in this draw."""
        return [r for r in self.reviews.values() if any(x.code == code for x in r.reviewers)]

    def group_reviews(self) -> list[tuple[int, list[Review]]]:
        return [
            (number, [self.reviews[code] for code in codes])
            for number, codes in enumerate(self.groups, start=1)
        ]


def _short_labels(codes) -> str:
    return ", ".join(str(SHORT_LABELS[code]) for code in codes)


def _instrument_label(code: str) -> str:

    return str(dict(Treaty.choices).get(code, code))


def _group_label(code: str) -> str:

    return str(dict(RegionalGroup.choices).get(code, code))
