"""Carry on without a service that is down: the cache (Redis) and the task queue (its broker).

After a failed call the portal stops trying the service for a pause (``RETRY_AFTER`` seconds
for the cache, ``BROKER_RETRY_AFTER`` for the task queue, whose work the outbox sweep picks up
anyway), so that an outage costs each request nothing instead of a connection attempt per
call; a warning is logged on every failed attempt (at most one per pause and process) and once
when the service answers again. What the portal does meanwhile is the caller's fallback: the
cache answers as empty, emails wait in the outbox for the sweep.
"""

import logging
import threading
import time

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds between attempts while a service is down
BROKER_RETRY_AFTER = 30.0


class Breaker:
    def __init__(self, name: str, pause: float | None = None):
        self.name = name
        self.pause = pause  # None: RETRY_AFTER
        self._retry_at = 0.0
        self._down = False
        self._lock = threading.Lock()

    def available(self) -> bool:
        """Whether to try the service now (it answered last time, or the pause is over)."""
        return time.monotonic() >= self._retry_at

    def failed(self, error: Exception) -> None:
        pause = RETRY_AFTER if self.pause is None else self.pause
        with self._lock:
            self._down = True
            self._retry_at = time.monotonic() + pause
        logger.warning(
            "%s is unreachable (%s: %s); carrying on without it, next attempt in %s s",
            self.name,
            error.__class__.__name__,
            error,
            pause,
        )

    def reset(self) -> None:
        with self._lock:
            self._down, self._retry_at = False, 0.0

    def succeeded(self) -> None:
        if self._down:
            with self._lock:
                self._down, self._retry_at = False, 0.0
            logger.warning("%s answers again", self.name)


_breakers: dict[str, Breaker] = {}


def breaker(name: str, pause: float | None = None) -> Breaker:
    """The process's breaker for the service called ``name``."""
    if name not in _breakers:
        _breakers.setdefault(name, Breaker(name, pause))
    return _breakers[name]


def breakers_reset() -> None:
    """Forget every outage (between tests, so that one test's outage does not leak)."""
    for each in _breakers.values():
        each.reset()


def redact(url: str) -> str:
    """A service URL without its credentials, for logs and /health/."""
    return url.split("@")[-1] if "@" in url else url


def enqueue(task, **kwargs) -> bool:
    """Hand ``task`` to the broker, or return False at once when the broker is unreachable.

    Callers keep their own record of the work (an outbox row, an export's status) so that
    nothing is lost: a sweep, or the user, starts it again.
    """
    eager = task.app.conf.task_always_eager  # embedded mode: the task runs here and now
    broker = breaker("The task queue (Celery broker)", BROKER_RETRY_AFTER)
    if not eager and not broker.available():
        return False
    try:
        task.delay(**kwargs)
    except Exception as error:  # any failure to publish: kombu wraps the transport's errors
        if eager:
            logger.exception("Task %s failed in the web process", task.name)
        else:
            broker.failed(error)
        return False
    if not eager:
        broker.succeeded()
    return True
