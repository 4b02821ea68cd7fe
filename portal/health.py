"""Checks of the services the portal depends on, shared by /health/ and check_services."""

import psycopg2
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from psycopg2 import sql

from portal.celery import app


def _redact(url: str) -> str:
    return url.split("@")[-1] if "@" in url else url


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True, connection.vendor
    except Exception as error:  # any failure means unreachable
        return False, f"{connection.vendor}: {error}"


def check_cache() -> tuple[bool, str]:
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    probe = getattr(cache, "probe", None)  # a cache that hides its outages tells them here
    try:
        if probe is not None:
            probe()
        cache.set("health-check", "ok", 10)
        if cache.get("health-check") != "ok":
            return False, f"{backend}: value not read back"
        return True, backend
    except Exception as error:
        return False, f"{backend}: {error}"


def check_broker() -> tuple[bool, str]:
    """Connect to the Celery broker (Redis), or report the eager embedded mode."""
    if not settings.REDIS_URL:
        return True, "eager (no broker in embedded mode)"

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=3)
        return True, _redact(settings.REDIS_URL)
    except Exception as error:
        return False, f"{_redact(settings.REDIS_URL)}: {error}"


def create_database_if_missing() -> str | None:
    """Create the configured PostgreSQL database when the server is up but lacks it.

    Returns the name created, or None (not PostgreSQL, or it exists already). Connection
    failures propagate: an unreachable server must fail loudly.
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return None

    name = database["NAME"]
    connection_args = {
        "dbname": "postgres",
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "host": database.get("HOST") or None,
        "port": database.get("PORT") or None,
        "connect_timeout": 5,
    }
    server = psycopg2.connect(**{k: v for k, v in connection_args.items() if v is not None})
    server.autocommit = True
    try:
        with server.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return None
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return name
    finally:
        server.close()
