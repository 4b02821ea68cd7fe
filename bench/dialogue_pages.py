"""Load 20 dialogues x 500 applications, serve them with gunicorn, and measure under load the
public dialogue list and the secretariat's queue (requests per second, p50 and p95 latency),
then the time to export a 500-row PDF list.

Uses DATABASE_URL (PostgreSQL recommended, e.g. postgres://postgres@127.0.0.1:5432/portal_bench;
the data replaces earlier benchmark data). Targets on a 2-core machine: p95 under 150 ms for
both pages, PDF export under 5 s. The load comes from threads in this process, on loopback.
"""

import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import timedelta

from _setup import ROOT, django_ready

PORT = int(os.environ.get("BENCH_PORT", "8099"))
DIALOGUES, PER_DIALOGUE = 20, 500
REQUESTS, CONCURRENCY = 400, 4


def load_data():
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.db import transaction
    from django.utils import timezone

    from engagement import deadlines
    from engagement.models import (
        Application,
        Dialogue,
        Organization,
        Representative,
        WorkingGroupSession,
    )
    from instruments.models import Cluster
    from portal.deadlines import end_of_vienna_day
    from portal.models import Role, RoleGrant, User
    from reviews.models import WorkingGroup

    with transaction.atomic():
        Application.objects.filter(dialogue__title__startswith="Bench ").delete()
        Dialogue.objects.filter(title__startswith="Bench ").delete()
        WorkingGroupSession.objects.filter(number__gte=900).delete()
        Organization.objects.filter(name__startswith="Bench org ").delete()
        groups = list(WorkingGroup.objects.all())
        today = timezone.localdate()
        dialogues = []
        for index in range(DIALOGUES):
            session = WorkingGroupSession.objects.create(
                working_group=groups[index % 5],
                number=900 + index,
                starts_on=today + timedelta(days=70 + index),
                ends_on=today + timedelta(days=72 + index),
            )
            starts = end_of_vienna_day(session.ends_on + timedelta(days=1)) - timedelta(hours=10)
            dates = vars(deadlines.default_dates(starts))
            dialogues.append(
                Dialogue.objects.create(
                    session=session,
                    title=f"Bench dialogue {index}",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=3),
                    format="hybrid",
                    status="closed",
                    **dates,
                )
            )
        organizations = Organization.objects.bulk_create(
            Organization(
                name=f"Bench org {n}",
                kind=["ngo", "academia", "private_sector"][n % 3],
                country=["KE", "PE", "AT", "TH", "NG"][n % 5],
                email=f"b{n}@bench.invalid",
                postal_address="x",
                mission="x",
            )
            for n in range(PER_DIALOGUE)
        )
        statuses = ["submitted", "screened_in", "circulated", "approved", "confirmed"]
        applications = Application.objects.bulk_create(
            Application(
                organization=org,
                dialogue=dialogue,
                statement="Benchmark statement",
                status=statuses[n % 5],
                travel_support_requested=n % 4 == 0,
            )
            for dialogue in dialogues
            for n, org in enumerate(organizations)
        )
        clusters = list(Cluster.objects.all())
        through = Application.expertise_clusters.through
        through.objects.bulk_create(
            through(application_id=a.pk, cluster_id=clusters[n % 4].pk)
            for n, a in enumerate(applications)
        )
        Representative.objects.bulk_create(
            Representative(application=a, name="Bench person", email="p@bench.invalid")
            for a in applications
        )
        user, _ = User.objects.get_or_create(email="bench-staff@bench.invalid")
        if not RoleGrant.objects.filter(user=user, role=Role.SECRETARIAT).exists():
            RoleGrant.objects.create(user=user, role=Role.SECRETARIAT)
            TOTP.activate(user, generate_totp_secret())
    return dialogues, user


def session_cookie(user) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def hammer(url: str, cookie: str | None) -> tuple[float, list[float]]:
    timings, lock, errors = [], threading.Lock(), []
    per_thread = REQUESTS // CONCURRENCY

    def worker():
        for _ in range(per_thread):
            request = urllib.request.Request(url)  # noqa: S310 (loopback http only)
            if cookie:
                request.add_header("Cookie", f"sessionid={cookie}")
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                response.read()
                if response.status != 200:
                    errors.append(response.status)
            with lock:
                timings.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    assert not errors, errors
    return len(timings) / elapsed, sorted(timings)


def main() -> None:
    django_ready("portal.settings.test")
    from django.db import connection

    print(f"database: {connection.vendor}")
    started = time.perf_counter()
    dialogues, staff = load_data()
    print(
        f"loaded {DIALOGUES} dialogues x {PER_DIALOGUE} applications in "
        f"{time.perf_counter() - started:.1f} s"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "false",
    }
    from django.conf import settings

    env["DJANGO_SECRET_KEY"] = settings.SECRET_KEY  # so that the session cookie is valid
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "3",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health/", timeout=2)
                break
            except Exception:  # not up yet
                time.sleep(0.2)
        cookie = session_cookie(staff)
        pages = [
            ("public dialogue list", f"http://127.0.0.1:{PORT}/dialogues/", None),
            (
                "queue (50 a page of 500)",
                f"http://127.0.0.1:{PORT}/staff/dialogues/{dialogues[0].pk}/applications/",
                cookie,
            ),
        ]
        print(
            f"{'page':32} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8}   ({REQUESTS} requests, "
            f"{CONCURRENCY} at once)"
        )
        for name, url, page_cookie in pages:
            hammer(url, page_cookie)  # warm up
            rate, timings = hammer(url, page_cookie)
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(f"{name:32} {rate:7.1f} {statistics.median(timings):8.1f} {p95:8.1f}")
    finally:
        server.terminate()
        server.wait(timeout=20)

    from engagement import exports
    from engagement.models import Application

    applications = list(
        Application.objects.filter(dialogue=dialogues[0])
        .select_related("organization")
        .prefetch_related("expertise_clusters", "expertise_instruments")
    )
    started = time.perf_counter()
    pdf = exports.as_pdf(dialogues[0], applications, participants=False)
    print(
        f"PDF list of {len(applications)} applicants: {time.perf_counter() - started:.2f} s, "
        f"{len(pdf) // 1024} KiB"
    )


if __name__ == "__main__":
    main()
