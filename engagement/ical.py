"""iCalendar files of dialogues, personal deadlines and review deadlines (RFC 5545, with the
icalendar library)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//UNTOC engagement portal//calendars//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _event(uid: str, summary: str, start, end, url: str, description: str = "") -> Event:
    event = Event()
    event.add("uid", f"{uid}@untoc-engagement-portal")
    event.add("dtstamp", timezone.now())
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("url", url)
    if description:
        event.add("description", description)
    return event


def dialogue_events(dialogue, absolute_url: str, with_deadlines: bool) -> list[Event]:
    """The dialogue itself and, if asked, its application and confirmation deadlines."""
    from django.utils.translation import gettext as _

    where = dialogue.venue or dialogue.get_format_display()
    main = _event(
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
                _event(
                    f"dialogue-{dialogue.pk}-{key}",
                    f"{label}: {dialogue.title}",
                    moment,
                    moment + timedelta(seconds=1),
                    absolute_url,
                )
            )
    return events


def calendar_bytes(name: str, events: list[Event]) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def day_event(uid: str, summary: str, day, url: str, description: str = "") -> Event:
    """An all-day event on ``day`` (a date): how calendars show a deadline of a whole day."""
    return _event(uid, summary, day, day + timedelta(days=1), url, description)


def moment_event(uid: str, summary: str, moment, url: str) -> Event:
    return _event(uid, summary, moment, moment + timedelta(seconds=1), url)


def personal_events(user, base_url: str) -> list[Event]:
    """A person's own deadlines: for each application of their organizations, what is due
    next (submit, confirm, written comments) and the dialogue itself once approved; for a
    State party representative, the objection deadlines of circulated lists."""
    from django.utils.translation import gettext as _

    from engagement.models import Application
    from engagement.permissions import represented_state_ids
    from engagement.selectors.applications import applications_for_user, dialogues_circulated

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
                _event(
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
