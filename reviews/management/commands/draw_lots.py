import json
from datetime import date

from django.core.management import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import lots


class Command(BaseCommand):
    help = (
        "Simulate the drawing of lots of the Review Mechanism (groups and reviewers) from the "
        "lists of parties in the database. A simulation, not the official draw."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, required=True, help="The same seed, the same draw.")
        parser.add_argument(
            "--as-of", help="Parties to the Convention on this date (YYYY-MM-DD; default today)."
        )
        parser.add_argument(
            "--format", dest="output", choices=["text", "csv", "json"], default="text"
        )

    def handle(self, *args, seed, as_of, output, **options):
        try:
            as_of = date.fromisoformat(as_of) if as_of else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--as-of: {error}") from error
        draw = lots.draw_lots(lots.candidates_as_of(as_of), seed)
        if output == "csv":
            self.stdout.write(lots.draw_csv(draw, as_of), ending="")
        elif output == "json":
            self.stdout.write(json.dumps(as_json(draw, as_of), ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(as_text(draw, as_of)))


def as_json(draw, as_of) -> dict:
    return {
        "simulation": str(lots.SIMULATION_LABEL),
        "seed": draw.seed,
        "as_of": as_of.isoformat(),
        "states_drawn": draw.states_drawn,
        "group_sizes": draw.group_sizes,
        "reviews_performed": draw.reviews_performed,
        "undated_participations": draw.undated_participations,
        "groups": [
            [
                {
                    "code": review.code,
                    "name": review.name,
                    "regional_group": review.regional_group,
                    "instruments": list(review.instruments),
                    "reviewers": [
                        {
                            "code": r.code,
                            "name": r.name,
                            "same_group": r.same_group,
                            "instruments": list(r.instruments),
                            "additional": r.additional,
                        }
                        for r in review.reviewers
                    ],
                }
                for review in reviews
            ]
            for _number, reviews in draw.group_reviews()
        ],
        "excluded": [{"code": e.code, "name": e.name, "reason": e.reason} for e in draw.excluded],
        "problems": [
            {"code": p.code, "name": p.name, "rule": p.rule, "message": p.message}
            for p in draw.problems
        ],
    }


def as_text(draw, as_of) -> list[str]:
    sizes = ", ".join(
        _("group %(number)s: %(size)s") % {"number": number, "size": size}
        for number, size in enumerate(draw.group_sizes, start=1)
    )
    spread = ", ".join(
        _("%(reviews)s reviews: %(states)s States") % {"reviews": reviews, "states": states}
        for reviews, states in draw.distribution
    )
    lines = [
        str(lots.SIMULATION_LABEL),
        _("Seed %(seed)s, parties to the Convention as of %(date)s")
        % {"seed": draw.seed, "date": as_of.isoformat()},
        _("States drawn: %(count)s (%(sizes)s)") % {"count": draw.states_drawn, "sizes": sizes},
        _("Reviews performed: %(spread)s (%(total)s in all)")
        % {"spread": spread or "-", "total": draw.reviews_total},
        _("Participations with no consent date counted as parties: %(count)s")
        % {"count": draw.undated_participations},
        _("Problems: %(count)s") % {"count": len(draw.problems)}
        if draw.problems
        else _("Problems: none, every rule is met"),
    ]
    lines += [f"  {p.name} ({p.code}): {p.message}" for p in draw.problems]
    lines.append(_("Left out of the draw: %(count)s") % {"count": len(draw.excluded)})
    lines += [f"  {e.name} ({e.code}): {e.reason}" for e in draw.excluded]
    for number, reviews in draw.group_reviews():
        lines += [
            "",
            _("Group %(number)s (%(count)s States)") % {"number": number, "count": len(reviews)},
        ]
        for review in reviews:
            lines.append(f"  {review.name} ({review.code}), {review.regional_group_label}")
            for r in review.reviewers:
                side = _("same group") if r.same_group else _("other group")
                extra = _(", additional draw") if r.additional else ""
                covers = ", ".join(str(lots.SHORT_LABELS[i]) for i in r.instruments)
                lines.append(f"    {r.name} ({r.code}; {side}{extra}): {covers}")
    return lines
