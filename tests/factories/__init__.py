"""factory-boy factories, one module per area; import them from here."""

from .dialogues import DialogueFactory, WorkingGroupSessionFactory
from .users import UserFactory

__all__ = ["DialogueFactory", "UserFactory", "WorkingGroupSessionFactory"]
