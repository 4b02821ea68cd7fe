"""Reads of the Review Mechanism for the States pages, the overview and the staff pages."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from instruments.models import Article, Cluster

from . import cycle, steps
from .models import (
    PartyList,
    PreparatoryPhase,
    ReviewContact,
    ReviewerAssignment,
    ReviewGroup,
    ReviewStep,
    State,
    Treaty,
    TreatyParticipation,
)
from .permissions import can_see_review_contacts


def articles_under_review(state: State, cluster_number: int) -> list[Article]:
    """The articles of the cluster in the instruments the State is party to; Convention
    articles 8 and 9 only if the State is not party to the Convention against Corruption."""
    treaties = set(state.participations.values_list("treaty", flat=True))
    instruments = [code for code in treaties if code != Treaty.UNCAC]
    articles = Article.objects.filter(
        clusters__number=cluster_number, instrument__code__in=instruments
    ).select_related("instrument")
    if Treaty.UNCAC in treaties:
        articles = articles.exclude(reviewed_only_if_not_uncac_party=True)
    return list(articles.order_by("instrument__position", "position"))


def review_now(state: State, today=None):
    """The State's current phase (cluster number and dates), or None if not known or over."""
    group = state.review_group
    if group is None:
        return None
    return cycle.phase_on(group.starts_on, today or timezone.localdate(), group.years_per_cluster)


def states_with_review_status(queryset=None, now=None):
    """States with their participations, review group and ``overdue_steps`` (a count), in a
    constant number of queries whatever the number of States."""
    overdue = (
        ReviewStep.objects.overdue(now)
        .filter(state=OuterRef("pk"))
        .order_by()
        .values("state")
        .annotate(count=Count("pk"))
        .values("count")
    )
    queryset = State.objects.all() if queryset is None else queryset
    return (
        queryset.select_related("review_group")
        .prefetch_related("participations")
        .annotate(overdue_steps=Coalesce(Subquery(overdue, output_field=IntegerField()), Value(0)))
    )


def overdue_counts(now=None) -> dict:
    """Overdue steps in all: ``total``, ``states`` (how many States have one), ``by_group``
    (group number to count) and ``by_kind`` (step kind to count)."""
    rows = list(
        ReviewStep.objects.overdue(now).values_list(
            "state_id", "state__review_group__number", "kind"
        )
    )
    return {
        "total": len(rows),
        "states": len({state for state, _group, _kind in rows}),
        "by_group": Counter(group for _state, group, _kind in rows),
        "by_kind": Counter(kind for _state, _group, kind in rows),
    }


@dataclass
class PhaseSteps:
    cluster: int
    starts_on: object
    ends_on: object
    steps: list = field(default_factory=list)
    is_current: bool = False

    @property
    def overdue(self) -> list:
        return [step for step in self.steps if step.overdue]


def review_phases(state: State, now=None) -> list[PhaseSteps]:
    """The State's four phases with their steps, each step marked ``overdue``."""
    group = state.review_group
    if group is None:
        return []
    now = now or timezone.now()
    today = timezone.localdate(now)
    by_cluster = defaultdict(list)
    for step in ReviewStep.objects.filter(state=state).order_by("cluster", "position"):
        step.overdue = step.is_overdue(now)
        step.rule = steps.RULE_BY_KIND[step.kind].rule
        by_cluster[step.cluster].append(step)
    return [
        PhaseSteps(
            phase.cluster,
            phase.starts_on,
            phase.ends_on,
            by_cluster[phase.cluster],
            phase.starts_on <= today < phase.ends_on,
        )
        for phase in cycle.phases(group.starts_on, group.years_per_cluster)
    ]


def reviewers_by_instrument(state: State) -> list[tuple[str, str, list[ReviewerAssignment]]]:
    """The reviewing States of each instrument under review, with whether each is listed as a
    party to that instrument (``reviewer_is_party``)."""
    assignments = list(
        state.reviewer_assignments.select_related(
            "reviewer", "state_under_review"
        ).prefetch_related("reviewer__participations")
    )
    rows = []
    for value, label in Treaty.choices:
        chosen = [a for a in assignments if a.instrument == value]
        for assignment in chosen:
            assignment.reviewer_is_party = any(
                p.treaty == value for p in assignment.reviewer.participations.all()
            )
        if chosen:
            rows.append((value, label, chosen))
    return rows


def reviews_performed_by(state: State) -> list[ReviewerAssignment]:
    return list(
        state.reviews_performed.select_related("state_under_review").order_by(
            "state_under_review__name", "instrument"
        )
    )


def review_contacts_for(user, state: State) -> list[ReviewContact] | None:
    """The State's focal point and experts, or None when the user may not see them."""
    if not can_see_review_contacts(user, state):
        return None
    return list(state.review_contacts.all())


def state_detail(code: str):
    """The State for its page, with its group; raises State.DoesNotExist."""
    return (
        State.objects.select_related("review_group")
        .prefetch_related(Prefetch("participations"))
        .get(code=code.upper())
    )


# The working groups that consider the reviews of each instrument (DOMAIN.md, "Two tracks").
WORKING_GROUPS_BY_INSTRUMENT = {
    Treaty.UNTOC: ("technical-assistance", "international-cooperation"),
    Treaty.TIP: ("trafficking-in-persons",),
    Treaty.SOM: ("smuggling-of-migrants",),
    Treaty.FIREARMS: ("firearms",),
}


def next_due_step(state: State, now=None, cluster: int | None = None) -> ReviewStep | None:
    """The State's next step (of ``cluster``, if given) with a due date still to come and
    nothing recorded."""
    upcoming = ReviewStep.objects.filter(
        state=state, done_on__isnull=True, due_at__gte=now or timezone.now()
    )
    if cluster is not None:
        upcoming = upcoming.filter(cluster=cluster)
    return upcoming.order_by("due_at").first()


