from .applications import (
    Application,
    ApplicationStatusChange,
    Objection,
    Representative,
    WrittenComment,
)
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
    "Application",
    "ApplicationStatusChange",
    "Dialogue",
    "DialogueStatusChange",
    "Invitation",
    "Membership",
    "Objection",
    "Organization",
    "PanelMember",
    "PledgeSignature",
    "Representative",
    "Role",
    "RoleGrant",
    "WorkingGroupSession",
    "WrittenComment",
]
