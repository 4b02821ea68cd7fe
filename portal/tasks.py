"""Portal-wide tasks."""

from celery import shared_task


@shared_task(name="portal.ping")
def ping(*, token: str) -> dict:
    """Answer with the token and the worker's host name: proves a worker consumed the task."""
    import socket

    return {"token": token, "host": socket.gethostname()}
