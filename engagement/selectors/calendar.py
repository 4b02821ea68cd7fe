"""Calendars of the engagement app: a dialogue with its deadlines, and a person's own
deadlines, built from the portal's iCalendar blocks (``portal.ical``)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from engagement.models import Dialogue
from engagement.selectors.applications import applications_for_user, dialogues_circulated
from engagement.workflows import applications as workflow
from portal.ical import moment_event, timed_event
from portal.permissions import represented_state_ids

Action = workflow.Action


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
    cancelled = dialogue.status == Dialogue.Status.NOT_CONVENED
    main.add("status", "CANCELLED" if cancelled else "CONFIRMED")
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


# The event ids of each deadline (kept stable: calendar apps match events by id).
EVENT_KEYS = {Action.SUBMIT: "deadline", Action.CONFIRM: "confirm", Action.COMMENT: "comments"}


def personal_events(user, base_url: str) -> list[Event]:
    """A person's own deadlines: for each application of their organizations, what the
    workflow still allows them (submit or change it, confirm, send written comments) and the
    dialogue itself while they hold a place; for a State party representative, the objection
    deadlines of circulated lists."""
    events = []
    now = timezone.now()
    due = [
        (Action.SUBMIT, _("Application deadline: %s")),
        (Action.CONFIRM, _("Confirm attendance: %s")),
        (Action.COMMENT, _("Written comments due: %s")),
    ]
    for application in applications_for_user(user):
        dialogue = application.dialogue
        url = base_url + application.get_absolute_url()
        uid = f"application-{application.pk}"
        actions = workflow.allowed_actions(application, user, now)
        if Action.EDIT in actions:  # a draft to submit, or a submission still open to change
            actions |= {Action.SUBMIT}
        for action, label in due:
            if action in actions:
                events.append(
                    moment_event(
                        f"{uid}-{EVENT_KEYS[action]}",
                        label % dialogue.title,
                        workflow.action_deadline(application, action),
                        url,
                    )
                )
        if application.status in workflow.HOLDING_A_PLACE:
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
