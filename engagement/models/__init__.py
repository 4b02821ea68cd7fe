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
from .letters import Letter, LetterExport
from .organizations import Invitation, Membership, Organization
from .pledges import PledgeSignature

__all__ = [
    "AgendaItem",
    "Application",
    "ApplicationStatusChange",
    "Dialogue",
    "DialogueStatusChange",
    "Invitation",
    "Letter",
    "LetterExport",
    "Membership",
    "Objection",
    "Organization",
    "PanelMember",
    "PledgeSignature",
    "Representative",
    "WorkingGroupSession",
    "WrittenComment",
]
