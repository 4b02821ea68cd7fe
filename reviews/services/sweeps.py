"""Deadline sweeps of the review data (registered in ``settings.DEADLINE_SWEEPS``)."""

from collections import defaultdict
from datetime import time

from django.utils import timezone

from portal.deadlines import VIENNA
from portal.models import Role, RoleGrant
from portal.recipients import user_language
from portal.selectors import secretariat_users
from portal.services.outbox import email_each, email_queue

from ..models import ReviewStep

DIGEST_TEMPLATE = "emails/reviews/overdue_digest"
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
    queued += email_each(
        secretariat_users(),
        template=DIGEST_TEMPLATE,
        context=_digest(by_state),
        dedupe_key=f"overdue-digest:{week}",
    )
    representatives = RoleGrant.objects.active().filter(
        role=Role.STATE_REPRESENTATIVE, state__in=list(by_state), user__is_active=True
    )
    for grant in representatives.select_related("user", "state"):
        own = {grant.state: by_state[grant.state]}
        email = email_queue(
            to=grant.user.email,
            template=DIGEST_TEMPLATE,
            context={"user": grant.user, **_digest(own)},
            dedupe_key=f"overdue-digest:{week}:{grant.user_id}:{grant.state_id}",
            language=user_language(grant.user),
        )
        queued += email is not None
    return {"queued": queued}


def _digest(by_state) -> dict:
    return {
        "states": sorted(by_state.items(), key=lambda item: item[0].name),
        "count": sum(len(steps) for steps in by_state.values()),
    }
