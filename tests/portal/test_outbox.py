"""The outbox: recorded before sending, sent once, retried, failed visibly, resent."""

import smtplib
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from celery.exceptions import Retry
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from portal.models import OutboundEmail
from portal.services import outbox
from portal.tasks import send_email, send_emails
from portal.workflows.outbox import OutboxError

pytestmark = pytest.mark.django_db
TEST_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@pytest.fixture(autouse=True)
def test_templates(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEST_TEMPLATES]}
    ]


class FailingBackend(BaseEmailBackend):
    """An email backend whose SMTP server refuses every message."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection unexpectedly closed")


def test_queued_message_is_a_row_first_and_sent_after_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = outbox.email_queue(
            to="a@example.org", template="emails/test/notice", context={"name": "Amina"}
        )
    assert email.status == OutboundEmail.Status.QUEUED
    assert email.subject == "Notice for Amina"
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.attempts == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["a@example.org"]
    assert sent.body == "Hello Amina,\n\nThis is a notice.\n"
    assert sent.alternatives[0][1] == "text/html"


def test_text_only_template_has_no_html_part(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = outbox.email_queue(
            to="b@example.org", template="emails/test/plain", context={"name": "Bo"}
        )
    assert email.body_html == ""
    assert mail.outbox[0].alternatives == []


def test_same_dedupe_key_is_queued_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = outbox.email_queue(
            to="c@example.org",
            template="emails/test/plain",
            context={"name": "C"},
            dedupe_key="reminder:7:app:1",
        )
        second = outbox.email_queue(
            to="c@example.org",
            template="emails/test/plain",
            context={"name": "C"},
            dedupe_key="reminder:7:app:1",
        )
    assert first is not None and second is None
    assert OutboundEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_sending_the_same_row_twice_sends_once():
    email = OutboundEmail.objects.create(
        to="d@example.org", subject="S", body_text="B", template="emails/test/plain"
    )
    outbox.email_send(email.pk)
    assert outbox.email_send(email.pk) is None
    assert len(mail.outbox) == 1


def test_smtp_failure_is_recorded_retried_then_marked_failed(settings):
    settings.EMAIL_BACKEND = "tests.portal.test_outbox.FailingBackend"
    email = OutboundEmail.objects.create(
        to="e@example.org", subject="S", body_text="B", template="emails/test/plain"
    )
    for attempt in range(1, outbox.MAX_ATTEMPTS):
        with pytest.raises(smtplib.SMTPServerDisconnected):
            outbox.email_send(email.pk)
        email.refresh_from_db()
        assert (email.status, email.attempts) == (OutboundEmail.Status.QUEUED, attempt)
        assert "connection unexpectedly closed" in email.last_error
    outbox.email_send(email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED
    assert email.attempts == outbox.MAX_ATTEMPTS


def test_task_retries_smtp_errors(settings):
    settings.EMAIL_BACKEND = "tests.portal.test_outbox.FailingBackend"
    email = OutboundEmail.objects.create(
        to="f@example.org", subject="S", body_text="B", template="emails/test/plain"
    )
    assert smtplib.SMTPException in send_email.autoretry_for
    assert send_email.acks_late is True
    with pytest.raises(Retry, match="SMTPServerDisconnected"):
        send_email.apply(kwargs={"email_id": email.pk}, throw=True)
    email.refresh_from_db()
    assert email.attempts >= 1 and email.status != OutboundEmail.Status.SENT


def test_failed_message_can_be_resent(django_capture_on_commit_callbacks):
    email = OutboundEmail.objects.create(
        to="g@example.org",
        subject="S",
        body_text="B",
        template="emails/test/plain",
        status=OutboundEmail.Status.FAILED,
        attempts=5,
    )
    with django_capture_on_commit_callbacks(execute=True):
        outbox.email_resend(email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1
    with pytest.raises(OutboxError):
        outbox.email_resend(email.pk)


def test_broker_down_keeps_the_request_and_the_sweep_sends_later(
    monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(**kwargs):
        raise OSError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(send_email, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        email = outbox.email_queue(
            to="h@example.org", template="emails/test/plain", context={"name": "H"}
        )
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.QUEUED
    assert mail.outbox == []

    assert outbox.emails_send_queued() == {"sent": 0, "errors": 0}  # too fresh to be lost
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        assert outbox.emails_send_queued() == {"sent": 1, "errors": 0}
        assert outbox.emails_send_queued() == {"sent": 0, "errors": 0}
    assert len(mail.outbox) == 1


def test_a_batch_hands_its_messages_to_one_task_per_hundred(
    monkeypatch, django_capture_on_commit_callbacks
):

    batches = []
    monkeypatch.setattr(send_emails, "delay", lambda **kwargs: batches.append(kwargs))
    monkeypatch.setattr(send_email, "delay", lambda **kwargs: pytest.fail("one task each"))
    with django_capture_on_commit_callbacks(execute=True), outbox.email_batch():
        for index in range(150):
            outbox.email_queue(
                to=f"p{index}@example.org",
                template="emails/test/plain",
                context={"name": str(index)},
            )
    assert [len(batch["email_ids"]) for batch in batches] == [100, 50]
    result = send_emails.apply(kwargs=batches[0]).get()
    assert result == {"sent": 100, "failed": 0}
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).count() == 100
