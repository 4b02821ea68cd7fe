"""Sweeps against the real services: a Celery worker over Redis on PostgreSQL, sweeps run
twice at once, and a sweep that fails half-way then completes on the next run."""

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from engagement.models import Application, Dialogue
from engagement.services import sweeps
from engagement.workflows import applications as workflow
from portal.celery import app
from portal.models import OutboundEmail, SweepRecord
from portal.tasks import run_deadline_sweeps
from tests.factories import ApplicationFactory, DialogueFactory
from tests.portal.workers import start_worker

S = Application.Status


@pytest.fixture
def worker_on_test_database(transactional_db):
    """A real worker process sharing this test's PostgreSQL database and Redis."""
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL (PostgreSQL) and REDIS_URL, as CI sets them")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    queue = f"sweeps-{uuid.uuid4().hex[:8]}"
    worker = start_worker(queue, pool="threads", concurrency=2, DATABASE_URL=url)
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield queue
    app.conf.task_always_eager = eager
    worker.terminate()
    worker.wait(timeout=30)


@pytest.mark.services
def test_two_concurrent_sweeps_on_a_real_worker_send_each_reminder_once(
    worker_on_test_database, reference_data
):
    application = ApplicationFactory(status=S.APPROVED)
    application.confirmation_deadline = timezone.now() + timedelta(days=5)
    application.save()
    results = [run_deadline_sweeps.apply_async(queue=worker_on_test_database) for _ in range(2)]
    outcomes = [result.get(timeout=120) for result in results]
    queued = [o["applications_remind_confirmation"]["reminders_queued"] for o in outcomes]
    assert sorted(queued) == [0, 1]  # both runs looked; one queued the reminder
    reminders = OutboundEmail.objects.filter(template="emails/engagement/confirmation_reminder")
    assert reminders.count() == 1
    assert reminders.get().status == OutboundEmail.Status.SENT
    assert SweepRecord.objects.get(name="applications_remind_confirmation").last_success_at


@pytest.mark.django_db
def test_a_sweep_that_fails_half_way_is_completed_by_the_next_without_duplicates(
    monkeypatch, django_capture_on_commit_callbacks
):
    dialogue = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    applications = ApplicationFactory.create_batch(3, dialogue=dialogue, status=S.CIRCULATED)
    after_window = dialogue.objection_deadline + timedelta(seconds=1)
    real = workflow.transition_locked
    calls = {"n": 0}

    def crash_on_second(application, target, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ConnectionError("worker lost mid-sweep")
        return real(application, target, **kwargs)

    monkeypatch.setattr("engagement.workflows.applications.transition_locked", crash_on_second)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ConnectionError):
        sweeps.applications_settle_objection_window(now=after_window)
    assert Application.objects.filter(status=S.APPROVED).count() == 1

    monkeypatch.setattr("engagement.workflows.applications.transition_locked", real)
    with django_capture_on_commit_callbacks(execute=True):
        assert sweeps.applications_settle_objection_window(now=after_window) == {
            "approved": 2,
            "referred": 0,
        }
        assert sweeps.applications_settle_objection_window(now=after_window) == {
            "approved": 0,
            "referred": 0,
        }
    assert Application.objects.filter(status=S.APPROVED).count() == 3
    approvals = OutboundEmail.objects.filter(template="emails/engagement/application_approved")
    assert sorted(approvals.values_list("to", flat=True)) == sorted(
        a.organization.email for a in applications
    )
