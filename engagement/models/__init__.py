from .dialogues import (
    AgendaItem,
    Dialogue,
    DialogueStatusChange,
    PanelMember,
    WorkingGroupSession,
)
from .organizations import Invitation, Membership, Organization
from .pledges import PledgeSignature
from .roles import Role, RoleGrant

__all__ = [
    "AgendaItem",
    "Dialogue",
    "DialogueStatusChange",
    "Invitation",
    "Membership",
    "Organization",
    "PanelMember",
    "PledgeSignature",
    "Role",
    "RoleGrant",
    "WorkingGroupSession",
]
