"""Writes to dialogues: creating and editing them with their dates, and telling applicants
of changes. Status changes are ``engagement.workflows.dialogues``."""

from itertools import pairwise

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagement.models import Application, Dialogue
from engagement.uploads import KEEP_CURRENT_FILE, file_field_update
from engagement.workflows.applications import applicants_notify_of_dialogue
from engagement.workflows.dialogues import (
    OVER,
    PUBLIC,
    DialogueError,
    dialogue_created_record,
)
from portal import deadlines
from portal.files import atomic_with_files, file_replace

S = Dialogue.Status

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


@atomic_with_files()
def dialogue_create(*, by, **fields) -> Dialogue:
    """Create a dialogue (as a draft) with its confirmation cut-off computed from its date."""
    dialogue = Dialogue(status=S.DRAFT)
    _apply_fields(dialogue, fields)
    dialogue.save()
    dialogue_created_record(dialogue, by=by)
    return dialogue


@atomic_with_files()
def dialogue_update(dialogue_id: int, *, by, **fields) -> Dialogue:
    """Change a dialogue's details or dates; the cut-off is recomputed from the date."""
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
    if dialogue.status in OVER:
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
    Application.objects.filter(
        dialogue=dialogue,
        status=Application.Status.APPROVED,
        confirmation_deadline=old_cutoff,
    ).update(confirmation_deadline=dialogue.confirmation_deadline)
    moments = (dialogue.starts_at, dialogue.confirmation_deadline)
    key = f"dates:{dialogue.pk}:" + ":".join(moment.isoformat() for moment in moments)
    transaction.on_commit(lambda: _notify(dialogue, "dialogue_dates_changed", key=key))


def _notify(dialogue: Dialogue, template: str, reason: str = "", key: str | None = None):
    applicants_notify_of_dialogue(
        dialogue, template, key=key or f"{template}:{dialogue.pk}", reason=reason
    )


def dialogue_announce_documents(
    dialogue: Dialogue, *, had_programme: bool, previous_paper: str
) -> None:
    """After an edit: tell applicants once when the programme first appears and whenever a
    new background paper is published (only for dialogues the public can see)."""
    if dialogue.status not in PUBLIC:
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
