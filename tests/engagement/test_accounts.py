"""Accounts: email sign-up with verification, rate limits, enumeration prevention, MFA."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.models import OutboundEmail, Role, User
from tests.factories import UserFactory, grant_role

pytestmark = pytest.mark.django_db
PASSWORD = "a long passphrase 2026"


def _verified_user(email="person@example.org"):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def test_signup_records_the_name_and_requires_verification(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "new@example.org",
                "full_name": "Nadia Haddad",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.full_name == "Nadia Haddad"
    assert not EmailAddress.objects.get(user=user).verified
    row = OutboundEmail.objects.get(to="new@example.org")
    assert row.template == "account/email/email_confirmation_signup"
    assert row.status == OutboundEmail.Status.SENT
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "new@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    path = link.split("testserver", 1)[1]
    response = client.post(path)
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("engagement:organization-list")).status_code == 200


def test_failed_logins_are_rate_limited(client):
    _verified_user()
    for _attempt in range(5):
        response = client.post(
            reverse("account_login"), {"login": "person@example.org", "password": "wrong password"}
        )
        assert "The email address and/or password you specified are not correct." in (
            response.content.decode()
        )
    response = client.post(
        reverse("account_login"), {"login": "person@example.org", "password": PASSWORD}
    )
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_does_not_reveal_whether_an_account_exists(
    client, django_capture_on_commit_callbacks
):
    _verified_user()
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse("account_reset_password"), {"email": "person@example.org"})
        unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert sorted(m.to[0] for m in mail.outbox) == ["nobody@example.org", "person@example.org"]


def test_role_without_authenticator_is_sent_to_set_it_up(client):
    user = grant_role(_verified_user(), Role.SECRETARIAT, mfa=False)
    client.force_login(user)
    for url in ("/", reverse("engagement:staff-dialogue-list"), reverse("engagement:pledge-list")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("account_logout")).status_code == 200


def test_role_with_authenticator_and_applicants_pass(client):
    staff = grant_role(_verified_user("staff@example.org"), Role.SECRETARIAT)
    client.force_login(staff)
    assert client.get(reverse("engagement:staff-dialogue-list")).status_code == 200
    client.force_login(_verified_user("applicant@example.org"))
    assert client.get(reverse("engagement:organization-list")).status_code == 200


def test_revoked_role_no_longer_requires_mfa(client):
    user = grant_role(_verified_user(), Role.BUREAU, mfa=False)
    grant = user.role_grants.get()

    grant.revoked_at = timezone.now()
    grant.save()
    client.force_login(user)
    assert client.get("/").status_code == 200
