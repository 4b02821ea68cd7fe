"""Reads for the pledge tracker."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from reviews.models import PartyList, State, Treaty, TreatyParticipation


def pledge_states(*, q: str = "", status: str = "", regional_group: str = "") -> QuerySet:
    """Every State with its pledge signature (if any) and ``in_convention_list`` (whether the
    list of parties to the Convention loaded holds it: the pledge is worded for States
    parties), filtered by name, status and group."""
    asked = Count("letters__organization", filter=Q(letters__kind="pledge"), distinct=True)
    listed = TreatyParticipation.objects.filter(state=OuterRef("pk"), treaty=Treaty.UNTOC)
    states = (
        State.objects.select_related("pledge_signature")
        .annotate(organizations_asked=asked, in_convention_list=Exists(listed))
        .order_by("name")
    )
    if q:
        states = states.filter(Q(name__icontains=q) | Q(code__iexact=q))
    if status == "signed":
        states = states.filter(pledge_signature__isnull=False)
    elif status == "not_signed":
        states = states.filter(pledge_signature__isnull=True)
    if regional_group:
        states = states.filter(regional_group=regional_group)
    return states


def convention_party_list() -> PartyList | None:
    """The list of parties to the Convention as loaded (its "as of" and known gap)."""
    return PartyList.objects.filter(treaty=Treaty.UNTOC).first()


def pledge_state_get(code: str) -> State:
    asked = Count("letters__organization", filter=Q(letters__kind="pledge"), distinct=True)
    listed = TreatyParticipation.objects.filter(state=OuterRef("pk"), treaty=Treaty.UNTOC)
    return get_object_or_404(
        State.objects.select_related("pledge_signature__recorded_by").annotate(
            organizations_asked=asked, in_convention_list=Exists(listed)
        ),
        code=code.upper(),
    )
