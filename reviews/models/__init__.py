from .bodies import WorkingGroup
from .history import CompilationItem, ReviewGroup, TimelineEvent
from .states import PartyList, RegionalGroup, State, Treaty, TreatyParticipation

__all__ = [
    "CompilationItem",
    "PartyList",
    "RegionalGroup",
    "ReviewGroup",
    "State",
    "TimelineEvent",
    "Treaty",
    "TreatyParticipation",
    "WorkingGroup",
]
