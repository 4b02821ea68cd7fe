"""iCalendar building blocks (RFC 5545, with the icalendar library): a calendar, timed and
all-day events. The apps build their feeds from these."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//UNTOC engagement portal//calendars//EN"


def calendar_new(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def timed_event(uid: str, summary: str, start, end, url: str, description: str = "") -> Event:
    """An event from ``start`` to ``end`` (aware datetimes, or dates for whole days)."""
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


def calendar_bytes(name: str, events: list[Event]) -> bytes:
    calendar = calendar_new(name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def day_event(uid: str, summary: str, day, url: str, description: str = "") -> Event:
    """An all-day event on ``day`` (a date): how calendars show a deadline of a whole day."""
    return timed_event(uid, summary, day, day + timedelta(days=1), url, description)


def moment_event(uid: str, summary: str, moment, url: str) -> Event:
    return timed_event(uid, summary, moment, moment + timedelta(seconds=1), url)
