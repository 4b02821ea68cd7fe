"""Writes to organizations, their members and invitations."""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import Invitation, Membership, Organization
from engagement.uploads import KEEP_CURRENT_FILE, file_field_update, logo_normalized
from portal.files import atomic_with_files, file_replace
from portal.recipients import address_language
from portal.services.outbox import email_queue

INVITATION_DAYS = 14
INVITATION_SALT = "engagement.invitation"


class OrganizationError(Exception):
    """A change that the organization's state does not allow."""


def _apply(organization: Organization, fields: dict) -> dict:
    expertise = {name: fields.pop(name, None) for name in Organization.EXPERTISE_FIELDS}
    if "logo" in fields:
        logo = file_field_update(fields.pop("logo"))
        if logo is not KEEP_CURRENT_FILE:  # one logo file per organization: the old one goes
            file_replace(organization, "logo", logo_normalized(logo) if logo else "")
    for name, value in fields.items():
        setattr(organization, name, value)
    return expertise


@atomic_with_files()
def organization_create(*, by, **fields) -> Organization:
    """Create an organization; its creator becomes its first admin."""
    organization = Organization()
    expertise = _apply(organization, fields)
    organization.save()
    organization.expertise_set(expertise)
    Membership.objects.create(organization=organization, user=by, is_admin=True)
    return organization


@atomic_with_files()
def organization_update(organization_id: int, *, by, **fields) -> Organization:
    organization = Organization.objects.select_for_update().get(pk=organization_id)
    expertise = _apply(organization, fields)
    organization.save()
    organization.expertise_set(expertise)
    return organization


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=INVITATION_SALT)


@transaction.atomic
def invitation_send(*, organization: Organization, email: str, by) -> Invitation:
    """Invite ``email`` to join; the emailed link is signed, expires and works once."""
    email = email.strip().lower()
    if organization.memberships.filter(user__email__iexact=email).exists():
        raise OrganizationError(_("%(email)s is already a member.") % {"email": email})
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    url = reverse("engagement:invitation-accept", kwargs={"token": invitation_token(invitation)})
    email_queue(
        to=email,
        template="emails/engagement/invitation",
        language=address_language(email),
        context={
            "invitation": invitation,
            "organization": organization,
            "inviter": by,
            "path": url,
            "days": INVITATION_DAYS,
        },
        related=invitation,
    )
    return invitation


def invitation_from_token(token: str) -> Invitation:
    """The invitation a link points to, or OrganizationError saying why it cannot be used."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=timedelta(days=INVITATION_DAYS))
    except signing.SignatureExpired:
        raise OrganizationError(_("This invitation has expired. Ask for a new one.")) from None
    except signing.BadSignature:
        raise OrganizationError(_("This invitation link is not valid.")) from None
    invitation = (
        Invitation.objects.select_related("organization")
        .filter(pk=data.get("i"), nonce=data.get("n"))
        .first()
    )
    if invitation is None or invitation.revoked_at:
        raise OrganizationError(_("This invitation link is not valid."))
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user) -> Membership:
    """Make ``user`` a member; the invitation is used up. Checked under a row lock, so the
    same link cannot be used twice even at once."""
    invitation = invitation_from_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise OrganizationError(_("This invitation has already been used."))
    if invitation.expires_at <= timezone.now():
        raise OrganizationError(_("This invitation has expired. Ask for a new one."))
    if invitation.email.lower() != user.email.lower():
        raise OrganizationError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    membership, _created = Membership.objects.get_or_create(
        organization=invitation.organization, user=user
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_withdraw(invitation_id: int) -> None:
    Invitation.objects.filter(pk=invitation_id, accepted_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def membership_remove(membership_id: int, *, by) -> None:
    """Remove a member; the last admin cannot be removed (the organization would be orphaned)."""
    membership = Membership.objects.select_for_update().get(pk=membership_id)
    admins = Membership.objects.select_for_update().filter(
        organization_id=membership.organization_id, is_admin=True
    )
    if membership.is_admin and admins.count() == 1:
        raise OrganizationError(
            _("An organization needs at least one admin: make someone else admin first.")
        )
    membership.delete()
