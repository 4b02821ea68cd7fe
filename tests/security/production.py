"""Run code under the production settings, in a process of its own (settings are read once)."""

import json
import os
import subprocess
import sys

from django.conf import settings

SECRET = "production-test-secret-" + "x" * 40
# What an operator must set; the rest is left at its production default.
REQUIRED = {"DJANGO_SECRET_KEY": SECRET, "ALLOWED_HOSTS": "portal.example.org,testserver"}
# Variables of the developer's shell that would change a production default under test.
UNSET = (
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "TRUSTED_PROXY_COUNT",
    "TRUSTED_PROXY_NETWORKS",
    "ADMIN_ENABLED",
    "DJANGO_DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the suite for its browser tests
)


def production_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **REQUIRED)
    env.update(overrides)
    return env


def run_production(
    args: list[str], *, timeout: int = 120, **overrides: str
) -> subprocess.CompletedProcess:
    """``python <args>`` in the project directory under production settings."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=production_env(**overrides),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def production_settings(*names: str, **overrides: str) -> dict:
    """The values of the named settings under production settings (JSON, else their repr)."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}, "
        "default=repr))"
    )
    result = run_production(["-c", script], **overrides)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
