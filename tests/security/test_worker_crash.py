"""A Celery worker killed (SIGKILL) in the middle of a batch of emails loses none and sends none
twice: a real worker process sends to a real SMTP server, dies at a chosen point of the SMTP
conversation, and a new worker finishes the batch."""

import asyncio
import os
import signal
import threading
import time
import uuid
from collections import Counter
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from portal.celery import app
from portal.models import OutboundEmail
from portal.services.outbox import message_id
from portal.tasks import send_emails
from tests.portal.workers import start_worker
from tests.security.outage import free_port
from tests.security.production import production_env

pytestmark = pytest.mark.services
VISIBILITY_TIMEOUT = 2  # seconds before a task of a dead worker is handed to another
BATCH = 10


class Catcher:
    """An SMTP server that records the Message-ID of every message it accepts, and holds one
    command at a chosen point (the worker is killed while it waits for the answer)."""

    def __init__(self, *, hold: str, after: int):
        self.hold, self.after = hold, after  # the command to hold, after so many messages
        self.accepted: list[str] = []
        self.holding, self.released = threading.Event(), threading.Event()

    async def _maybe_hold(self, command: str) -> None:
        held = command in self.hold.split("|") and len(self.accepted) == self.after
        if held and not self.holding.is_set():
            self.holding.set()
            while not self.released.is_set():
                await asyncio.sleep(0.05)

    async def handle_MAIL(self, server, session, envelope, address, options):
        await self._maybe_hold("MAIL")
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):
        await self._maybe_hold("RCPT")
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.accepted.append(message_from_bytes(envelope.content)["Message-ID"])
        return "250 Message accepted for delivery"

    async def handle_QUIT(self, server, session, envelope):
        await self._maybe_hold("QUIT")
        return "221 Bye"


@pytest.fixture
def worker_environment(transactional_db):
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL (PostgreSQL) and REDIS_URL, as CI sets them")
    db = connection.settings_dict
    database = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return production_env(
        DATABASE_URL=f"{database}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT),
    )


@pytest.fixture
def not_eager():

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out waiting for {what}")
        time.sleep(0.2)


@pytest.mark.parametrize(
    "hold",
    [
        pytest.param("RCPT", id="killed-while-handing-over-a-message"),
        pytest.param("MAIL|QUIT", id="killed-right-after-a-message-was-accepted"),
    ],
)
def test_a_worker_killed_mid_batch_loses_and_doubles_no_email(worker_environment, not_eager, hold):
    emails = [
        OutboundEmail.objects.create(
            to=f"person{index}@example.org",
            subject=f"Message {index}",
            body_text="Hello",
            template="test/notice",
        )
        for index in range(BATCH)
    ]
    catcher = Catcher(hold=hold, after=4)
    port = free_port()
    smtp = Controller(catcher, hostname="127.0.0.1", port=port)
    smtp.start()
    environment = {**worker_environment, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port)}
    queue = f"crash-{uuid.uuid4().hex[:8]}"
    workers = [start_worker(queue, **environment)]
    try:
        send_emails.apply_async(kwargs={"email_ids": [e.pk for e in emails]}, queue=queue)
        _wait(catcher.holding.is_set, 90, "the worker to reach the fifth message")
        os.kill(workers[0].pid, signal.SIGKILL)
        workers[0].wait(timeout=30)
        catcher.released.set()
        sent = OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).count()
        assert sent == 4  # each accepted message was recorded as sent before the next one

        time.sleep(VISIBILITY_TIMEOUT + 1)  # the dead worker's task is now visible again
        workers.append(start_worker(queue, **environment))
        _wait(
            lambda: not OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).exists(),
            90,
            "a new worker to finish the batch",
        )
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=30)
        smtp.stop()

    counts = Counter(catcher.accepted)
    assert {message_id(email): counts[message_id(email)] for email in emails} == {
        message_id(email): 1 for email in emails
    }
    assert len(catcher.accepted) == BATCH
