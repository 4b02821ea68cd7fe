from .dialogues import (
    AgendaItem,
    Dialogue,
    DialogueStatusChange,
    PanelMember,
    WorkingGroupSession,
)
from .pledges import PledgeSignature
from .roles import Role, RoleGrant

__all__ = [
    "AgendaItem",
    "Dialogue",
    "DialogueStatusChange",
    "PanelMember",
    "PledgeSignature",
    "Role",
    "RoleGrant",
    "WorkingGroupSession",
]
