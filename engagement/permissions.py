"""Permission predicates. Views ask these; an object outside the user's scope is a 404.

The user's active role grants are read once per user object and cached on it.
"""

from .models import Membership, Role, RoleGrant

# Roles whose holders must use multi-factor authentication before reaching their pages.
MFA_REQUIRED_ROLES = frozenset(
    {Role.SECRETARIAT, Role.BUREAU, Role.CHAIR, Role.STATE_REPRESENTATIVE}
)


def active_grants(user) -> list[RoleGrant]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_active_role_grants", None)
    if cached is None:
        cached = list(RoleGrant.objects.active().filter(user=user))
        user._active_role_grants = cached
    return cached


def has_role(user, role: str) -> bool:
    return any(grant.role == role for grant in active_grants(user))


def is_secretariat(user) -> bool:
    return has_role(user, Role.SECRETARIAT)


def is_bureau_member(user) -> bool:
    return has_role(user, Role.BUREAU)


def represented_state_ids(user) -> set[int]:
    return {
        grant.state_id for grant in active_grants(user) if grant.role == Role.STATE_REPRESENTATIVE
    }


def chaired_working_group_ids(user) -> set[int]:
    return {grant.working_group_id for grant in active_grants(user) if grant.role == Role.CHAIR}


def represents_state(user, state) -> bool:
    return state.pk in represented_state_ids(user)


def chairs_working_group(user, working_group) -> bool:
    return working_group.pk in chaired_working_group_ids(user)


def requires_mfa(user) -> bool:
    """Every role but the applicant's, and staff of Django's admin."""
    return user.is_staff or any(grant.role in MFA_REQUIRED_ROLES for grant in active_grants(user))


def has_authenticator_app(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


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
