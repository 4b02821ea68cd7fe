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

from .check import check_draw
from .data import candidates_as_of, draw_csv
from .draw import draw_lots
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
    REPORTABLE,
    REVIEWED,
    SHORT_LABELS,
    SIMULATION_LABEL,
    Candidate,
    Draw,
    Exclusion,
    Problem,
    Review,
    Reviewer,
    Side,
)

__all__ = [
    "ATTEMPTS",
    "CONVENTION",
    "GROUP_COUNT",
    "MAX_REVIEWS",
    "MIN_REVIEWS",
    "MISSING_OTHER",
    "MISSING_SAME",
    "NO_GROUP",
    "NO_REVIEW",
    "REPORTABLE",
    "REVIEWED",
    "SHORT_LABELS",
    "SIMULATION_LABEL",
    "Candidate",
    "Draw",
    "Exclusion",
    "Problem",
    "Review",
    "Reviewer",
    "Side",
    "candidates_as_of",
    "check_draw",
    "draw_csv",
    "draw_lots",
]
