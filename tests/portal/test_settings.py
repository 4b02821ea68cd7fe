"""Settings come from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys

from django.conf import settings


def _start_production(**extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **extra)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _start_production(ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _start_production(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_both_and_serves_static_with_whitenoise():
    result = _start_production(DJANGO_SECRET_KEY="x" * 50, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_vienna_time_and_aware_datetimes():
    assert settings.TIME_ZONE == "Europe/Vienna"
    assert settings.USE_TZ is True


def test_services_follow_the_environment():
    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert engine == "django.db.backends.postgresql"
    else:
        assert engine == "django.db.backends.sqlite3"
    cache = settings.CACHES["default"]["BACKEND"]
    if os.environ.get("REDIS_URL"):
        assert cache.endswith("RedisCache")
        assert settings.CELERY_BROKER_URL == os.environ["REDIS_URL"]
    else:
        assert cache.endswith("LocMemCache")
