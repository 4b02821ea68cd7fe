"""The portal's models: users, roles, the email outbox and the record of sweeps."""

from .changes import ChangeRecord, StatusChange, changed_by_field, status_field
from .outbox import OutboundEmail
from .roles import Role, RoleGrant
from .sweeps import SweepRecord
from .users import User, UserManager, new_calendar_token

__all__ = [
    "ChangeRecord",
    "OutboundEmail",
    "Role",
    "RoleGrant",
    "StatusChange",
    "SweepRecord",
    "User",
    "UserManager",
    "changed_by_field",
    "new_calendar_token",
    "status_field",
]
