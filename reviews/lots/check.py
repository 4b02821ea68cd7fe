"""Every rule of the draw checked from scratch against the parties it was drawn from."""

from __future__ import annotations

from collections import Counter

from .model import (
    CONVENTION,
    GROUP_COUNT,
    MAX_REVIEWS,
    MIN_REVIEWS,
    MISSING_OTHER,
    MISSING_SAME,
    NO_GROUP,
    NO_REVIEW,
    REVIEWED,
    Draw,
)


def check_draw(draw: Draw, candidates) -> list[str]:
    """Every rule of the draw (seed 001 L732; seed 002 L416-449) checked from scratch against
    ``candidates``: one ``"CODE: rule[: detail]"`` line per violation, nothing if all hold.
    The lines for rules in ``REPORTABLE`` equal the ``key`` of the draw's own problems."""
    found = []

    def bad(code, rule, detail=""):
        found.append(f"{code}: {rule}" + (f": {detail}" if detail else ""))

    by_code = {c.code: c for c in candidates}
    drawn = {
        c.code
        for c in candidates
        if c.is_state and c.regional_group != NO_GROUP and CONVENTION in c.instruments
    }
    excluded = {e.code: e for e in draw.excluded}
    for code in by_code:
        if (code in drawn) == (code in excluded) or (
            code in excluded and not excluded[code].reason
        ):
            bad(code, "excluded", "left out without a reason, or drawn and listed as left out")
    members = [code for group in draw.groups for code in group]
    sizes = [len(group) for group in draw.groups]
    if len(draw.groups) != GROUP_COUNT or sorted(members) != sorted(drawn):
        bad("*", "groups", "not three groups holding every State drawn exactly once")
    elif max(sizes) - min(sizes) > 1:
        bad("*", "groups", f"sizes {sizes} are not as equal as possible")
    if set(draw.reviews) != drawn:
        bad("*", "reviews", "not one entry per State drawn")
    performed = Counter()
    for code, review in draw.reviews.items():
        state = by_code[code]
        need = state.instruments & set(REVIEWED)
        if set(review.instruments) != need:
            bad(code, "instruments", "not the instruments it is party to")
        if code in members and code not in draw.groups[review.group - 1]:
            bad(code, "groups", "group number differs from its group")
        reviewer_codes = [r.code for r in review.reviewers]
        if len(reviewer_codes) > 4:
            bad(code, "max-reviewers")
        if len(set(reviewer_codes)) != len(reviewer_codes):
            bad(code, "duplicate-reviewer")
        for same in (True, False):
            side = [r for r in review.reviewers if r.same_group == same]
            firsts = [r for r in side if not r.additional]
            if side and (len(firsts) != 1 or len(side) > 2):
                bad(code, "reuse", "a side needs one first reviewer and at most one more")
            covered = Counter()
            for r in side:
                performed[r.code] += 1
                if r.code == code:
                    bad(code, "self-review")
                if r.code not in drawn:
                    bad(code, "reviewer-not-drawn", r.code)
                    continue
                if (by_code[r.code].regional_group == state.regional_group) != same:
                    bad(code, "regional-group", r.code)
                if (
                    not r.instruments
                    or not set(r.instruments) <= need & by_code[r.code].instruments
                ):
                    bad(code, "not-party", r.code)
                covered.update(r.instruments)
            if any(n > 1 for n in covered.values()):
                bad(code, "coverage", "an instrument covered twice on one side")
            if len(firsts) == 1 and firsts[0].code in drawn:
                first = set(firsts[0].instruments)
                if first != need & by_code[firsts[0].code].instruments:
                    bad(code, "reuse", f"{firsts[0].code} does not cover all it is party to")
                for r in side:
                    rest = (need - first) & by_code[r.code].instruments if r.code in drawn else ()
                    if r.additional and r.code in drawn and set(r.instruments) != rest:
                        bad(code, "reuse", f"{r.code} does not cover all the rest it can")
            for instrument in REVIEWED:
                if instrument in need and instrument not in covered:
                    bad(code, MISSING_SAME if same else MISSING_OTHER, instrument)
    for code in sorted(drawn):
        if performed[code] > MAX_REVIEWS:
            bad(code, "max-reviews", str(performed[code]))
        if performed[code] < MIN_REVIEWS:
            bad(code, NO_REVIEW)
        if draw.reviews_performed.get(code) != performed[code]:
            bad(code, "reviews-performed-count", "differs from the reviews assigned")
    return found
