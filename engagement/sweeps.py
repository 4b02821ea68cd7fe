"""Deadline sweeps of the engagement app (registered in ``settings.DEADLINE_SWEEPS``).

Each sweep is idempotent: emails carry a deduplication key, so a sweep run twice, or twice at
once, sends each message once.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from portal.models import User
from portal.outbox import email_queue

from .models import AgendaItem, Dialogue, Role

PROGRAMME_STATUSES = [
    Dialogue.Status.OPEN,
    Dialogue.Status.CLOSED,
    Dialogue.Status.CIRCULATED,
    Dialogue.Status.CONVENED,
]


def secretariat_users():
    return User.objects.filter(
        is_active=True,
        role_grants__role=Role.SECRETARIAT,
        role_grants__revoked_at__isnull=True,
    ).distinct()


def dialogues_remind_missing_programme(now=None) -> dict:
    """Remind the secretariat, once per dialogue and person, of a dialogue starting within
    ``PROGRAMME_REMINDER_DAYS`` days that has no programme yet."""
    now = now or timezone.now()
    horizon = now + timedelta(days=settings.PROGRAMME_REMINDER_DAYS)
    dialogues = (
        Dialogue.objects.filter(
            status__in=PROGRAMME_STATUSES, starts_at__gt=now, starts_at__lte=horizon
        )
        .exclude(Exists(AgendaItem.objects.filter(dialogue=OuterRef("pk"))))
        .select_related("session__working_group")
    )
    staff = list(secretariat_users())
    queued = 0
    for dialogue in dialogues:
        for user in staff:
            email = email_queue(
                to=user.email,
                template="emails/engagement/programme_missing",
                context={
                    "dialogue": dialogue,
                    "user": user,
                    "days": (dialogue.starts_at - now).days,
                },
                related=dialogue,
                dedupe_key=f"programme-missing:{dialogue.pk}:{user.pk}",
            )
            queued += email is not None
    return {"queued": queued}
