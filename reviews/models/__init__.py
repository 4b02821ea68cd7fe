from .bodies import WorkingGroup
from .country_reviews import (
    REVIEWED_INSTRUMENTS,
    ReviewContact,
    ReviewDataChange,
    ReviewerAssignment,
    ReviewStep,
    UnLanguage,
)
from .history import CompilationItem, ReviewGroup, TimelineEvent
from .states import PartyList, RegionalGroup, State, Treaty, TreatyParticipation

__all__ = [
    "REVIEWED_INSTRUMENTS",
    "CompilationItem",
    "PartyList",
    "RegionalGroup",
    "ReviewContact",
    "ReviewDataChange",
    "ReviewGroup",
    "ReviewStep",
    "ReviewerAssignment",
    "State",
    "TimelineEvent",
    "Treaty",
    "TreatyParticipation",
    "UnLanguage",
    "WorkingGroup",
]
