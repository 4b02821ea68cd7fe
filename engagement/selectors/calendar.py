"""Calendars of the engagement app: a dialogue with its deadlines, and a person's own
deadlines, built from the portal's iCalendar blocks (``portal.ical``)."""

from datetime import timedelta

from django.utils.translation import gettext as _
from icalendar import Event

from engagement.models import Application
from engagement.selectors.applications import applications_for_user, dialogues_circulated
from portal.ical import moment_event, timed_event
from portal.permissions import represented_state_ids


def dialogue_events(dialogue, absolute_url: str, with_deadlines: bool) -> list[Event]:
    """The dialogue itself and, if asked, its application and confirmation deadlines."""
    where = dialogue.venue or dialogue.get_format_display()
    main = timed_event(
        f"dialogue-{dialogue.pk}",
        dialogue.title,
        dialogue.starts_at,
        dialogue.ends_at,
        absolute_url,
        dialogue.description,
    )
    main.add("location", where)
    main.add("status", "CANCELLED" if dialogue.status == "not_convened" else "CONFIRMED")
    events = [main]
    if with_deadlines:
        for key, label, moment in (
            ("application-deadline", _("Application deadline"), dialogue.application_deadline),
            ("confirmation-cutoff", _("Confirmation cut-off"), dialogue.confirmation_deadline),
        ):
            events.append(
                timed_event(
                    f"dialogue-{dialogue.pk}-{key}",
                    f"{label}: {dialogue.title}",
                    moment,
                    moment + timedelta(seconds=1),
                    absolute_url,
                )
            )
    return events


def personal_events(user, base_url: str) -> list[Event]:
    """A person's own deadlines: for each application of their organizations, what is due
    next (submit, confirm, written comments) and the dialogue itself once approved; for a
    State party representative, the objection deadlines of circulated lists."""
    S = Application.Status
    events = []
    for application in applications_for_user(user):
        dialogue = application.dialogue
        url = base_url + application.get_absolute_url()
        uid = f"application-{application.pk}"
        if application.status in (S.DRAFT, S.SUBMITTED):
            events.append(
                moment_event(
                    f"{uid}-deadline",
                    _("Application deadline: %s") % dialogue.title,
                    dialogue.application_deadline,
                    url,
                )
            )
        if application.status == S.APPROVED:
            events.append(
                moment_event(
                    f"{uid}-confirm",
                    _("Confirm attendance: %s") % dialogue.title,
                    application.confirmation_deadline or dialogue.confirmation_deadline,
                    url,
                )
            )
        if application.status in (S.APPROVED, S.CONFIRMED):
            events.append(
                moment_event(
                    f"{uid}-comments",
                    _("Written comments due: %s") % dialogue.title,
                    dialogue.comments_deadline,
                    url,
                )
            )
            events.append(
                timed_event(
                    f"{uid}-dialogue",
                    dialogue.title,
                    dialogue.starts_at,
                    dialogue.ends_at,
                    base_url + dialogue.get_absolute_url(),
                )
            )
    if represented_state_ids(user):
        for dialogue in dialogues_circulated():
            events.append(
                moment_event(
                    f"objections-{dialogue.pk}",
                    _("Objections close: %s") % dialogue.title,
                    dialogue.objection_deadline,
                    base_url + f"/states/dialogues/{dialogue.pk}/",
                )
            )
    return events
