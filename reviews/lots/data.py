"""The parties a draw is made from, read from the database, and the draw written as CSV."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date

from django.utils.translation import gettext as _

from .model import CONVENTION, REVIEWED, SIMULATION_LABEL, Candidate, Draw


def candidates_as_of(as_of: date) -> list[Candidate]:
    """The parties to the Convention on ``as_of`` (a participation with no consent date counts
    as a party, and is marked ``undated``), with the instruments under review each is party to
    on that date, from the database in two queries."""
    from django.db.models import Q

    from ..models import State, TreatyParticipation

    instruments, undated = defaultdict(set), defaultdict(set)
    rows = TreatyParticipation.objects.filter(
        Q(consent_date__isnull=True) | Q(consent_date__lte=as_of), treaty__in=REVIEWED
    ).values_list("state_id", "treaty", "consent_date")
    for state_id, treaty, consent_date in rows:
        instruments[state_id].add(treaty)
        if consent_date is None:
            undated[state_id].add(treaty)
    states = State.objects.values_list("pk", "code", "name", "regional_group", "is_state")
    return [
        Candidate(code, name, group, frozenset(instruments[pk]), is_state, frozenset(undated[pk]))
        for pk, code, name, group, is_state in states.order_by("code")
        if CONVENTION in instruments[pk]
    ]


def draw_csv(draw: Draw, as_of: date) -> str:
    """The draw as CSV, one row per reviewer, after comment lines saying it is a simulation."""
    buffer = io.StringIO()
    buffer.write(f"# {SIMULATION_LABEL}. {_('Seed')} {draw.seed}; ")
    buffer.write(_("parties to the Convention as of %(date)s") % {"date": as_of.isoformat()})
    buffer.write("\n")
    for exclusion in draw.excluded:
        buffer.write(
            f"# {_('Left out')}: {exclusion.name} ({exclusion.code}): {exclusion.reason}\n"
        )
    for problem in draw.problems:
        buffer.write(f"# {_('Problem')}: {problem.name} ({problem.code}): {problem.message}\n")
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("group"), _("code"), _("State under review"), _("regional group"),
            _("reviewer code"), _("reviewer"), _("reviewer regional group"),
            _("same or other group"), _("instruments covered"), _("additional draw"),
        ]
    )  # fmt: skip
    for _number, reviews in draw.group_reviews():
        for review in reviews:
            for r in review.reviewers:
                writer.writerow(
                    [
                        review.group, review.code, review.name, review.regional_group,
                        r.code, r.name, r.regional_group, "same" if r.same_group else "other",
                        " ".join(r.instruments), "yes" if r.additional else "no",
                    ]
                )  # fmt: skip
    return buffer.getvalue()
