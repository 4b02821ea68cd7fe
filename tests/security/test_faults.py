"""Faults the portal survives: Redis unreachable (sign-in, applying, confirming and the staff
decisions still work; emails wait in the outbox and leave once Redis is back) and /health/
naming the part that is down."""

import json
import re
import time
from datetime import timedelta
from urllib.parse import urlparse

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.models import Application, Dialogue, Membership
from engagement.services.notifications import confirm_token
from portal.models import OutboundEmail, Role
from portal.services.outbox import email_queue_rendered
from tests.factories import (
    ApplicationFactory,
    DialogueFactory,
    OrganizationFactory,
    UserFactory,
    grant_role,
)
from tests.security.outage import Gate, Silent, celery_broker, free_port
from tests.security.production import production_settings, run_production

pytestmark = pytest.mark.django_db
PASSWORD = "a long passphrase 2026"
S = Application.Status


def _use_production_cache(settings, redis_url: str) -> None:
    """The cache and session settings production derives from ``REDIS_URL``."""
    production = production_settings("CACHES", "SESSION_ENGINE", REDIS_URL=redis_url)
    settings.CACHES = production["CACHES"]
    settings.SESSION_ENGINE = production["SESSION_ENGINE"]
    settings.REDIS_URL = redis_url  # what the health checks read, with or without REDIS_URL set


@pytest.fixture(params=["refusing", "hanging"])
def redis_down(request, settings):
    """Redis unreachable: nothing listens on its port, or it accepts and never answers."""
    silent = Silent() if request.param == "hanging" else None
    url = f"redis://127.0.0.1:{silent.port if silent else free_port()}/0"
    _use_production_cache(settings, url)
    with celery_broker(url):
        yield url
    if silent:
        silent.close()


class Timed(Client):
    """A client whose every request must end before gunicorn's worker timeout (30 s): a
    longer request is killed and the user sees an error page."""

    def request(self, **request):
        started = time.monotonic()
        response = super().request(**request)
        assert time.monotonic() - started < 30, request["PATH_INFO"]
        return response


def _person(email: str, *, role=None, **scope):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if role is None:
        return user, None
    grant_role(user, role, mfa=False, **scope)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def _sign_in(client: Client, email: str, secret: str | None = None) -> None:
    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 302, re.findall(
        r'<ul class="errorlist[^"]*">.*?</ul>', response.content.decode(), re.S
    )
    if secret:
        assert response["Location"] == reverse("mfa_authenticate")
        counters = list(yield_hotp_counters_from_time())
        code = format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))
        response = client.post(reverse("mfa_authenticate"), {"code": code})
        assert response.status_code == 302
    assert client.session["_auth_user_id"]


def _apply_data(dialogue, organization):
    return {
        "organization": organization.pk,
        "dialogues": [dialogue.pk],
        "statement": "We run shelters for survivors.",
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "1",
        "people-MAX_NUM_FORMS": "10",
        "people-0-name": "Amina",
        "people-0-function": "Director",
        "people-0-email": "amina@example.org",
        "people-0-attendance": "in_person",
        "submit": "1",
    }


