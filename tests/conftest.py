"""Shared fixtures: reference data in the test database, service checks, browser settings."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

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
def english_between_tests():
    """A request leaves its language active in the thread (LocaleMiddleware does not reset
    it): every test starts, and ends, in English, so reverse() gives unprefixed addresses."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate-limit counters, cached values and outages never leak from one test into another."""

    breakers_reset()
    _clear_own_cache_keys()
    yield


def _clear_own_cache_keys() -> None:
    """Empty the cache; on Redis only this worker's keys, since parallel workers share it."""
    if isinstance(caches["default"], RedisCache):
        client = cache._cache.get_client(None, write=True)
        keys = list(client.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test empties every table when it ends: put the reference data back.

    Test processes run modules in any order, so the next test on this process may be one that
    expects the States, bodies and instruments loaded at the start of the session.
    """
    yield
    if nextitem is not None and _flushes_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            call_command("load_reference_data", verbosity=0)


def _flushes_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        {"transactional_db", "live_server"} & set(item.fixturenames)
        or (marker and marker.kwargs.get("transaction"))
    )


@pytest.fixture
def reference_data(transactional_db):
    """Reference data for transactional tests (live server): loaded at the start of the session
    and put back after every flush, by the teardown hook above."""


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
