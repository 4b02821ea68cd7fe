"""The Celery application.

Broker and result backend come from ``REDIS_URL`` through the Django settings (``CELERY_*``).
Without Redis, settings make tasks run eagerly so that the embedded mode still does its work.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.local")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