def test_production_sessions_never_depend_on_redis_alone():
    configured = production_settings("SESSION_ENGINE", REDIS_URL="redis://127.0.0.1:6379/0")
    assert configured["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_with_redis_unreachable_people_sign_in_apply_confirm_and_staff_decide(
    redis_down, caplog, django_capture_on_commit_callbacks
):
    organization = OrganizationFactory()
    applicant, _ = _person("applicant@example.org")
    Membership.objects.create(organization=organization, user=applicant, is_admin=True)

    ngo = Timed()
    _sign_in(ngo, "applicant@example.org")
    dialogue = DialogueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = ngo.post(reverse("engagement:apply"), _apply_data(dialogue, organization))
    assert response.status_code == 302
    assert Application.objects.get(organization=organization).status == S.SUBMITTED

    approved = ApplicationFactory(status=S.APPROVED, organization=organization)
    approved.confirmation_deadline = approved.dialogue.confirmation_deadline
    approved.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = Timed().post(
            reverse("engagement:application-confirm", args=[confirm_token(approved)]), follow=True
        )
    assert "Attendance confirmed." in response.content.decode()
    approved.refresh_from_db()
    assert approved.status == S.CONFIRMED

    _, staff_secret = _person("officer@example.org", role=Role.SECRETARIAT)
    staff = Timed()
    _sign_in(staff, "officer@example.org", staff_secret)
    closed = DialogueFactory(status=Dialogue.Status.CLOSED)
    first, second = ApplicationFactory.create_batch(2, dialogue=closed)
    staff.post(
        reverse("engagement:staff-queue-decide", args=[closed.pk]),
        {"applications": [first.pk, second.pk], "action": S.SCREENED_IN},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(reverse("engagement:staff-queue-release", args=[closed.pk]))
    assert response.status_code == 302
    assert set(Application.objects.filter(dialogue=closed).values_list("status", flat=True)) == {
        S.SCREENED_IN
    }

    _, bureau_secret = _person("bureau@example.org", role=Role.BUREAU)
    bureau = Timed()
    _sign_in(bureau, "bureau@example.org", bureau_secret)
    referred = ApplicationFactory(status=S.REFERRED)
    with django_capture_on_commit_callbacks(execute=True):
        response = bureau.post(
            reverse("engagement:bureau-referrals"),
            {"application": referred.pk, "decision": "approve", "reason": "Not substantiated."},
        )
    assert response.status_code == 302
    referred.refresh_from_db()
    assert referred.status == S.APPROVED

    queued = OutboundEmail.objects.all()
    assert queued.count() >= 4  # received, confirmed, two screened in, approved
    assert set(queued.values_list("status", flat=True)) == {OutboundEmail.Status.QUEUED}
    assert mail.outbox == []
    # The broker may first fail while a fixture queues an email (a pause of 30 s follows).
    records = caplog.get_records("setup") + caplog.records
    warnings = [r.getMessage() for r in records if r.levelname == "WARNING"]
    assert any(w.startswith("The Redis cache at ") and "unreachable" in w for w in warnings)
    assert any(w.startswith("The task queue (Celery broker) is unreachable") for w in warnings)
    assert any(w.endswith("stays queued: the task could not be enqueued") for w in warnings)


def test_with_redis_unreachable_a_letter_export_says_so_instead_of_failing(
    redis_down, django_capture_on_commit_callbacks
):
    _, secret = _person("officer@example.org", role=Role.SECRETARIAT)
    staff = Timed()
    _sign_in(staff, "officer@example.org", secret)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(reverse("engagement:staff-letter-exports"), {"state": "KEN"})
    assert response.status_code == 302
    page = staff.get(response["Location"]).content.decode()
    assert "The task queue is unreachable: request the export again in a few minutes." in page


@pytest.mark.services
def test_once_redis_answers_again_limits_count_and_queued_emails_leave(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: no Redis to lose and get back (CI sets it)")
    real = urlparse(settings.CACHES["default"]["LOCATION"])
    gate = Gate(real.hostname, real.port or 6379)
    gate.open()
    _use_production_cache(settings, gate.url + real.path)
    monkeypatch.setattr("portal.breaker.RETRY_AFTER", 0.2)

    _person("member@example.org")
    cache.set("warm", "pooled connection")  # a connection Redis will cut
    with celery_broker(gate.url + real.path):
        gate.shut()
        client = Client()
        for attempt in range(7):  # while Redis is away, failures are not counted
            client.post(
                reverse("account_login"),
                {"login": f"nobody{attempt}@example.org", "password": "wrong password"},
            )
        _sign_in(client, "member@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            email_queue_rendered(
                to="second@example.org", subject="Notice", text="Hello", template="test/notice"
            )
        assert OutboundEmail.objects.get(to="second@example.org").status == "queued"

        gate.open()
        time.sleep(0.3)  # past the breaker's pause: the next call tries Redis again
        health = Client().get("/health/").json()
        assert (health["cache"]["ok"], health["broker"]["ok"]) == (True, True)
        other = Client()
        for attempt in range(5):
            other.post(
                reverse("account_login"),
                {"login": f"again{attempt}@example.org", "password": "wrong password"},
            )
        refused = other.post(
            reverse("account_login"), {"login": "member@example.org", "password": PASSWORD}
        )
        assert "Too many failed login attempts." in refused.content.decode()

        with time_machine.travel(timezone.now() + timedelta(minutes=3)):
            call_command("run_deadlines", verbosity=0)
            call_command("run_deadlines", verbosity=0)
    assert OutboundEmail.objects.get(to="second@example.org").status == "sent"
    assert [m.to for m in mail.outbox].count(["second@example.org"]) == 1
    gate.shut()


def test_health_names_the_cache_and_the_broker_that_are_down(redis_down, client):
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unhealthy"
    assert body["database"]["ok"] is True
    assert body["cache"]["ok"] is False
    assert re.search(r"Connection refused|Timeout reading", body["cache"]["detail"])
    assert body["broker"]["ok"] is False
    assert body["down"] == ["cache", "broker"]

    page = client.get("/health/", HTTP_ACCEPT="text/html,application/xhtml+xml")
    assert page.status_code == 503
    assert page["Content-Type"].startswith("text/html")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.content.decode()))
    assert "Database ok" in text
    assert "Cache down" in text and "Broker down" in text


HEALTH_WITHOUT_DATABASE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
# No collectstatic here: the page's stylesheet links need no manifest.
settings.STORAGES = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
client = Client()
response = client.get("/health/", HTTP_ACCEPT="application/json")
page = client.get("/health/", HTTP_ACCEPT="text/html")
print(json.dumps({"status": response.status_code, "body": response.json(),
                  "page": page.status_code, "html": page.content.decode()}))
"""


def test_health_names_the_database_when_it_is_down():
    result = run_production(
        ["-c", HEALTH_WITHOUT_DATABASE],
        DATABASE_URL=f"postgres://portal@127.0.0.1:{free_port()}/portal",
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["status"] == 503
    assert report["body"]["database"]["ok"] is False
    assert report["body"]["down"] == ["database", "cache", "broker"]
    assert report["page"] == 503
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", report["html"]))
    assert "Database down" in text
