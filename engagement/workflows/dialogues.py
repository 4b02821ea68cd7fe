"""The status machine of a dialogue, in one place.

- ``TRANSITIONS``: every allowed change of status (a change not listed is refused);
- named groups of statuses (``PUBLIC``, ``LIST_CIRCULATED``, ``PROGRAMME_EXPECTED``, ``OVER``);
- who may do what, and when: ``allowed_actions(dialogue, user, now)``;
- ``dialogue_transition``: the one function that changes a dialogue's status. It locks the row,
  records the change (who, when, from, to, why) and tells the applicants after commit where a
  change concerns them.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import Dialogue, DialogueStatusChange
from engagement.workflows.applications import (
    applicants_notify_of_dialogue,
    dialogue_accepts_applications,
)
from portal import deadlines
from portal.permissions import is_secretariat

S = Dialogue.Status

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.OPEN}),
    S.OPEN: frozenset({S.CLOSED}),
    S.CLOSED: frozenset({S.CIRCULATED, S.NOT_CONVENED}),
    S.CIRCULATED: frozenset({S.CONVENED, S.NOT_CONVENED}),
    S.CONVENED: frozenset({S.HELD}),
    S.NOT_CONVENED: frozenset(),
    S.HELD: frozenset({S.SUMMARY_PUBLISHED}),
    S.SUMMARY_PUBLISHED: frozenset(),
}
REASON_REQUIRED = frozenset({S.NOT_CONVENED})
# Status changes every applicant hears about, with the email template that tells them.
NOTICES = {
    S.NOT_CONVENED: "dialogue_not_convened",
    S.SUMMARY_PUBLISHED: "dialogue_summary_published",
}

# --- named groups of statuses ----------------------------------------------------------------
# Seen by the public (every status but the draft).
PUBLIC = frozenset(S.values) - {S.DRAFT}
# The list of applicants has gone to States parties.
LIST_CIRCULATED = frozenset({S.CIRCULATED, S.CONVENED, S.HELD, S.SUMMARY_PUBLISHED})
# Still to take place: a programme is expected (the secretariat is reminded of a missing one).
PROGRAMME_EXPECTED = frozenset({S.OPEN, S.CLOSED, S.CIRCULATED, S.CONVENED})
# Over: no longer edited.
OVER = frozenset({S.NOT_CONVENED, S.SUMMARY_PUBLISHED})

APPLY = "apply"  # apply to the dialogue (anyone signed in)
EDIT = "edit"  # change its details and dates (secretariat)
CLOSE = "close"  # close applications once the deadline passed (the portal)
TO = "to:"  # prefix of a status change the secretariat may make, e.g. "to:not_convened"


class DialogueError(Exception):
    """A change the dialogue's current state or dates do not allow."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def allowed_actions(dialogue: Dialogue, user, now=None) -> frozenset[str]:
    """What ``user`` may do with ``dialogue`` at ``now``; ``user=None`` is the portal itself
    (the deadline sweeps). Status changes are ``TO + target``."""
    now = now or timezone.now()
    actions = set()
    if user is None:
        if dialogue.status == S.OPEN and not deadlines.is_open(dialogue.application_deadline, now):
            actions.add(CLOSE)
        return frozenset(actions)
    if user.is_authenticated and dialogue_accepts_applications(dialogue, now):
        actions.add(APPLY)
    if is_secretariat(user):
        if dialogue.status not in OVER:
            actions.add(EDIT)
        actions.update(TO + target for target in TRANSITIONS[dialogue.status])
    return frozenset(actions)


def targets(actions) -> list[str]:
    """The statuses among ``actions`` (``TO + target``), sorted."""
    return sorted(action.removeprefix(TO) for action in actions if action.startswith(TO))


@transaction.atomic
def dialogue_transition(dialogue_id: int, to_status: str, *, by, reason: str = "") -> Dialogue:
    """Move a dialogue to ``to_status`` if the transition table allows it, and record it.

    The row is locked, so two people acting at once produce one change; the second gets a
    DialogueError saying the dialogue has already moved on. Applicants hear of the changes in
    ``NOTICES`` after commit.
    """
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    if to_status not in TRANSITIONS[dialogue.status]:
        raise DialogueError(
            _("This dialogue is “%(status)s”: it cannot become “%(target)s”.")
            % {"status": dialogue.get_status_display(), "target": S(to_status).label}
        )
    reason = reason.strip()
    if to_status in REASON_REQUIRED and not reason:
        raise DialogueError(_("Give the reason for this decision."), field="reason")
    DialogueStatusChange.objects.create(
        dialogue=dialogue, from_status=dialogue.status, to_status=to_status, by=by, reason=reason
    )
    dialogue.status = to_status
    dialogue.status_changed_at = timezone.now()
    if to_status == S.NOT_CONVENED:
        dialogue.not_convened_reason = reason
    dialogue.save(update_fields=["status", "status_changed_at", "not_convened_reason"])
    notice = NOTICES.get(to_status)
    if notice:
        transaction.on_commit(
            lambda: applicants_notify_of_dialogue(
                dialogue, notice, key=f"{notice}:{dialogue.pk}", reason=reason
            )
        )
    return dialogue


def dialogue_created_record(dialogue: Dialogue, *, by) -> DialogueStatusChange:
    """Record a new dialogue's first status (a draft) in its history."""
    return DialogueStatusChange.objects.create(
        dialogue=dialogue, from_status=S.DRAFT, to_status=S.DRAFT, by=by, reason=_("Created")
    )
