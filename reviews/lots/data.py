"""The parties a draw is made from, read from the database, and the draw written as CSV."""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from portal.spreadsheets import csv_writer

from ..models import State, TreatyParticipation
from .model import CONVENTION, REVIEWED, SIMULATION_LABEL, Candidate, Draw


def candidates_as_of(as_of: date) -> list[Candidate]:
    """The parties to the Convention on ``as_of`` (a participation with no consent date counts
    as a party, and is marked ``undated``), with the instruments under review each is party to
    on that date, from the database in two queries."""

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
    """The draw as one CSV table that a spreadsheet reads as it is: a row per reviewer, then
    a row per State left out and per unmet rule; every row says in its first column that it
    is a simulation, with the draw number (the seed of the draw) and the date."""
    label = _("%(label)s; draw number %(seed)s; parties as of %(date)s") % {
        "label": SIMULATION_LABEL,
        "seed": draw.seed,
        "date": as_of.isoformat(),
    }
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(
        [
            _("simulation"), _("row"), _("group"), _("code"), _("State under review"),
            _("regional group"), _("reviewer code"), _("reviewer"), _("reviewer regional group"),
            _("same or other group"), _("instruments covered"), _("additional draw"), _("note"),
        ]
    )  # fmt: skip
    for _number, reviews in draw.group_reviews():
        for review in reviews:
            for r in review.reviewers:
                writer.writerow(
                    [
                        label, "reviewer", review.group, review.code, review.name,
                        review.regional_group, r.code, r.name, r.regional_group,
                        "same" if r.same_group else "other", " ".join(r.instruments),
                        "yes" if r.additional else "no", "",
                    ]
                )  # fmt: skip
    for exclusion in draw.excluded:
        writer.writerow(
            [label, "left out", "", exclusion.code, exclusion.name, *[""] * 7, exclusion.reason]
        )
    for problem in draw.problems:
        writer.writerow(
            [label, "problem", "", problem.code, problem.name, *[""] * 7, problem.message]
        )
    return buffer.getvalue()
