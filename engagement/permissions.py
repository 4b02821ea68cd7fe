"""Who may see and change an organization: its members and admins, and the secretariat.

Role predicates (secretariat, State representatives, Bureau, chairs) are ``portal.permissions``.
The user's memberships are read once per user object and cached on it.
"""

from engagement.models import Membership
from portal.permissions import is_secretariat


def memberships(user) -> list[Membership]:
    """The user's memberships, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user))
        user._memberships = cached
    return cached


def is_member(user, organization) -> bool:
    return any(m.organization_id == organization.pk for m in memberships(user))


def is_organization_admin(user, organization) -> bool:
    return any(m.organization_id == organization.pk and m.is_admin for m in memberships(user))


def can_view_organization(user, organization) -> bool:
    """Members and the secretariat see an organization's full profile."""
    return is_member(user, organization) or is_secretariat(user)


def can_edit_organization(user, organization) -> bool:
    return is_organization_admin(user, organization)
