"""factory-boy factories, one module per app (``tests/factories/<app>.py``), one factory per
model; the ones tests use most are importable from here."""

from .engagement import (
    ApplicationFactory,
    DialogueFactory,
    OrganizationFactory,
    WorkingGroupSessionFactory,
)
from .portal import UserFactory, grant_role

__all__ = [
    "ApplicationFactory",
    "DialogueFactory",
    "OrganizationFactory",
    "UserFactory",
    "WorkingGroupSessionFactory",
    "grant_role",
]
