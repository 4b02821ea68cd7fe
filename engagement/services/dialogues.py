"""Writes to dialogues: creating and editing with their dates, and status changes."""

from itertools import pairwise

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagement import deadlines
from engagement.models import Dialogue, DialogueStatusChange
from engagement.uploads import KEEP_CURRENT_FILE, file_field_update
from portal.files import file_replace

S = Dialogue.Status

# The one table of allowed dialogue status changes (buttons, services and tests read it).
DIALOGUE_TRANSITIONS: dict[str, frozenset[str]] = {
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

# The dates of a dialogue in the order they must come, with their names for messages.
DATE_ORDER = [
    ("applications_open_at", gettext_lazy("Applications open")),
    ("application_deadline", gettext_lazy("The application deadline")),
    ("circulation_at", gettext_lazy("The circulation of the list")),
    ("objection_deadline", gettext_lazy("The end of the objection window")),
    ("confirmation_deadline", gettext_lazy("The confirmation cut-off")),
    ("starts_at", gettext_lazy("The dialogue")),
    ("ends_at", gettext_lazy("The end of the dialogue")),
]


class DialogueError(Exception):
    """A change the dialogue's current state or dates do not allow."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def dialogue_dates_errors(values: dict) -> list[tuple[str, str]]:
    """The dates out of order in ``values``, as (field, message) naming the date out of place.

    ``confirmation_deadline`` is derived from ``starts_at`` and ``confirmation_days_before``
    when absent.
    """
    values = dict(values)
    if values.get("starts_at") and "confirmation_deadline" not in values:
        values["confirmation_deadline"] = deadlines.days_before(
            values["starts_at"], values.get("confirmation_days_before") or 0
        )
    present = [(field, label) for field, label in DATE_ORDER if values.get(field)]
    errors = []
    for (before, before_label), (after, after_label) in pairwise(present):
        if not values[before] < values[after]:
            errors.append(
                (
                    after if after != "confirmation_deadline" else "confirmation_days_before",
                    _("%(later)s must come after %(earlier)s.")
                    % {"later": after_label, "earlier": before_label.lower()},
                )
            )
    return errors


def _apply_fields(dialogue: Dialogue, fields: dict) -> None:
    for name, value in fields.items():
        if name == "background_paper":
            value = file_field_update(value)
            if value is not KEEP_CURRENT_FILE:
                file_replace(dialogue, name, value)
            continue
        setattr(dialogue, name, value)
    dialogue.confirmation_deadline = deadlines.days_before(
        dialogue.starts_at, dialogue.confirmation_days_before
    )
    errors = dialogue_dates_errors(
        {field: getattr(dialogue, field) for field, _label in DATE_ORDER}
    )
    if errors:
        field, message = errors[0]
        raise DialogueError(message, field=field)


@transaction.atomic
def dialogue_create(*, by, **fields) -> Dialogue:
    """Create a dialogue (as a draft) with its confirmation cut-off computed from its date."""
    dialogue = Dialogue(status=S.DRAFT)
    _apply_fields(dialogue, fields)
    dialogue.save()
    DialogueStatusChange.objects.create(
        dialogue=dialogue,
        from_status=S.DRAFT,
        to_status=S.DRAFT,
        by=by,
        reason=_("Created"),
    )
    return dialogue


@transaction.atomic
def dialogue_update(dialogue_id: int, *, by, **fields) -> Dialogue:
    """Change a dialogue's details or dates; the cut-off is recomputed from the date."""
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    if dialogue.status in {S.NOT_CONVENED, S.SUMMARY_PUBLISHED}:
        raise DialogueError(_("A dialogue that is over can no longer be edited."))
    before = {field: getattr(dialogue, field) for field in NOTIFIED_DATES}
    _apply_fields(dialogue, fields)
    dialogue.save()
    changed = [field for field in NOTIFIED_DATES if getattr(dialogue, field) != before[field]]
    if changed:
        _deadlines_moved(dialogue, old_cutoff=before["confirmation_deadline"])
    return dialogue


# Dates whose change every applicant hears about.
NOTIFIED_DATES = [
    "starts_at",
    "ends_at",
    "application_deadline",
    "objection_deadline",
    "confirmation_deadline",
]


def _deadlines_moved(dialogue: Dialogue, *, old_cutoff) -> None:
    """Carry a moved cut-off over to approved applications that had the old one, and tell
    every active applicant the new dates (once per set of dates)."""
    from engagement.models import Application

    Application.objects.filter(
        dialogue=dialogue,
        status=Application.Status.APPROVED,
        confirmation_deadline=old_cutoff,
    ).update(confirmation_deadline=dialogue.confirmation_deadline)
    moments = (dialogue.starts_at, dialogue.confirmation_deadline)
    key = f"dates:{dialogue.pk}:" + ":".join(moment.isoformat() for moment in moments)
    transaction.on_commit(lambda: _notify(dialogue, "dialogue_dates_changed", key=key))


def allowed_transitions(dialogue: Dialogue) -> list[str]:
    return sorted(DIALOGUE_TRANSITIONS[dialogue.status])


@transaction.atomic
def dialogue_transition(dialogue_id: int, to_status: str, *, by, reason: str = "") -> Dialogue:
    """Move a dialogue to ``to_status`` if the transition table allows it, and record it.

    The row is locked, so two people acting at once produce one change; the second gets a
    DialogueError saying the dialogue has already moved on.
    """
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    if to_status not in DIALOGUE_TRANSITIONS[dialogue.status]:
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
    notice = DIALOGUE_NOTICES.get(to_status)
    if notice:
        transaction.on_commit(lambda: _notify(dialogue, notice, reason))
    return dialogue


# Status changes every applicant hears about, with the email template that tells them.
DIALOGUE_NOTICES = {
    S.NOT_CONVENED: "dialogue_not_convened",
    S.SUMMARY_PUBLISHED: "dialogue_summary_published",
}


def _notify(dialogue: Dialogue, template: str, reason: str = "", key: str | None = None):
    from engagement.services.applications import dialogue_notify_applicants

    dialogue_notify_applicants(
        dialogue, template, key=key or f"{template}:{dialogue.pk}", reason=reason
    )


def dialogue_announce_documents(
    dialogue: Dialogue, *, had_programme: bool, previous_paper: str
) -> None:
    """After an edit: tell applicants once when the programme first appears and whenever a
    new background paper is published (only for dialogues the public can see)."""
    if not dialogue.is_public:
        return
    if not had_programme and dialogue.agenda_items.exists():
        transaction.on_commit(lambda: _notify(dialogue, "dialogue_programme_published"))
    paper = dialogue.background_paper.name if dialogue.background_paper else ""
    if paper and paper != previous_paper:
        transaction.on_commit(
            lambda: _notify(
                dialogue, "dialogue_paper_published", key=f"paper:{dialogue.pk}:{paper}"
            )
        )
