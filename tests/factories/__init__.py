"""factory-boy factories, one module per area; import them from here."""

from .dialogues import (
    ApplicationFactory,
    DialogueFactory,
    OrganizationFactory,
    WorkingGroupSessionFactory,
)
from .users import UserFactory, grant_role

__all__ = [
    "ApplicationFactory",
    "DialogueFactory",
    "OrganizationFactory",
    "UserFactory",
    "WorkingGroupSessionFactory",
    "grant_role",
]
