"""Pages under load, as ratios to a bare Django page measured in the same run.

Loads 20 dialogues x 500 applications (bench/dialogue_pages.py's data), then serves the portal
(production settings) and the bare baseline (bench/baseline/site.py: a 50-row table through a
template) with gunicorn, the same number of workers each, and drives every page with wrk
(`make load-tool` installs it) holding CONNECTIONS connections for SECONDS seconds. Prints
requests/s, p50 and p99 latency, and the share of the baseline's requests/s per page, with the
issue's target beside it. The baseline is measured first and last; the ratio uses their mean.

Uses DATABASE_URL (PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/portal_bench; the bench
rows are replaced) and REDIS_URL. BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_WORKERS and
BENCH_PAGES (a comma-separated subset of the page names) shorten a run; BENCH_LANGUAGES (e.g.
"en,ar,zh-hans") measures the public pages again at each language's address.
"""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

from _setup import ROOT, django_ready

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "20"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
LANGUAGES = [code for code in os.environ.get("BENCH_LANGUAGES", "en").split(",") if code]
PORTAL_PORT, BASELINE_PORT = 8097, 8098
PUBLIC, SIGNED_IN = 0.50, 0.15


def wrk(url: str, cookie: str | None) -> dict:
    """One wrk run: requests/s, p50 and p99 in ms, and the count of non-2xx/3xx answers."""
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: sessionid={cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def _check_answers_200(url: str, cookie: str | None) -> None:
    """A page measured must be the page itself: a redirect or an error would measure nothing."""
    request = urllib.request.Request(url)  # noqa: S310 (loopback http only)
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}")
    opener = urllib.request.build_opener(_NoRedirect)
    with opener.open(request, timeout=60) as response:
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}, not the page")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


@contextmanager
def gunicorn(app: str, port: int, env: dict, chdir):
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
            "--chdir",
            str(chdir),
        ],
        env=env,
    )
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except Exception:  # not up yet
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def signed_in_users(dialogues, staff):
    """The secretariat officer of the bench data and a member of an organization with 20
    applications; returns their session cookies."""
    from django.test import Client

    from engagement.models import Membership, Organization
    from portal.models import User

    member, _ = User.objects.get_or_create(email="bench-member@bench.invalid")
    organization = Organization.objects.get(name="Bench org 0")
    Membership.objects.get_or_create(user=member, organization=organization)
    cookies = {}
    for key, user in (("staff", staff), ("member", member)):
        client = Client()
        client.force_login(user)
        cookies[key] = client.cookies["sessionid"].value
    return cookies


def pages(dialogues, cookies):
    """(name, path, cookie, target share of the baseline) for every page of the issue's table."""
    from instruments.models import Cluster, Instrument

    instrument, cluster = Instrument.objects.order_by("pk").first(), Cluster.objects.first()
    public = [
        ("home", "/"),
        ("dialogue list", "/dialogues/"),
        ("a dialogue", f"/dialogues/{dialogues[0].pk}/"),
        ("review cycle", "/reviews/"),
        ("States list", "/reviews/states/"),
        ("a State (Kenya)", "/reviews/states/KEN/"),
        ("instruments", "/instruments/"),
        ("an instrument", f"/instruments/{instrument.slug}/"),
        ("clusters", "/clusters/"),
        ("a cluster", f"/clusters/{cluster.slug}/"),
        ("compilation", "/compilation/"),
        ("history", "/history/"),
        ("pledges", "/pledges/"),
    ]
    signed_in = [
        ("queue (50 of 500)", f"/staff/dialogues/{dialogues[0].pk}/applications/", "staff"),
        ("an organization's applications", "/applications/", "member"),
        ("States list (secretariat)", "/reviews/states/", "staff"),
    ]
    return [
        (name if language == "en" else f"{name} [{language}]", _at(language, path), None, PUBLIC)
        for language in LANGUAGES
        for name, path in public
    ] + [(name, path, cookies[who], SIGNED_IN) for name, path, who in signed_in]


def _at(language: str, path: str) -> str:
    """A page's address in a language: English unprefixed, the others under their code."""
    return path if language == "en" else f"/{language}{path}"


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is missing: `make load-tool` installs it")
        return 2
    subprocess.run(
        [sys.executable, "manage.py", "check_services", "--create-database"], cwd=ROOT, check=True
    )
    django_ready("portal.settings.test")
    from dialogue_pages import load_data
    from django.conf import settings
    from django.db import connection

    print(
        f"database: {connection.vendor}; gunicorn workers: {WORKERS}; wrk: {CONNECTIONS} "
        f"connections for {SECONDS} s a page"
    )
    dialogues, staff = load_data()
    cookies = signed_in_users(dialogues, staff)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the session cookies above stay valid
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "false",  # plain HTTP on the loopback: no redirect to HTTPS
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    chosen = {name.strip() for name in os.environ.get("BENCH_PAGES", "").split(",") if name}
    rows, failed = [], []
    baseline_env = {
        key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"
    }
    with (
        gunicorn("baseline.site:application", BASELINE_PORT, baseline_env, ROOT / "bench") as base,
        gunicorn("portal.wsgi", PORTAL_PORT, env, ROOT) as portal,
    ):
        wrk(f"{base}/", None)  # warm up
        first = wrk(f"{base}/", None)
        for name, path, cookie, target in pages(dialogues, cookies):
            if chosen and name.split(" [")[0] not in chosen:
                continue
            _check_answers_200(f"{portal}{path}", cookie)
            wrk(f"{portal}{path}", cookie)  # warm up
            rows.append((name, target, wrk(f"{portal}{path}", cookie)))
        last = wrk(f"{base}/", None)
    baseline = (first["rps"] + last["rps"]) / 2
    print("\n| page | requests/s | p50 ms | p99 ms | share of the bare template | target |")
    print("|---|---|---|---|---|---|")
    print(
        f"| bare Django, 50-row template | {baseline:.0f} | {first['p50']:.1f} | "
        f"{first['p99']:.1f} | 100% (first {first['rps']:.0f}, last {last['rps']:.0f}) | |"
    )
    for name, target, result in rows:
        share = result["rps"] / baseline
        met = "met" if share >= target and not result["errors"] else "NOT met"
        if met != "met":
            failed.append(name)
        errors = f", {result['errors']} errors" if result["errors"] else ""
        print(
            f"| {name} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} | "
            f"{share:.0%}{errors} | ≥ {target:.0%} {met} |"
        )
    print(f"\n{len(rows) - len(failed)} of {len(rows)} pages meet their target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
