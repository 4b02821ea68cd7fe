"""factory-boy factories, one module per area; import them from here."""

from .dialogues import DialogueFactory, WorkingGroupSessionFactory
from .users import UserFactory, grant_role

__all__ = ["DialogueFactory", "UserFactory", "WorkingGroupSessionFactory", "grant_role"]
