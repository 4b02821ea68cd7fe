"""Production settings pass Django's deployment check as documented, every response carries a
Permissions-Policy, and the demo data (known passwords) cannot reach a production database."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.security.production import production_settings, run_production

ROOT = Path(settings.BASE_DIR)


def test_check_deploy_is_clean_with_only_the_required_variables():
    result = run_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_https_and_secure_cookies_are_on_by_default():
    assert production_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
    ) == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }


def test_the_local_mirror_turns_them_off_by_its_variables():
    assert production_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        SECURE_COOKIES="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
    ) == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
    }
    makefile = (ROOT / "Makefile").read_text()
    services = makefile.split("\nservices:", 1)[1].split("\n\n", 1)[0]
    for variable in ("SECURE_COOKIES", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"):
        assert f"{variable}=" in services, variable


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/", "/dialogues/", "/accounts/login/", "/health/", "/no-such-page/", "/staff/roles/"],
)
def test_every_response_carries_a_permissions_policy(client, path):
    response = client.get(path)
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


@pytest.mark.django_db
def test_the_https_redirect_carries_it_too_and_spares_the_health_check(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production_settings("SECURE_REDIRECT_EXEMPT")[
        "SECURE_REDIRECT_EXEMPT"
    ]
    client = Client()
    redirect = client.get("/dialogues/")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://testserver/dialogues/"
    assert "camera=()" in redirect["Permissions-Policy"]
    assert client.get("/health/").status_code in (200, 503)  # answered over plain HTTP


@pytest.mark.parametrize("command", [["load_demo_data"], ["demo_totp", "secretariat@demo.invalid"]])
def test_demo_commands_refuse_to_run_on_production_settings(tmp_path, command):
    database = tmp_path / "production.sqlite3"
    result = run_production(["manage.py", *command], DATABASE_URL=f"sqlite:///{database}")
    assert result.returncode != 0
    assert "Demo data is not allowed with production settings" in result.stderr
    assert not database.exists()
