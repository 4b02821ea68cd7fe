"""The review cycle as arithmetic: which cluster a group reviews on a given date. No database.

Each State's review runs through the four clusters, two years each (seed 002 Figure 2; seed 000
L2556-2620); the three groups start in three consecutive years.
"""

from dataclasses import dataclass
from datetime import date

CLUSTERS = 4


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Phase:
    cluster: int
    starts_on: date
    ends_on: date  # exclusive: the next phase starts that day


def phases(group_start: date, years_per_cluster: int = 2) -> list[Phase]:
    return [
        Phase(
            number,
            add_years(group_start, (number - 1) * years_per_cluster),
            add_years(group_start, number * years_per_cluster),
        )
        for number in range(1, CLUSTERS + 1)
    ]


def phase_on(group_start: date, day: date, years_per_cluster: int = 2) -> Phase | None:
    """The phase a group is in on ``day``; None before its start or after its last cluster."""
    for phase in phases(group_start, years_per_cluster):
        if phase.starts_on <= day < phase.ends_on:
            return phase
    return None


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day where it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
