"""Queue a background task once the current transaction commits, naming the task.

Tasks are thin wrappers that import the services they call; a service that imported its task in
turn would close an import cycle. So a service names the task (``"portal.send_email"``) and this
helper finds it in the Celery app's registry when the transaction commits. With no transaction
open, the task is queued at once.
"""

import logging

from django.db import transaction

from .celery import app

logger = logging.getLogger(__name__)


def task_lookup(name: str):
    """The registered Celery task called ``name`` (tasks modules are imported on first use)."""
    if name not in app.tasks:
        app.loader.import_default_modules()  # outside a worker, tasks modules load lazily
    return app.tasks[name]


def task_after_commit(name: str, *, swept_if_lost: bool = False, **kwargs) -> None:
    """Queue the task ``name`` with ``kwargs`` (ids, never model instances) after commit.

    ``swept_if_lost``: a periodic sweep does the work if the task never runs (e.g. the outbox
    sends queued messages), so a broker that cannot be reached is logged, not raised: the
    request that wrote the rows still succeeds.
    """

    def send() -> None:
        task = task_lookup(name)
        try:
            task.delay(**kwargs)
        except Exception:
            if not swept_if_lost:
                raise
            logger.warning("Task %s%s stays for the sweep: it could not be queued", name, kwargs)

    transaction.on_commit(send)
