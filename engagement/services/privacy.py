"""A person's own data: export as JSON, and deletion of the account."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction

from engagement.models import Invitation, Membership
from portal.models import OutboundEmail, RoleGrant


def _iso(moment):
    return moment.isoformat() if moment else None


def personal_data_export(user) -> dict:
    """Everything the portal holds about ``user`` as a person, for download."""

    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "two_factor_authentication": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "organizations": [
            {
                "organization": m.organization.name,
                "admin": m.is_admin,
                "joined_at": _iso(m.joined_at),
            }
            for m in Membership.objects.filter(user=user).select_related("organization")
        ],
        "roles": [
            {
                "role": g.get_role_display(),
                "state": g.state.name if g.state else None,
                "working_group": str(g.working_group) if g.working_group else None,
                "granted_at": _iso(g.granted_at),
                "revoked_at": _iso(g.revoked_at),
            }
            for g in RoleGrant.objects.filter(user=user).select_related("state", "working_group")
        ],
        "invitations_received": [
            {
                "organization": i.organization.name,
                "sent_at": _iso(i.created_at),
                "accepted_at": _iso(i.accepted_at),
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "organization"
            )
        ],
        "emails_sent_to_you": [
            {"subject": e.subject, "queued_at": _iso(e.created_at), "status": e.status}
            for e in OutboundEmail.objects.filter(to__iexact=user.email)
        ],
    }


@transaction.atomic
def account_delete(user) -> None:
    """Erase the person: account, addresses, authenticators, memberships, roles, invitations
    and emails addressed to them. Decisions they took and their organizations' applications
    stay, with their name removed (the records point to no one)."""
    Invitation.objects.filter(email__iexact=user.email).delete()
    OutboundEmail.objects.filter(to__iexact=user.email).delete()
    user.delete()
