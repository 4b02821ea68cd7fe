"""Demo review data for one State (Kenya, the demo representative's), labelled demo wherever
it shows: no public source lists the drawing of lots, so nothing here is the real review."""

from datetime import date

from .models import ReviewContact, ReviewerAssignment, ReviewGroup, ReviewStep, State
from .services import review_steps_schedule

DEMO_SOURCE = "Demo data: not the official drawing of lots, reviewers or review steps."


def review_demo_load() -> None:
    """Put Kenya in group 2 with demo reviewers, a demo focal point and some steps recorded,
    so that the review pages show due, done and overdue steps. Idempotent."""
    kenya = State.objects.filter(code="KEN").first()
    if kenya is None:
        return
    kenya.review_group = ReviewGroup.objects.get(number=2)
    kenya.review_languages = ["en"]
    kenya.review_source = DEMO_SOURCE
    kenya.review_is_demo = True
    kenya.save()
    review_steps_schedule(kenya)
    for code, instrument in (("UGA", "UNTOC"), ("FRA", "UNTOC"), ("TZA", "TIP"), ("FRA", "TIP")):
        ReviewerAssignment.objects.get_or_create(
            state_under_review=kenya,
            reviewer=State.objects.get(code=code),
            instrument=instrument,
            defaults={"note": "demo"},
        )
    ReviewContact.objects.get_or_create(
        state=kenya,
        role=ReviewContact.Role.FOCAL_POINT,
        defaults={
            "name": "Focal point (demo)",
            "institution": "Demo ministry",
            "email": "focal-point@demo.invalid",
        },
    )
    done = {
        (1, "focal_point"): date(2021, 11, 12),
        (1, "experts"): date(2021, 12, 6),
        (1, "self_assessment"): date(2022, 7, 29),
        (2, "focal_point"): date(2023, 11, 10),
    }
    for (cluster, kind), day in done.items():
        ReviewStep.objects.filter(state=kenya, cluster=cluster, kind=kind, done_on=None).update(
            done_on=day, note="demo"
        )
    review_steps_schedule(kenya)
