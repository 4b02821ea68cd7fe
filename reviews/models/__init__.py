from .bodies import WorkingGroup
from .states import PartyList, RegionalGroup, State, Treaty, TreatyParticipation

__all__ = [
    "PartyList",
    "RegionalGroup",
    "State",
    "Treaty",
    "TreatyParticipation",
    "WorkingGroup",
]
