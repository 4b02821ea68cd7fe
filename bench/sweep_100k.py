"""One full sweep of every deadline over 100,000 applications, with time and peak memory.

Uses DATABASE_URL (PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/portal_bench) and
REDIS_URL (a separate database, e.g. redis://127.0.0.1:6379/9: queued tasks are purged). The
applications sit in every state a sweep reads (submitted, circulated, approved with cut-offs
near and far, confirmed); a few hundred are due a reminder, as on a busy day, and the
rest only need to be looked at. Target: under
5 s on a 2-core machine.
"""

import resource
import time
import tracemalloc
from datetime import timedelta

from _setup import django_ready

DIALOGUES, PER_DIALOGUE = 200, 500


def offset(index: int) -> int:
    """Days from today to a dialogue's session: two dialogues close to their cut-off (their
    approved applications are due a reminder), the others weeks away (nothing due)."""
    return 16 if index < 2 else 60 + index % 90


def load():
    from django.db import transaction
    from django.utils import timezone

    from engagement import deadlines
    from engagement.models import Application, Dialogue, Organization, WorkingGroupSession
    from portal.deadlines import end_of_vienna_day
    from portal.models import OutboundEmail
    from reviews.models import WorkingGroup

    with transaction.atomic():
        Application.objects.filter(dialogue__title__startswith="Sweep bench ").delete()
        OutboundEmail.objects.filter(to__endswith="@bench.invalid").delete()
        Dialogue.objects.filter(title__startswith="Sweep bench ").delete()
        WorkingGroupSession.objects.filter(number__gte=2000).delete()
        Organization.objects.filter(name__startswith="Sweep bench org ").delete()
        groups = list(WorkingGroup.objects.all())
        today = timezone.localdate()
        organizations = Organization.objects.bulk_create(
            Organization(
                name=f"Sweep bench org {n}", kind="ngo", country="KE", email=f"s{n}@bench.invalid"
            )
            for n in range(PER_DIALOGUE)
        )
        dialogues = []
        for index in range(DIALOGUES):
            session = WorkingGroupSession.objects.create(
                working_group=groups[index % 5],
                number=2000 + index,
                starts_on=today + timedelta(days=offset(index)),
                ends_on=today + timedelta(days=offset(index) + 2),
            )
            starts = end_of_vienna_day(session.ends_on + timedelta(days=1)) - timedelta(hours=10)
            dates = vars(deadlines.default_dates(starts))
            dialogues.append(
                Dialogue(
                    session=session,
                    title=f"Sweep bench {index}",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=3),
                    format="online",
                    status="circulated",
                    **dates,
                )
            )
        Dialogue.objects.bulk_create(dialogues)
        statuses = ["submitted", "circulated", "approved", "approved", "confirmed"]
        rows = []
        for dialogue in dialogues:
            for n, organization in enumerate(organizations):
                status = statuses[n % 5]
                rows.append(
                    Application(
                        organization=organization,
                        dialogue=dialogue,
                        statement="bench",
                        status=status,
                        confirmation_deadline=dialogue.confirmation_deadline
                        if status in ("approved", "confirmed")
                        else None,
                    )
                )
        Application.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def main() -> None:
    # Production-like: with REDIS_URL set, emails are queued for a worker, not sent inline.
    django_ready("portal.settings.local")
    from django.db import connection

    from portal.services.sweeps import sweeps_run_all

    started = time.perf_counter()
    count = load()
    print(
        f"database: {connection.vendor}; loaded {count} applications in "
        f"{time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    results = sweeps_run_all()
    elapsed = time.perf_counter() - started
    print(f"full sweep: {elapsed:.2f} s")
    for name, result in results.items():
        print(f"  {name}: {result}")
    # Memory is measured on a second, identical run: tracing slows Python down.
    load()
    tracemalloc.start()
    sweeps_run_all()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"peak Python memory of a full sweep: {peak / 1024 / 1024:.1f} MiB; process max RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    started = time.perf_counter()
    again = sweeps_run_all()
    changed = sum(v for result in again.values() for v in result.values())
    print(
        f"the same sweep again (nothing left to do, {changed} changes): "
        f"{time.perf_counter() - started:.2f} s"
    )
    from portal.celery import app

    if not app.conf.task_always_eager:
        print(f"  (tasks left for a worker, now purged: {app.control.purge()})")


if __name__ == "__main__":
    main()
