"""Reads for the pledge tracker."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from reviews.models import State


def pledge_states(*, q: str = "", status: str = "", regional_group: str = "") -> QuerySet:
    """Every State with its pledge signature (if any), filtered by name, status and group."""
    asked = Count("letters__organization", filter=Q(letters__kind="pledge"), distinct=True)
    states = (
        State.objects.select_related("pledge_signature")
        .annotate(organizations_asked=asked)
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


def pledge_state_get(code: str) -> State:
    asked = Count("letters__organization", filter=Q(letters__kind="pledge"), distinct=True)
    return get_object_or_404(
        State.objects.select_related("pledge_signature__recorded_by").annotate(
            organizations_asked=asked
        ),
        code=code.upper(),
    )
