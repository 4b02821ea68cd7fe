from .bodies import WorkingGroup
from .history import CompilationItem, TimelineEvent
from .states import PartyList, RegionalGroup, State, Treaty, TreatyParticipation

__all__ = [
    "CompilationItem",
    "PartyList",
    "RegionalGroup",
    "State",
    "TimelineEvent",
    "Treaty",
    "TreatyParticipation",
    "WorkingGroup",
]
