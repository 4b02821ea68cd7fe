"""Deadlines in Vienna time, where the Conference and its secretariat sit. Pure functions.

Every deadline is "until 23:59:59 Vienna time on day X": an aware datetime at that second,
open while the clock has not reached the next second, whatever the daylight-saving offset.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

VIENNA = ZoneInfo("Europe/Vienna")
END_OF_DAY = time(23, 59, 59)


def vienna_date(moment: datetime) -> date:
    return moment.astimezone(VIENNA).date()


def end_of_vienna_day(day: date) -> datetime:
    """23:59:59 Vienna time on ``day``, whatever the daylight-saving offset that day."""
    return datetime.combine(day, END_OF_DAY, tzinfo=VIENNA)


def start_of_vienna_day(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=VIENNA)


def days_before(moment: datetime, days: int) -> datetime:
    """The end of the Vienna day ``days`` calendar days before ``moment``'s Vienna date."""
    return end_of_vienna_day(vienna_date(moment) - timedelta(days=days))


def is_open(deadline: datetime, now: datetime) -> bool:
    """True until the second after the deadline: 23:59:59.999 is still in time."""
    return now < deadline + timedelta(seconds=1)
