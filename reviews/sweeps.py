"""Deadline sweeps of the review data (registered in ``settings.DEADLINE_SWEEPS``)."""

from collections import defaultdict
from datetime import time

from django.utils import timezone

from engagement.deadlines import VIENNA
from engagement.models import Role, RoleGrant
from engagement.sweeps import secretariat_users
from portal.outbox import email_queue

from .models import ReviewStep

DIGEST_FROM = time(8, 0)  # Monday 08:00 Vienna time, or the first sweep after it that week


def review_steps_overdue_digest(now=None) -> dict:
    """Once a week, tell the secretariat which steps of the country reviews are overdue, and
    each State representative those of their own State. Nothing is sent when nothing is
    overdue; a deduplication key per ISO week and person makes every run after the first a
    no-op."""
    now = now or timezone.now()
    local = now.astimezone(VIENNA)
    if local.isoweekday() == 1 and local.time() < DIGEST_FROM:
        return {"queued": 0}
    week = "{}-W{:02d}".format(*local.isocalendar()[:2])
    overdue = list(
        ReviewStep.objects.overdue(now)
        .select_related("state")
        .order_by("state__name", "cluster", "position")
    )
    if not overdue:
        return {"queued": 0}
    by_state = defaultdict(list)
    for step in overdue:
        by_state[step.state].append(step)
    queued = 0
    for user in secretariat_users():
        queued += _send(user, by_state, f"overdue-digest:{week}:{user.pk}")
    representatives = RoleGrant.objects.active().filter(
        role=Role.STATE_REPRESENTATIVE, state__in=list(by_state), user__is_active=True
    )
    for grant in representatives.select_related("user", "state"):
        own = {grant.state: by_state[grant.state]}
        queued += _send(grant.user, own, f"overdue-digest:{week}:{grant.user_id}:{grant.state_id}")
    return {"queued": queued}


def _send(user, by_state, dedupe_key) -> int:
    email = email_queue(
        to=user.email,
        template="emails/reviews/overdue_digest",
        context={
            "user": user,
            "states": sorted(by_state.items(), key=lambda item: item[0].name),
            "count": sum(len(steps) for steps in by_state.values()),
        },
        dedupe_key=dedupe_key,
    )
    return email is not None
