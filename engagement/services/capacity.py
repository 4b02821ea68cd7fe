"""Places at a dialogue and the reserve list: approval beyond capacity puts an application on
the reserve list; places freed later are offered to it in order."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import Application, Dialogue, Representative
from engagement.workflows import applications as workflow
from portal import deadlines

S = Application.Status

RESERVE_OFFER_DAYS = 3


def dialogue_places(dialogue: Dialogue) -> int | None:
    """Places in all (in person and online); None when the dialogue sets no limit."""
    limits = [dialogue.capacity_in_person, dialogue.capacity_online]
    if dialogue.format == Dialogue.Format.IN_PERSON:
        limits = [dialogue.capacity_in_person]
    elif dialogue.format == Dialogue.Format.ONLINE:
        limits = [dialogue.capacity_online]
    if any(limit is None for limit in limits):
        return None
    return sum(limits)


def places_taken(dialogue: Dialogue) -> int:
    """Representatives of the applications holding a place (approved off the reserve list,
    or confirmed)."""
    return Representative.objects.filter(
        application__in=workflow.applications_holding_a_place(dialogue)
    ).count()


def approve_or_reserve_locked(application: Application, *, by=None, reason: str) -> Application:
    """Approve a (locked) application; beyond the dialogue's places it joins the reserve list
    (approved, no confirmation yet) and hears its position instead of a confirmation link.

    Every approval comes here (the objection window closing, the Bureau's decision). The
    dialogue's row is locked before the places are counted, until the end of the transaction:
    two approvals at once count one after the other, so the last place is given once. The lock
    (``FOR NO KEY UPDATE``) still lets new applications to the dialogue be written meanwhile.
    """
    dialogue = Dialogue.objects.select_for_update(no_key=True).get(pk=application.dialogue_id)
    places = dialogue_places(dialogue)
    needed = max(1, application.representatives.count())
    if places is not None and places_taken(dialogue) + needed > places:
        last = (
            Application.objects.filter(dialogue=dialogue)
            .exclude(reserve_position=None)
            .order_by("-reserve_position")
            .values_list("reserve_position", flat=True)
            .first()
        ) or 0
        reserved = _("Approved on the reserve list, position %(n)s") % {"n": last + 1}
        return workflow.transition_locked(
            application,
            S.APPROVED,
            by=by,
            # A person's decision keeps its reason; the portal's says only where it went.
            reason=f"{reason.strip()} — {reserved}" if by is not None else reserved,
            reserve_position=last + 1,
        )
    return workflow.transition_locked(application, S.APPROVED, by=by, reason=reason)


def reserve_offer_places(dialogue_id: int, now=None) -> int:
    """Offer freed places to the reserve list in order, each with its own confirmation
    deadline (``RESERVE_OFFER_DAYS`` days, and never later than the day before the dialogue).
    """
    now = now or timezone.now()
    offered = 0
    with transaction.atomic():
        dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
        places = dialogue_places(dialogue)
        if now >= dialogue.starts_at:
            return 0
        waiting = (
            Application.objects.select_for_update()
            .select_related("organization", "dialogue")
            .filter(dialogue=dialogue, status=S.APPROVED)
            .exclude(reserve_position=None)
            .order_by("reserve_position")
        )
        for application in waiting:
            needed = max(1, application.representatives.count())
            if places is not None and places_taken(dialogue) + needed > places:
                break
            deadline = min(
                deadlines.days_before(now, -RESERVE_OFFER_DAYS),
                deadlines.days_before(dialogue.starts_at, 1),
            )
            workflow.transition_locked(
                application,
                S.APPROVED,
                by=None,
                reason=_("A place became free: offered from the reserve list"),
                confirm_by=deadline,
            )
            offered += 1
    return offered
