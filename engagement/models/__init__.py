from .dialogues import (
    AgendaItem,
    Dialogue,
    DialogueStatusChange,
    PanelMember,
    WorkingGroupSession,
)
from .roles import Role, RoleGrant

__all__ = [
    "AgendaItem",
    "Dialogue",
    "DialogueStatusChange",
    "PanelMember",
    "Role",
    "RoleGrant",
    "WorkingGroupSession",
]
