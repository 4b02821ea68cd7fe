"""The portal on its embedded database (a SQLite file), served by gunicorn in processes of its
own, for the concurrency test: ``SqlitePortal`` migrates a fresh file, fills it (``seed``),
serves it with two worker processes of four threads each, and reads the outcome (``outcome``).

``seed`` and ``outcome`` run in a child process (Django set up first) under the portal's
settings with ``DATABASE_URL`` naming the SQLite file; they print JSON.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.test import Client

from engagement.models import (
    Application,
    ApplicationStatusChange,
    Dialogue,
    Membership,
    Organization,
    Representative,
)
from instruments.models import Cluster
from portal.models import OutboundEmail, Role
from tests.factories import (
    ApplicationFactory,
    DialogueFactory,
    OrganizationFactory,
    UserFactory,
    grant_role,
)

CSRF = "c" * 32  # a CSRF secret of our choosing, sent as the cookie and as the form field
SETTINGS = "portal.settings.test"  # the suite's (eager tasks, emails kept in the outbox)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SqlitePortal:
    def __init__(self, folder: Path):
        self.folder = folder
        self.database = folder / "portal.sqlite3"
        self.port = _free_port()
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "PYTEST_XDIST_WORKER"}
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            DATABASE_URL=f"sqlite:///{self.database}",
            REDIS_URL="",
        )
        self.server: subprocess.Popen | None = None
        self.log = folder / "gunicorn.log"

    def python(self, code: str, timeout: int = 300) -> str:
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=settings.BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stderr[-4000:]
        return result.stdout

    def manage(self, *args: str) -> None:
        self.python(
            "import sys; from django.core.management import execute_from_command_line; "
            f"execute_from_command_line(['manage.py', *{list(args)!r}])"
        )

    def call(self, function: str, *args) -> dict:
        """``tests.security.sqlite_portal.<function>(*args)`` in the server's environment."""
        out = self.python(
            "import json, django; django.setup(); "
            f"from tests.security.sqlite_portal import {function}; "
            f"print(json.dumps({function}(*{list(args)!r})))"
        )
        return json.loads(out.strip().splitlines()[-1])

    def start(self) -> None:
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("load_reference_data", "--verbosity", "0")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.server = subprocess.Popen(
            [
                str(gunicorn),
                "portal.wsgi",
                f"--bind=127.0.0.1:{self.port}",
                "--workers=2",
                "--threads=4",
                "--timeout=60",
                "--log-level=warning",
            ],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.server.poll() is None, self.log.read_text()[-4000:]
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("gunicorn did not start: " + self.log.read_text()[-4000:])

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()

    def post(self, path: str, data: dict, *, session: str) -> tuple[int, str]:
        """POST ``data`` (a form) as the holder of ``session``: the status and the body."""
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": CSRF}, doseq=True)
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=body.encode(),
            headers={
                "Cookie": f"sessionid={session}; csrftoken={CSRF}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            method="POST",
        )
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# --- run in the server's environment ------------------------------------------------------------

ORGANIZATION_FORM = {
    "acronym": "RLA",
    "kind": "ngo",
    "country": "PE",
    "countries_of_work": ["PE", "BO"],
    "ecosoc_status": "none",
    "ecosoc_year": "",
    "website": "rla.example.org",
    "email": "info@rla.example.org",
    "phone": "+51 1 234",
    "postal_address": "Jr. Ejemplo 123, Lima",
    "mission": "Legal aid for migrants.",
    "expertise_instruments": [],
    "expertise_text": "Smuggling of migrants",
}


def _session(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def seed(applicants: int, waiting: int) -> dict:
    """An organization with two admins; ``applicants`` organizations with an admin each and a
    complete profile; a dialogue taking applications; a closed dialogue with ``waiting``
    submitted applications; two secretariat officers. Returns ids and session keys."""
    organization = OrganizationFactory(name="Riverside Legal Aid")
    editors = UserFactory.create_batch(2)
    for editor in editors:
        Membership.objects.create(organization=organization, user=editor, is_admin=True)
    applying = []
    for _index in range(applicants):
        admin = UserFactory()
        Membership.objects.create(organization=OrganizationFactory(), user=admin, is_admin=True)
        applying.append(_session(admin))
    open_dialogue = DialogueFactory()
    closed = DialogueFactory(status=Dialogue.Status.CLOSED)
    ApplicationFactory.create_batch(waiting, dialogue=closed)
    officers = [grant_role(UserFactory(), Role.SECRETARIAT) for _ in range(2)]
    return {
        "organization": organization.pk,
        "cluster": Cluster.objects.get(number=2).pk,
        "editors": [_session(editor) for editor in editors],
        "applicants": applying,
        "open_dialogue": open_dialogue.pk,
        "closed_dialogue": closed.pk,
        "waiting": list(closed.applications.values_list("pk", flat=True)),
        "officers": [_session(officer) for officer in officers],
    }


def outcome(organization_id: int, open_dialogue_id: int, closed_dialogue_id: int) -> dict:
    applied = Application.objects.filter(dialogue_id=open_dialogue_id)
    closed = Application.objects.filter(dialogue_id=closed_dialogue_id)
    with connection.cursor() as cursor:
        journal_mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    return {
        "journal_mode": journal_mode,
        "name": Organization.objects.get(pk=organization_id).name,
        "applications": list(
            applied.values("organization_id").annotate(n=Count("id")).values_list("n", flat=True)
        ),
        "applied_statuses": sorted(set(applied.values_list("status", flat=True))),
        "submissions": list(
            ApplicationStatusChange.objects.filter(application__in=applied, to_status="submitted")
            .values("application_id")
            .annotate(n=Count("id"))
            .values_list("n", flat=True)
        ),
        "representatives": list(
            Representative.objects.filter(application__in=applied)
            .values("application_id")
            .annotate(n=Count("id"))
            .values_list("n", flat=True)
        ),
        "received_emails": _duplicates(OutboundEmail, "emails/engagement/application_received"),
        "decided_statuses": sorted(set(closed.values_list("status", flat=True))),
        "screenings": list(
            ApplicationStatusChange.objects.filter(application__in=closed, to_status="screened_in")
            .values("application_id")
            .annotate(n=Count("id"))
            .values_list("n", flat=True)
        ),
        "screened_in_emails": _duplicates(
            OutboundEmail, "emails/engagement/application_screened_in"
        ),
        "still_staged": closed.exclude(staged_status="").count(),
    }


def _duplicates(model, template: str) -> list[int]:
    """How many emails of ``template`` were queued, and how many to one address about one
    object (which should be as many)."""
    sent = model.objects.filter(template=template)
    return [sent.count(), sent.values("related_id", "to").distinct().count()]
