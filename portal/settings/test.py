"""Settings for the test suite: the same services as the environment names, faster hashing."""

import re

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, env

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
    # Tests clear the cache between tests: give them a Redis database of their own, and each
    # parallel worker (pytest-xdist) a key prefix of its own, which tests/conftest.py clears.
    CACHES["default"]["KEY_PREFIX"] = "portal-test-" + env("PYTEST_XDIST_WORKER", default="main")
    # TEST_REDIS_DB lets two checkouts run their suites side by side on one Redis server.
    test_db = env.int("TEST_REDIS_DB", default=15)
    CACHES["default"]["LOCATION"] = re.sub(r"/\d+$", "", REDIS_URL.rstrip("/")) + f"/{test_db}"
