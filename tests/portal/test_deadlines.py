"""Deadlines exact to the second in Vienna time, across daylight-saving changes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from portal import deadlines

VIENNA = ZoneInfo("Europe/Vienna")
UTC = ZoneInfo("UTC")


def test_one_second_before_and_after_the_cutoff():
    cutoff = deadlines.days_before(datetime(2027, 6, 20, 15, 0, tzinfo=VIENNA), 15)
    assert deadlines.is_open(cutoff, cutoff - timedelta(seconds=1))
    assert deadlines.is_open(cutoff, cutoff + timedelta(microseconds=999_999))
    assert not deadlines.is_open(cutoff, cutoff + timedelta(seconds=1))
    assert not deadlines.is_open(cutoff, datetime(2027, 6, 6, 0, 0, tzinfo=VIENNA))


@pytest.mark.parametrize(
    ("dialogue_day", "cutoff_day", "offset_hours"),
    [
        # The cut-off falls on the day summer time starts (28 March 2027, 02:00 → 03:00).
        ((2027, 4, 12), (2027, 3, 28), 2),
        # The day before it: still winter time.
        ((2027, 4, 11), (2027, 3, 27), 1),
        # The cut-off falls on the day summer time ends (31 October 2027).
        ((2027, 11, 15), (2027, 10, 31), 1),
        ((2027, 11, 14), (2027, 10, 30), 2),
    ],
)
def test_cutoff_across_daylight_saving_changes(dialogue_day, cutoff_day, offset_hours):
    starts = datetime(*dialogue_day, 10, 0, tzinfo=VIENNA)
    cutoff = deadlines.days_before(starts, 15)
    assert cutoff.date() == datetime(*cutoff_day).date()
    assert (cutoff.hour, cutoff.minute, cutoff.second) == (23, 59, 59)
    assert cutoff.utcoffset() == timedelta(hours=offset_hours)
    in_utc = cutoff.astimezone(UTC)
    assert in_utc.hour == 23 - offset_hours
    assert deadlines.is_open(cutoff, in_utc - timedelta(seconds=1))
    assert not deadlines.is_open(cutoff, in_utc + timedelta(seconds=1))


def test_dialogue_date_is_read_in_vienna_not_utc():
    # 00:30 Vienna on 20 June is 22:30 UTC on 19 June: the dialogue's date is 20 June.
    starts = datetime(2027, 6, 19, 22, 30, tzinfo=UTC)
    assert deadlines.days_before(starts, 15).date() == datetime(2027, 6, 5).date()
