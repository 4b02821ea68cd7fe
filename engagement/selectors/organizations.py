"""Reads of organizations: the user's own, the secretariat's list, completeness."""

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from engagement.filters import OrganizationFilter
from engagement.models import Invitation, Membership, Organization
from engagement.permissions import can_view_organization


def organizations_of(user) -> QuerySet[Organization]:
    """The organizations ``user`` belongs to, with their member counts."""
    return (
        Organization.objects.filter(memberships__user=user)
        .annotate(member_count=Count("memberships", distinct=True))
        .prefetch_related("expertise_instruments", "expertise_clusters")
        .order_by("name")
    )


def organization_get_for(user, pk: int) -> Organization:
    """The organization if ``user`` may see its profile, else 404."""
    organization = get_object_or_404(
        Organization.objects.prefetch_related(
            "expertise_instruments",
            "expertise_clusters",
            Prefetch("memberships", queryset=Membership.objects.select_related("user")),
        ),
        pk=pk,
    )
    if not can_view_organization(user, organization):
        raise Http404
    return organization


def pending_invitations(organization: Organization) -> list[Invitation]:
    return [i for i in organization.invitations.select_related("invited_by") if i.is_pending]


def organization_list_for_secretariat(params) -> OrganizationFilter:
    queryset = (
        Organization.objects.annotate(member_count=Count("memberships", distinct=True))
        .prefetch_related("expertise_clusters")
        .order_by("name")
    )
    return OrganizationFilter(params, queryset=queryset.distinct())


# What an organization must fill in before it can apply to a dialogue.
REQUIRED_FOR_APPLYING = [
    ("email", _("an email address")),
    ("postal_address", _("a postal address")),
    ("mission", _("a mission statement")),
]


def organization_missing(organization: Organization) -> list[str]:
    """What the profile lacks before the organization can apply, as phrases for the page."""
    missing = [label for field, label in REQUIRED_FOR_APPLYING if not getattr(organization, field)]
    has_expertise = (
        organization.expertise_text
        or organization.expertise_instruments.all()
        or organization.expertise_clusters.all()
    )
    if not has_expertise:
        missing.append(_("at least one area of expertise (instrument, cluster or text)"))
    return missing


def organization_completeness(organization: Organization) -> int:
    """Share of the profile filled in, in percent (all fields of the profile count)."""
    fields = [
        "acronym",
        "email",
        "phone",
        "website",
        "postal_address",
        "logo",
        "mission",
        "expertise_text",
        "countries_of_work",
    ]
    filled = sum(1 for name in fields if getattr(organization, name))
    filled += bool(organization.expertise_instruments.all())
    filled += bool(organization.expertise_clusters.all())
    filled += 3  # name, type and country are required
    return round(100 * filled / (len(fields) + 5))
