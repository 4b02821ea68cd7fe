"""Reads of applications for applicants, the secretariat, States parties and the Bureau."""

from collections import Counter

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_countries import countries

from engagement.filters import ApplicationFilter
from engagement.models import (
    Application,
    ApplicationStatusChange,
    Dialogue,
    Objection,
    WrittenComment,
)
from engagement.permissions import is_member, memberships
from engagement.workflows import applications as workflow
from engagement.workflows import dialogues as dialogue_workflow
from reviews.models import RegionalGroup, State

S = Application.Status
Action = workflow.Action


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


def next_steps():
    """The applicant's possible next steps, most pressing first, with what the page says."""
    return [
        (Action.SUBMIT, _("Submit the application")),
        (Action.EDIT, _("You may still edit the application")),
        (Action.CONFIRM, _("Confirm your attendance")),
        (Action.COMMENT, _("You may send written comments")),
    ]


def next_action(application: Application, user, now=None) -> tuple[str, object] | None:
    """What the applicant should do next, and by when (an aware datetime), if anything: the
    first of ``next_steps`` the workflow allows ``user`` now."""
    actions = workflow.allowed_actions(application, user, now)
    for action, label in next_steps():
        if action in actions:
            return label, workflow.action_deadline(application, action)
    return None


def applications_with_next_action(user, now=None) -> list[Application]:
    """The user's organizations' applications, latest dialogue first, each with ``next``."""
    applications = list(applications_for_user(user))
    for application in applications:
        application.next = next_action(application, user, now)
    return applications


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
    taken = Application.objects.filter(dialogue=dialogue, status__in=workflow.HOLDING_A_PLACE)
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
        Application.objects.filter(dialogue=dialogue, status__in=workflow.SEEN_BY_STATES)
        .select_related("organization")
        .prefetch_related("expertise_clusters", "expertise_instruments")
        .order_by("organization__name")
    )


def applications_for_export(dialogue: Dialogue, *, participants: bool) -> list[Application]:
    """The applications of a list export: the participants (confirmed, with their people), or
    the list for States parties (circulated; before circulation, the screened-in ones)."""
    if participants:
        return list(
            circulated_list(dialogue).filter(status=S.CONFIRMED).prefetch_related("representatives")
        )
    applications = list(circulated_list(dialogue))
    if applications:
        return applications
    return list(
        dialogue.applications.filter(status=S.SCREENED_IN)
        .select_related("organization")
        .prefetch_related("expertise_clusters", "expertise_instruments")
        .order_by("organization__name")
    )


def circulated_list_for_state(dialogue: Dialogue, user, state, now=None) -> list[Application]:
    """The circulated list as ``user`` sees it for ``state``: each application with
    ``objected`` (the State objected already) and ``may_object`` (the workflow allows an
    objection now and the State has not made one)."""
    objected = set(
        Objection.objects.filter(application__dialogue=dialogue, state=state).values_list(
            "application_id", flat=True
        )
    )
    applications = list(circulated_list(dialogue))
    for application in applications:
        application.objected = application.pk in objected
        actions = workflow.allowed_actions(application, user, now)
        application.may_object = Action.OBJECT in actions and not application.objected
    return applications


def dialogues_circulated() -> QuerySet[Dialogue]:
    """Dialogues whose list of applicants has gone to States parties."""
    return (
        Dialogue.objects.filter(status__in=dialogue_workflow.LIST_CIRCULATED)
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
