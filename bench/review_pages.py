"""Render time and query count of the review-cycle pages with every party to the Convention
in a review group (about 190 States, 24 steps each), in-process (no network).

Prints how long entering the groups took, then per page: median and p95 of 30 renders in
milliseconds, and the queries per render. Also times the secretariat's steps CSV export.
"""

import statistics
import time

from _setup import django_ready

PAGES = [
    "/reviews/",
    "/reviews/states/",
    "/reviews/states/?overdue=on",
    "/reviews/states/KEN/",
    "/reviews/states/KEN/deadlines.ics",
]


def enter_groups() -> int:
    """Every party to the Convention in one of the three groups, in turn (a benchmark's data,
    not the draw); returns the number of steps."""
    from reviews.models import ReviewGroup, ReviewStep, State
    from reviews.services import state_review_update

    groups = list(ReviewGroup.objects.order_by("number"))
    states = State.objects.filter(participations__treaty="UNTOC").order_by("code")
    for index, state in enumerate(states):
        state_review_update(state, actor=None, via="form", review_group=groups[index % 3])
    return ReviewStep.objects.count()


def timed(client, url, renders):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches and templates
    timings = []
    for _ in range(renders):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main(renders: int = 30) -> None:
    django_ready("portal.settings.test")
    from django.test import Client

    from portal.models import Role, User
    from tests.factories import grant_role

    started = time.perf_counter()
    steps = enter_groups()
    print(f"groups entered: {steps} steps in {time.perf_counter() - started:.1f} s")
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':45} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for url in PAGES:
        median, p95, queries = timed(client, url, renders)
        print(f"{url:45} {median:10.1f} {p95:8.1f} {queries:8d}")
    officer, _ = User.objects.get_or_create(email="bench-officer@example.org")
    if not officer.role_grants.exists():
        grant_role(officer, Role.SECRETARIAT)
    client.force_login(officer)
    for url in ("/staff/reviews/export/steps.csv", "/staff/reviews/changes/"):
        median, p95, queries = timed(client, url, 10)
        print(f"{url:45} {median:10.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
