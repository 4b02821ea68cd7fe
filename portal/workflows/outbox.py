"""The status machine of an outbox message, in one place.

queued → sent; queued → failed after the last attempt; failed → queued when the secretariat
sends it again. ``email_transition`` is the one function that changes the status, on a row the
caller has locked; the row itself is the record (attempts, last error, when sent).
"""

from django.utils import timezone

from portal.models import OutboundEmail
from portal.permissions import is_secretariat

S = OutboundEmail.Status

TRANSITIONS: dict[str, frozenset[str]] = {
    S.QUEUED: frozenset({S.SENT, S.FAILED}),
    S.SENT: frozenset(),
    S.FAILED: frozenset({S.QUEUED}),
}

RESEND = "resend"  # put a failed message back in the queue (secretariat)


class OutboxError(Exception):
    """An outbox operation that the current state does not allow."""


def allowed_actions(email: OutboundEmail, user, now=None) -> frozenset[str]:
    """What ``user`` may do with ``email``."""
    if email.status == S.FAILED and is_secretariat(user):
        return frozenset({RESEND})
    return frozenset()


def email_transition(email: OutboundEmail, target: str) -> list[str]:
    """Change the (locked) ``email`` to ``target`` and return the fields to save with it.

    Sent: stamped now. Queued again: a fresh start (attempts from zero, queued now, so the sweep
    gives its task time to run first)."""
    if target not in TRANSITIONS[email.status]:
        raise OutboxError(
            "Only a failed message can be sent again."
            if target == S.QUEUED
            else f"A {email.status} message cannot become {target}."
        )
    email.status = target
    fields = ["status"]
    if target == S.SENT:
        email.sent_at = timezone.now()
        fields.append("sent_at")
    if target == S.QUEUED:
        email.attempts, email.created_at = 0, timezone.now()
        fields += ["attempts", "created_at"]
    return fields
