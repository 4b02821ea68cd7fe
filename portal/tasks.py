"""Portal-wide tasks: thin wrappers that load by id and call one service."""

import smtplib
import socket

from celery import shared_task

from .services.outbox import email_send, emails_send
from .services.sweeps import sweeps_run_all


@shared_task(name="portal.ping", ignore_result=False)
def ping(*, token: str) -> dict:
    """Answer with the token and the worker's host name: proves a worker consumed the task."""
    return {"token": token, "host": socket.gethostname()}


@shared_task(
    name="portal.send_email",
    acks_late=True,
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=900,
    retry_jitter=True,
    max_retries=4,
    soft_time_limit=60,
    time_limit=90,
)
def send_email(*, email_id: int) -> str:
    """Send one outbox row. SMTP and network errors are retried with backoff; after the last
    attempt the row is marked failed for staff to see and resend."""
    email = email_send(email_id)
    return email.status if email else "skipped"


@shared_task(
    name="portal.send_emails",
    acks_late=True,
    soft_time_limit=240,
    time_limit=300,
)
def send_emails(*, email_ids: list[int]) -> dict:
    """Send a batch of outbox rows over one SMTP connection; a row that fails stays queued (or
    becomes failed after its last attempt) and the outbox sweep retries it. Rows already sent
    are skipped, so a batch handed to another worker after a crash sends only the rest."""
    sent, failed = emails_send(email_ids)
    return {"sent": sent, "failed": failed}


@shared_task(
    name="portal.run_deadline_sweeps",
    ignore_result=False,  # its counts are worth reading (only beat publishes it)
    acks_late=True,
    soft_time_limit=240,
    time_limit=300,
)
def run_deadline_sweeps() -> dict:
    """Run every registered sweep once (Celery beat calls this every few minutes)."""
    return sweeps_run_all()
