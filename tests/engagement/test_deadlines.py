"""The cut-off and the other default deadlines of a dialogue, in Vienna time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from engagement import deadlines

VIENNA = ZoneInfo("Europe/Vienna")


def test_cutoff_is_end_of_the_vienna_day_15_days_before():
    starts = datetime(2027, 6, 20, 15, 0, tzinfo=VIENNA)
    cutoff = deadlines.default_dates(starts).confirmation_deadline
    assert cutoff == datetime(2027, 6, 5, 23, 59, 59, tzinfo=VIENNA)
    assert cutoff.utcoffset() == timedelta(hours=2)


def test_default_dates_come_in_order_with_their_sources():
    starts = datetime(2027, 6, 20, 15, 0, tzinfo=VIENNA)
    dates = deadlines.default_dates(starts)
    order = [
        dates.applications_open_at,
        dates.application_deadline,
        dates.circulation_at,
        dates.objection_deadline,
        dates.confirmation_deadline,
        starts,
    ]
    assert order == sorted(order)
    assert dates.application_deadline == datetime(2027, 4, 25, 23, 59, 59, tzinfo=VIENNA)