def public_focal_point(state: State) -> ReviewContact | None:
    """The State's focal point where the State has made its contacts public (what may go into
    a letter an organization keeps, whoever writes it)."""
    if not state.contacts_public:
        return None
    return state.review_contacts.filter(role=ReviewContact.Role.FOCAL_POINT).first()


def reviewer_rule_warnings(state: State) -> list[str]:
    """What the State's reviewers leave unmet of the published rules (seed 001 L732; seed 002
    L416-449), as read from the party lists: they are incomplete, so these are warnings for the
    secretariat, not refusals. Empty when no reviewer is entered."""

    assignments = list(
        state.reviewer_assignments.select_related("reviewer").prefetch_related(
            "reviewer__participations"
        )
    )
    if not assignments:
        return []
    labels = dict(Treaty.choices)
    party_to = {p.treaty for p in state.participations.all()} - {Treaty.UNCAC}
    warnings = []
    for instrument in sorted(
        party_to | {a.instrument for a in assignments}, key=list(labels).index
    ):
        chosen = [a for a in assignments if a.instrument == instrument]
        label = labels[instrument]
        if instrument not in party_to:
            warnings.append(
                _("%(instrument)s: the State is not listed as a party, yet has reviewers for it.")
                % {"instrument": label}
            )
            continue
        if not any(a.same_regional_group for a in chosen):
            warnings.append(
                _("%(instrument)s: no reviewer from the same regional group.")
                % {"instrument": label}
            )
        if not any(not a.same_regional_group for a in chosen):
            warnings.append(
                _("%(instrument)s: no reviewer from another regional group.")
                % {"instrument": label}
            )
        for assignment in chosen:
            if not any(p.treaty == instrument for p in assignment.reviewer.participations.all()):
                warnings.append(
                    _("%(instrument)s: %(reviewer)s is not listed as a party to it.")
                    % {"instrument": label, "reviewer": assignment.reviewer.name}
                )
    reviewers = {a.reviewer_id: a.reviewer for a in assignments}
    loads = (
        ReviewerAssignment.objects.filter(reviewer_id__in=reviewers)
        .values("reviewer_id")
        .annotate(states=Count("state_under_review", distinct=True))
        .order_by()
    )
    for load in loads:
        if load["states"] > 3:
            warnings.append(
                _("%(reviewer)s performs %(count)s reviews; the rules allow at most three.")
                % {"reviewer": reviewers[load["reviewer_id"]].local_name, "count": load["states"]}
            )
    return warnings


# The year table's one rule: each year's column shows the cluster under way on this day of it.
YEAR_TABLE_DAY = (7, 1)


def cycle_overview(today) -> dict:
    """The cycle page's data: ``years`` and, per group, the cluster of each year (the one
    under way on 1 July of that year, this year included: what is under review today is listed
    apart), what each group reviews today, the States entered (and how many carry demo data) and
    the overdue steps, in a constant number of queries."""

    groups = list(
        ReviewGroup.objects.annotate(
            state_count=Count("states"),
            demo_count=Count("states", filter=Q(states__review_is_demo=True)),
        ).order_by("number")
    )
    overdue = overdue_counts()
    clusters = {c.number: c for c in Cluster.objects.all()}
    preparatory_phase = PreparatoryPhase.objects.first()
    first = (
        preparatory_phase.starts_on.year
        if preparatory_phase
        else min([g.starts_on.year for g in groups] or [today.year])
    )
    last = max(
        [cycle.phases(g.starts_on, g.years_per_cluster)[-1].ends_on.year for g in groups] or [first]
    )
    years = list(range(first, last + 1))
    rows = []
    for group in groups:
        cells = []
        for year in years:
            day = date(year, *YEAR_TABLE_DAY)
            phase = cycle.phase_on(group.starts_on, day, group.years_per_cluster)
            cells.append(clusters.get(phase.cluster) if phase else None)
        current = cycle.phase_on(group.starts_on, today, group.years_per_cluster)
        rows.append(
            {
                "group": group,
                "cells": cells,
                "current": clusters.get(current.cluster) if current else None,
                "phase": current,
                "state_count": group.state_count,
                "demo_count": group.demo_count,
                "overdue": overdue["by_group"].get(group.number, 0),
            }
        )
    return {
        "overdue": overdue,
        "overdue_kinds": [
            (kind, label, overdue["by_kind"].get(kind, 0))
            for kind, label in ReviewStep.Kind.choices
        ],
        "states_entered": sum(group.state_count for group in groups),
        "demo_states": sum(group.demo_count for group in groups),
        "year_table_day": date(today.year, *YEAR_TABLE_DAY),
        "years": years,
        "rows": rows,
        "today": today,
        "this_year": today.year,
        "preparatory": [
            bool(preparatory_phase)
            and preparatory_phase.starts_on
            <= date(year, *YEAR_TABLE_DAY)
            < preparatory_phase.ends_on
            for year in years
        ],
        "preparatory_phase": preparatory_phase,
        "clusters": clusters.values(),
    }


def party_lists_with_counts():
    """The lists of parties, each with ``listed``: how many parties the portal holds now (the
    secretariat's corrections included), beside the official count and the gap when loaded."""

    listed = (
        TreatyParticipation.objects.filter(treaty=OuterRef("treaty"))
        .order_by()
        .values("treaty")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return PartyList.objects.annotate(
        listed=Coalesce(Subquery(listed, output_field=IntegerField()), Value(0))
    )
