"""Django's admin is no way round the portal's sign-in: no login form of its own, the second
factor required, and off in production unless the operator enables it."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from portal.models import User
from tests.security.production import run_production

pytestmark = pytest.mark.django_db
PASSWORD = "a long passphrase 2026"


def _superuser(*, secret: str | None):
    user = User.objects.create_superuser(email="root@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if secret:
        TOTP.activate(user, secret)
    return user


def _code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def test_the_admin_login_page_sends_to_the_portal_sign_in(client):
    response = client.get("/admin/login/?next=/admin/portal/user/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/portal/user/"
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1] == (reverse("account_login") + "?next=/admin/", 302)


def test_the_admin_login_form_cannot_skip_the_second_factor(client):
    _superuser(secret=generate_totp_secret())
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "root@example.org", "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def _sign_in_with_second_factor(client, secret: str) -> None:
    client.post(reverse("account_login"), {"login": "root@example.org", "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": _code(secret)})


def test_the_admin_requires_the_second_factor(client):
    secret = generate_totp_secret()
    _superuser(secret=secret)
    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": "root@example.org", "password": PASSWORD},
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    page = client.get("/admin/")
    assert page.status_code == 200
    assert "Site administration" in page.content.decode()


def test_a_session_without_the_second_factor_is_asked_for_it(client):
    """Staff signed in some other way (here: directly) confirm the second factor first."""
    secret = generate_totp_secret()
    client.force_login(_superuser(secret=secret))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get(response["Location"])
    assert response["Location"] == reverse("mfa_reauthenticate") + "?next=/admin/"
    response = client.post(response["Location"], {"code": _code(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_signed_in_without_staff_status_the_admin_is_not_found(client):
    user = User.objects.create_user(email="person@example.org", password=PASSWORD)
    client.force_login(user)
    assert client.get("/admin/login/?next=/admin/").status_code == 404


def test_staff_without_an_authenticator_set_one_up_before_the_admin(client):
    client.force_login(_superuser(secret=None))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_the_admin_password_change_is_the_portals(client):
    secret = generate_totp_secret()
    _superuser(secret=secret)
    _sign_in_with_second_factor(client, secret)
    response = client.get("/admin/password_change/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_change_password")


RESOLVE_ADMIN = (
    "import django; django.setup(); from django.urls import resolve, Resolver404\n"
    "try:\n    resolve('/admin/'); print('admin on')\n"
    "except Resolver404:\n    print('admin off')\n"
)


def test_production_has_no_admin_unless_enabled():
    assert run_production(["-c", RESOLVE_ADMIN]).stdout.strip() == "admin off"
    enabled = run_production(["-c", RESOLVE_ADMIN], ADMIN_ENABLED="true")
    assert enabled.stdout.strip() == "admin on", enabled.stderr
