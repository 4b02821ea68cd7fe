"""Shared fixtures: reference data in the test database, service checks, browser settings."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from portal.breaker import breakers_reset
from portal.health import check_broker

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_sessionstart(session):
    """Configured services must be reachable: fail the run, never skip silently."""

    if settings.REDIS_URL:
        ok, detail = check_broker()
        if not ok:
            pytest.exit(f"REDIS_URL is set but Redis is unreachable: {detail}", returncode=3)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data once for every test that uses the database."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate-limit counters, cached values and outages never leak from one test into another."""

    breakers_reset()
    cache.clear()
    yield


@pytest.fixture
def reference_data(transactional_db):
    """Reference data for transactional tests (live server), whose database is flushed."""
    call_command("load_reference_data", verbosity=0)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
