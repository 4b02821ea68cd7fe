"""The portal's models: users, roles, the email outbox and the record of sweeps."""

from .outbox import OutboundEmail
from .roles import Role, RoleGrant
from .sweeps import SweepRecord
from .users import User, UserManager, new_calendar_token

__all__ = [
    "OutboundEmail",
    "Role",
    "RoleGrant",
    "SweepRecord",
    "User",
    "UserManager",
    "new_calendar_token",
]
