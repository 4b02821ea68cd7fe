"""Queue a background task once the current transaction commits, naming the task.

Tasks are thin wrappers that import the services they call; a service that imported its task in
turn would close an import cycle. So a service names the task (``"portal.send_email"``) and this
helper finds it in the Celery app's registry when the transaction commits. With no transaction
open, the task is queued at once.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from .breaker import enqueue
from .celery import app


def task_lookup(name: str):
    """The registered Celery task called ``name`` (tasks modules are imported on first use)."""
    if name not in app.tasks:
        # Outside a worker, tasks modules load lazily. Import them directly: Celery's own
        # import_default_modules() runs django.setup() again, which reconfigures logging
        # in the middle of a request.
        autodiscover_modules("tasks")
    return app.tasks[name]


def task_after_commit(
    name: str, *, if_not_queued: Callable[[], object] | None = None, **kwargs
) -> None:
    """Queue the task ``name`` with ``kwargs`` (ids, never model instances) after commit.

    The task queue may be unreachable (``portal.breaker``): the request that wrote the rows
    still succeeds, and ``if_not_queued`` runs instead, so that the caller's own record says
    what happens next (an outbox row waits for the sweep, an export says it failed).
    """

    def send() -> None:
        if not enqueue(task_lookup(name), **kwargs) and if_not_queued is not None:
            if_not_queued()

    transaction.on_commit(send)
