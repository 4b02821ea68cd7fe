"""A task crosses the real Redis broker to a real worker process and back."""

import uuid

import pytest
from django.conf import settings

from portal.celery import app
from portal.tasks import ping
from tests.portal.workers import start_worker

pytestmark = pytest.mark.services


@pytest.fixture
def worker_queue():
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: the embedded mode has no broker (CI sets it)")
    queue = f"test-{uuid.uuid4().hex[:10]}"
    worker = start_worker(queue)
    yield queue
    worker.terminate()
    worker.wait(timeout=20)


@pytest.fixture
def not_eager():
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager


def test_task_runs_on_a_real_worker_over_redis(worker_queue, not_eager):
    token = uuid.uuid4().hex
    result = ping.apply_async(kwargs={"token": token}, queue=worker_queue)
    answer = result.get(timeout=60)
    assert answer["token"] == token
    assert result.status == "SUCCESS"
    assert app.conf.broker_url.startswith("redis://")
