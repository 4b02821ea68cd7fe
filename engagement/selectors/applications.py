"""Reads of applications for applicants, the secretariat, States parties and the Bureau."""

from collections import Counter

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from engagement import deadlines
from engagement.filters import ApplicationFilter
from engagement.models import (
    Application,
    ApplicationStatusChange,
    Dialogue,
    Objection,
    WrittenComment,
)
from engagement.permissions import is_member, memberships
from reviews.models import RegionalGroup, State

S = Application.Status
# What States parties see once the list is circulated (no personal data).
CIRCULATED_STATUSES = [S.CIRCULATED, S.OBJECTED, S.REFERRED, S.APPROVED, S.CONFIRMED]


def _with_details(queryset: QuerySet) -> QuerySet:
    return queryset.select_related(
        "organization", "dialogue__session__working_group", "staged_by"
    ).prefetch_related("expertise_clusters", "expertise_instruments", "representatives")


def applications_for_user(user) -> QuerySet[Application]:
    ids = [m.organization_id for m in memberships(user)]
    return _with_details(Application.objects.filter(organization_id__in=ids)).order_by(
        "-dialogue__starts_at"
    )


def application_get_for_member(user, pk: int) -> Application:
    application = get_object_or_404(
        _with_details(Application.objects.all()).prefetch_related(
            Prefetch(
                "status_changes", queryset=ApplicationStatusChange.objects.select_related("by")
            ),
            "comments",
        ),
        pk=pk,
    )
    if not is_member(user, application.organization):
        raise Http404
    return application


def next_action(application: Application, now=None) -> tuple[str, object] | None:
    """What the applicant should do next, and by when (an aware datetime), if anything."""
    now = now or timezone.now()
    dialogue = application.dialogue
    if application.status == S.DRAFT and deadlines.is_open(dialogue.application_deadline, now):
        return _("Submit the application"), dialogue.application_deadline
    if application.status == S.SUBMITTED and deadlines.is_open(dialogue.application_deadline, now):
        return _("You may still edit the application"), dialogue.application_deadline
    if application.status == S.APPROVED:
        return (
            _("Confirm your attendance"),
            application.confirmation_deadline or dialogue.confirmation_deadline,
        )
    if application.status in (S.CONFIRMED, S.APPROVED) and deadlines.is_open(
        dialogue.comments_deadline, now
    ):
        return _("You may send written comments"), dialogue.comments_deadline
    return None


def queue(dialogue: Dialogue, params) -> tuple[ApplicationFilter, dict]:
    """The dialogue's applications (not drafts) filtered, with counts per status."""
    base = Application.objects.filter(dialogue=dialogue).exclude(status=S.DRAFT)
    rows = (
        base.select_related("organization", "staged_by")
        .prefetch_related(
            "expertise_clusters",
            Prefetch(
                "comments",
                queryset=WrittenComment.objects.exclude(document=""),
                to_attr="comment_documents",
            ),
        )
        .annotate(objection_count=Count("objections", distinct=True))
        .order_by("organization__name")
    )
    country_codes = set(base.values_list("organization__country", flat=True).distinct())
    application_filter = ApplicationFilter(params, queryset=rows, country_codes=country_codes)
    counts = dict(base.values_list("status").annotate(n=Count("id")).order_by())
    return application_filter, counts


def capacity(dialogue: Dialogue) -> dict:
    """Places against approved and confirmed applications and their representatives."""
    taken = Application.objects.filter(dialogue=dialogue, status__in=[S.APPROVED, S.CONFIRMED])
    people = taken.aggregate(
        in_person=Count("representatives", filter=Q(representatives__attendance="in_person")),
        online=Count("representatives", filter=Q(representatives__attendance="online")),
        approved=Count("id", filter=Q(status=S.APPROVED), distinct=True),
        confirmed=Count("id", filter=Q(status=S.CONFIRMED), distinct=True),
    )
    return {
        **people,
        "capacity_in_person": dialogue.capacity_in_person,
        "capacity_online": dialogue.capacity_online,
    }


def circulated_list(dialogue: Dialogue) -> QuerySet[Application]:
    return (
        Application.objects.filter(dialogue=dialogue, status__in=CIRCULATED_STATUSES)
        .select_related("organization")
        .prefetch_related("expertise_clusters", "expertise_instruments")
        .order_by("organization__name")
    )


def dialogues_circulated() -> QuerySet[Dialogue]:
    """Dialogues whose list of applicants has gone to States parties."""
    return (
        Dialogue.objects.filter(
            status__in=[
                Dialogue.Status.CIRCULATED,
                Dialogue.Status.CONVENED,
                Dialogue.Status.HELD,
                Dialogue.Status.SUMMARY_PUBLISHED,
            ]
        )
        .select_related("session__working_group")
        .order_by("-starts_at")
    )


def referrals() -> QuerySet[Application]:
    return (
        Application.objects.filter(status=S.REFERRED)
        .select_related("organization", "dialogue")
        .prefetch_related(
            Prefetch("objections", queryset=Objection.objects.select_related("state"))
        )
        .order_by("dialogue__starts_at", "organization__name")
    )


def region_of(country_code: str, regions: dict) -> str:
    return regions.get(countries.alpha3(country_code) or "", "")


def summary(applications) -> dict:
    """Counts by organization type, regional group and travel support, for the exports."""
    regions = dict(State.objects.values_list("code", "regional_group"))
    by_type = Counter(a.organization.get_kind_display() for a in applications)
    by_region = Counter(
        str(RegionalGroup(region).label) if region else "—"
        for region in (region_of(a.organization.country.code, regions) for a in applications)
    )
    travel = Counter(a.travel_support_requested for a in applications)
    return {
        "by_type": sorted(by_type.items()),
        "by_region": sorted(by_region.items()),
        "travel_requested": travel[True],
        "travel_not_requested": travel[False],
        "total": len(applications),
    }
