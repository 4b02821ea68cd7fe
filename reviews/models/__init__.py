from .bodies import WorkingGroup
from .country_reviews import (
    REVIEWED_INSTRUMENTS,
    ReviewContact,
    ReviewDataChange,
    ReviewerAssignment,
    ReviewStep,
    UnLanguage,
)
from .history import CompilationItem, PreparatoryPhase, ReviewGroup, TimelineEvent
from .states import PartyList, RegionalGroup, State, Treaty, TreatyParticipation

__all__ = [
    "REVIEWED_INSTRUMENTS",
    "CompilationItem",
    "PartyList",
    "PreparatoryPhase",
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
