"""Who holds which role, and the view mixin that asks it. An object or page outside the user's
scope is a 404.

The user's active role grants are read once per user object and cached on it.
"""

from allauth.mfa.models import Authenticator
from django.http import Http404

from .models import Role, RoleGrant

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
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class SecretariatRequiredMixin:
    """Secretariat staff only; anyone else gets a 404, as for an object outside their scope."""

    def dispatch(self, request, *args, **kwargs):
        if not is_secretariat(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)
