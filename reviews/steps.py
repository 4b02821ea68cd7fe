"""The steps of each phase of a country review and when each is due. Pure functions.

Each phase is one cluster, two years long (``reviews.cycle``). From the start of a phase:
the focal point is appointed within 2 weeks and the governmental experts within 4 weeks, the
self-assessment questionnaire is due within 6 months, and the reviewers' written feedback within
6 months of receiving it (UNODC's public summaries of the Procedures and Rules; DOMAIN.md). The
list of observations and the summary have no published deadline: their due date is whatever
the secretariat sets. A step is due until 23:59:59 Vienna time on its due day.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.translation import gettext_lazy as _

from portal.deadlines import end_of_vienna_day

from .cycle import add_months


@dataclass(frozen=True)
class StepRule:
    kind: str
    rule: str  # how the due date is set, for people
    noun: str  # what is due, for a sentence


STEP_RULES = (
    StepRule(
        "focal_point",
        _("within 2 weeks of the start of the phase"),
        _("the appointment of the focal point"),
    ),
    StepRule(
        "experts",
        _("within 4 weeks of the start of the phase"),
        _("the appointment of the governmental experts"),
    ),
    StepRule(
        "self_assessment",
        _("within 6 months of the start of the phase"),
        _("the self-assessment questionnaire"),
    ),
    StepRule(
        "feedback",
        _("within 6 months of receiving the self-assessment"),
        _("the reviewers' written feedback"),
    ),
    StepRule("observations", _("no published deadline"), _("the list of observations")),
    StepRule("summary", _("no published deadline"), _("the summary")),
)
STEP_KINDS = [rule.kind for rule in STEP_RULES]
RULE_BY_KIND = {rule.kind: rule for rule in STEP_RULES}


def due_day(kind: str, phase_start: date, self_assessment_done_on: date | None) -> date | None:
    """The day a step is due by the rules, or None where no rule (yet) sets one."""
    if kind == "focal_point":
        return phase_start + timedelta(weeks=2)
    if kind == "experts":
        return phase_start + timedelta(weeks=4)
    if kind == "self_assessment":
        return add_months(phase_start, 6)
    if kind == "feedback":
        return add_months(self_assessment_done_on, 6) if self_assessment_done_on else None
    return None


def due_at(kind: str, phase_start: date, self_assessment_done_on: date | None) -> datetime | None:
    day = due_day(kind, phase_start, self_assessment_done_on)
    return end_of_vienna_day(day) if day else None
