"""Granting and revoking roles; every grant and revocation stays as the log."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import RoleGrant


class RoleError(Exception):
    pass


@transaction.atomic
def role_grant(*, user, role: str, by, state=None, working_group=None) -> RoleGrant:
    """Give ``user`` a role (scoped to a State or working group where the role needs one)."""
    existing = RoleGrant.objects.active().filter(
        user=user, role=role, state=state, working_group=working_group
    )
    if existing.exists():
        raise RoleError(_("%(user)s already has this role.") % {"user": user})
    return RoleGrant.objects.create(
        user=user, role=role, state=state, working_group=working_group, granted_by=by
    )


@transaction.atomic
def role_revoke(grant_id: int, *, by) -> RoleGrant:
    grant = RoleGrant.objects.select_for_update().get(pk=grant_id)
    if grant.revoked_at:
        raise RoleError(_("This role was already revoked."))
    grant.revoked_at = timezone.now()
    grant.revoked_by = by
    grant.save(update_fields=["revoked_at", "revoked_by"])
    return grant
