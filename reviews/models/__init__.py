from .bodies import WorkingGroup
from .country_reviews import (
    ReviewContact,
    ReviewDataChange,
    ReviewedInstrument,
    ReviewerAssignment,
    ReviewStep,
    UnLanguage,
)
from .history import CompilationItem, ReviewGroup, TimelineEvent
from .states import PartyList, RegionalGroup, State, Treaty, TreatyParticipation

__all__ = [
    "CompilationItem",
    "PartyList",
    "RegionalGroup",
    "ReviewContact",
    "ReviewDataChange",
    "ReviewGroup",
    "ReviewStep",
    "ReviewedInstrument",
    "ReviewerAssignment",
    "State",
    "TimelineEvent",
    "Treaty",
    "TreatyParticipation",
    "UnLanguage",
    "WorkingGroup",
]
