"""Every change to the review data is saved together with a line in the change log."""

from datetime import date, datetime

from django.db import models, transaction
from django.forms.models import model_to_dict

from portal.deadlines import VIENNA

from ..models import ReviewDataChange, State

IGNORED_FIELDS = {"id", "entered_by", "entered_at", "position"}


REDACTED = "(personal data, not logged)"


def snapshot(instance: models.Model) -> dict:
    """The instance's field values, as plain text, to compare before and after a change."""
    if instance.pk is None:
        return {}
    return {
        name: _plain(value)
        for name, value in model_to_dict(instance).items()
        if name not in IGNORED_FIELDS
    }


def _redact(instance: models.Model, changes: dict) -> dict:
    """Personal fields (``log_redacted_fields``) are logged as changed, without values."""
    redacted = getattr(instance, "log_redacted_fields", ())
    return {
        field: [REDACTED if old else "", REDACTED if new else ""] if field in redacted else values
        for field, values in changes.items()
        for old, new in [values]
    }


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):  # shown as Vienna time, as everywhere in the portal
        return value.astimezone(VIENNA).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def state_of(instance: models.Model) -> State | None:
    if isinstance(instance, State):
        return instance
    for name in ("state", "state_under_review"):
        if hasattr(instance, f"{name}_id"):
            return getattr(instance, name)
    return None


@transaction.atomic
def save_with_log(instance: models.Model, *, actor, via: str) -> ReviewDataChange | None:
    """Save ``instance`` and log what changed against its row in the database; nothing is
    logged when nothing changed. Returns the log line, or None."""
    created = instance.pk is None
    before = {} if created else snapshot(type(instance).objects.get(pk=instance.pk))
    instance.save()
    after = snapshot(instance)
    changes = {
        field: [before.get(field, ""), value]
        for field, value in after.items()
        if before.get(field, "") != value
    }
    if not changes and not created:
        return None
    return ReviewDataChange.objects.create(
        actor=actor,
        state=state_of(instance),
        subject=_subject(instance),
        action="created" if created else "changed",
        changes=_redact(instance, changes),
        via=via,
    )


@transaction.atomic
def delete_with_log(instance: models.Model, *, actor, via: str) -> ReviewDataChange:
    """Delete ``instance`` and log what it held."""
    line = ReviewDataChange.objects.create(
        actor=actor,
        state=state_of(instance),
        subject=_subject(instance),
        action="deleted",
        changes=_redact(
            instance,
            {field: [value, ""] for field, value in snapshot(instance).items() if value},
        ),
        via=via,
    )
    instance.delete()
    return line


def _subject(instance: models.Model) -> str:
    if hasattr(instance, "log_subject"):
        return instance.log_subject()[:200]
    return f"{instance._meta.verbose_name}: {instance}"[:200]


def formset_save_with_log(formset, *, actor, via: str, state, field="state", record=None) -> None:
    """Write a formset of a State's rows, each through the change log: deletions first (so a
    row can take the place of a deleted one), then new and changed rows, each pointed at
    ``state`` by ``field``. ``record(instance, actor=, via=)`` saves one row (by default
    ``save_with_log``)."""
    record = record or save_with_log
    for form in formset.deleted_forms:
        if form.instance.pk:
            delete_with_log(form.instance, actor=actor, via=via)
    for form in formset.forms:
        if form in formset.deleted_forms or not form.has_changed():
            continue
        setattr(form.instance, field, state)
        record(form.instance, actor=actor, via=via)
