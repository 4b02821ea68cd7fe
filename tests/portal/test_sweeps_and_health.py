from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from portal.models import SweepRecord

pytestmark = pytest.mark.django_db


def test_health_is_unhealthy_until_sweeps_have_run(client):
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["cache"]["ok"] is True
    assert body["sweeps"]["ok"] is False


def test_health_ok_after_a_sweep_and_503_after_three_intervals(client, settings):
    settings.DEADLINE_SWEEP_INTERVAL = 300
    call_command("run_deadlines", verbosity=0)
    record = SweepRecord.objects.get(name="emails_send_queued")
    assert record.last_success_at is not None
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"

    with time_machine.travel(timezone.now() + timedelta(seconds=3 * 300 - 5)):
        assert client.get("/health/").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(seconds=3 * 300 + 5)):
        response = client.get("/health/")
        assert response.status_code == 503
        assert response.json()["sweeps"]["last_success"]["emails_send_queued"]["fresh"] is False


def test_a_failing_sweep_is_recorded_and_does_not_stop_the_others(settings):
    settings.DEADLINE_SWEEPS = [
        "tests.portal.test_sweeps_and_health.broken_sweep",
        "portal.services.outbox.emails_send_queued",
    ]
    call_command("run_deadlines", verbosity=0)
    broken = SweepRecord.objects.get(name="broken_sweep")
    assert broken.last_success_at is None
    assert "RuntimeError: database said no" in broken.last_error
    assert SweepRecord.objects.get(name="emails_send_queued").last_success_at is not None


def broken_sweep(now=None):
    raise RuntimeError("database said no")
