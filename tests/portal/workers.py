"""Start a real Celery worker process for the tests that need one."""

import os
import subprocess
import sys

from django.conf import settings


def start_worker(
    queue: str, *, pool: str = "solo", concurrency: int = 1, **environment: str
) -> subprocess.Popen:
    """A worker consuming only ``queue`` (so that it never takes a running portal's tasks),
    with the test settings and the extra ``environment``."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **environment}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool",
            pool,
            "--concurrency",
            str(concurrency),
            "--queues",
            queue,
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )
