"""Reads of dialogues for the public pages and the feeds."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.filters import DialogueFilter
from engagement.models import AgendaItem, Dialogue, PanelMember
from engagement.workflows import dialogues as dialogue_workflow
from reviews.selectors import WORKING_GROUPS_BY_INSTRUMENT


def dialogues_public() -> QuerySet[Dialogue]:
    """Every dialogue the public may see (all but drafts), with its session and group."""
    return Dialogue.objects.filter(status__in=dialogue_workflow.PUBLIC).select_related(
        "session__working_group"
    )


def dialogue_list(params, now=None) -> tuple[DialogueFilter, list[Dialogue], list[Dialogue]]:
    """Filtered public dialogues split into upcoming (soonest first) and past (latest first)."""
    now = now or timezone.now()
    dialogue_filter = DialogueFilter(params, queryset=dialogues_public())
    dialogues = list(dialogue_filter.qs.order_by("starts_at"))
    upcoming = [d for d in dialogues if d.ends_at >= now]
    past = [d for d in reversed(dialogues) if d.ends_at < now]
    return dialogue_filter, upcoming, past


def dialogue_get_public(pk: int) -> Dialogue:
    return get_object_or_404(
        dialogues_public().prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "id")),
            Prefetch("panel_members", queryset=PanelMember.objects.order_by("position", "id")),
        ),
        pk=pk,
    )


def dialogue_milestones(dialogue: Dialogue, now=None) -> list[dict]:
    """The dialogue's dates in order, each marked past or not, for the visual timeline."""

    now = now or timezone.now()
    steps = [
        ("applications-open", _("Applications open"), dialogue.applications_open_at),
        ("application-deadline", _("Applications close"), dialogue.application_deadline),
        ("circulation", _("List circulated to States parties"), dialogue.circulation_at),
        ("objections", _("Objection window ends"), dialogue.objection_deadline),
        ("confirmation", _("Confirmation cut-off"), dialogue.confirmation_deadline),
        ("dialogue", _("The dialogue"), dialogue.starts_at),
    ]
    upcoming_marked = False
    milestones = []
    for key, label, moment in steps:
        past = moment < now
        is_next = not past and not upcoming_marked
        upcoming_marked = upcoming_marked or is_next
        milestones.append({"key": key, "label": label, "at": moment, "past": past, "next": is_next})
    return milestones


def dialogues_upcoming(now=None) -> QuerySet[Dialogue]:
    """Public dialogues still to come, soonest first."""
    return dialogues_public().filter(ends_at__gte=now or timezone.now()).order_by("starts_at")


def dialogues_upcoming_for_state(state, limit: int = 5) -> list[Dialogue]:
    """Upcoming dialogues of the working groups that consider the instruments the State is
    party to (for the State's page)."""
    slugs = {
        slug
        for participation in state.participations.all()
        for slug in WORKING_GROUPS_BY_INSTRUMENT.get(participation.treaty, ())
    }
    return list(
        dialogues_upcoming()
        .filter(session__working_group__slug__in=slugs)
        .select_related("session__working_group")[:limit]
    )
