"""The default deadlines of a dialogue, in Vienna time (``portal.deadlines``). Pure functions.

The defaults and their sources:

- confirmation cut-off: 15 days before the dialogue's date (seed 002 L548: "no later than
  15 days prior to the date of a dialogue");
- application deadline: 8 weeks before the dialogue, "midnight Vienna time" (UNODC's public
  calls for applications set it 7-8 weeks before);
- circulation of the list and the end of the objection window: not set by any public source;
  the portal's defaults (6 and 4 weeks before the dialogue) leave two weeks for screening and
  two for objections, and each dialogue can change them.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from portal.deadlines import days_before, start_of_vienna_day, vienna_date

CONFIRMATION_DAYS_BEFORE = 15
APPLICATION_DAYS_BEFORE = 56
CIRCULATION_DAYS_BEFORE = 42
OBJECTION_DAYS_BEFORE = 28
APPLICATIONS_OPEN_DAYS_BEFORE = 98
MINIMUM_APPLICATIONS = 5


@dataclass(frozen=True)
class DialogueDates:
    applications_open_at: datetime
    application_deadline: datetime
    circulation_at: datetime
    objection_deadline: datetime
    confirmation_deadline: datetime


def default_dates(starts_at: datetime) -> DialogueDates:
    """The sourced default deadlines of a dialogue starting at ``starts_at``."""
    return DialogueDates(
        applications_open_at=start_of_vienna_day(
            vienna_date(starts_at) - timedelta(days=APPLICATIONS_OPEN_DAYS_BEFORE)
        ),
        application_deadline=days_before(starts_at, APPLICATION_DAYS_BEFORE),
        circulation_at=days_before(starts_at, CIRCULATION_DAYS_BEFORE),
        objection_deadline=days_before(starts_at, OBJECTION_DAYS_BEFORE),
        confirmation_deadline=days_before(starts_at, CONFIRMATION_DAYS_BEFORE),
    )
