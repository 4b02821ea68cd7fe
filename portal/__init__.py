"""Project package: settings, URLs, the Celery app and the portal-wide models (users)."""

from .celery import app as celery_app

__all__ = ("celery_app",)
