"""Settings for the test suite: the same services as the environment names, faster hashing."""

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process in tests; the worker test switches this off for its own calls.
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if REDIS_URL:
    # Keep test keys apart from a running portal's.
    CACHES["default"]["KEY_PREFIX"] = "portal-test"
