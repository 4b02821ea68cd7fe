"""Failed sign-ins are limited per client, and the client is the address the trusted proxies
report: behind the TLS proxy every connection comes from the proxy's own address."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.factories import UserFactory
from tests.security.production import production_settings

pytestmark = pytest.mark.django_db
PASSWORD = "a long passphrase 2026"
PROXY = "10.0.0.2"  # the TLS proxy, on the private network
TOO_MANY = "Too many failed login attempts. Try again later."


def _verified_user(email):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _fail(client, attempt, **meta):
    """One failed sign-in, each for another address, so that only the per-client limit counts."""
    return client.post(
        reverse("account_login"),
        {"login": f"nobody{attempt}@example.org", "password": "wrong password"},
        **meta,
    )


@pytest.fixture(scope="module")
def production_proxies():
    """What production settings trust by default: one proxy, on a private or local network."""
    return production_settings("ALLAUTH_TRUSTED_PROXY_COUNT", "TRUSTED_PROXY_NETWORKS")


@pytest.fixture
def behind_one_proxy(settings, production_proxies):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = production_proxies["ALLAUTH_TRUSTED_PROXY_COUNT"] or 0
    settings.TRUSTED_PROXY_NETWORKS = production_proxies["TRUSTED_PROXY_NETWORKS"] or []


def test_the_proxy_count_and_networks_come_from_the_environment():
    configured = production_settings(
        "ALLAUTH_TRUSTED_PROXY_COUNT",
        "TRUSTED_PROXY_NETWORKS",
        TRUSTED_PROXY_COUNT="2",
        TRUSTED_PROXY_NETWORKS="192.168.10.0/24",
    )
    assert configured == {
        "ALLAUTH_TRUSTED_PROXY_COUNT": 2,
        "TRUSTED_PROXY_NETWORKS": ["192.168.10.0/24"],
    }


def test_failures_of_one_client_behind_the_proxy_do_not_lock_out_another(client, behind_one_proxy):
    _verified_user("b@example.org")
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    for attempt in range(5):
        assert TOO_MANY not in _fail(client, attempt, **attacker).content.decode()
    assert TOO_MANY in _fail(client, 5, **attacker).content.decode()

    response = client.post(
        reverse("account_login"),
        {"login": "b@example.org", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.20",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_an_address_the_client_adds_in_front_is_not_trusted(client, behind_one_proxy):
    """Through the proxy, a forged X-Forwarded-For gets the real address appended."""
    for attempt in range(5):
        forged = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"192.0.2.{attempt}, 198.51.100.7"}
        _fail(client, attempt, **forged)
    forged = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "192.0.2.99, 198.51.100.7"}
    assert TOO_MANY in _fail(client, 5, **forged).content.decode()


def test_a_direct_client_cannot_escape_the_limit_with_a_forged_header(client, behind_one_proxy):
    """A client that reaches the web server without the proxy (from a public address) is
    keyed on its own address whatever X-Forwarded-For it sends."""
    for attempt in range(5):
        _fail(
            client, attempt, REMOTE_ADDR="203.0.113.50", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}"
        )
    response = _fail(client, 5, REMOTE_ADDR="203.0.113.50", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert TOO_MANY in response.content.decode()


def test_without_trusted_proxies_the_header_is_ignored(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for attempt in range(5):
        _fail(client, attempt, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
    response = _fail(client, 5, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert TOO_MANY in response.content.decode()


def test_fewer_forwarded_addresses_than_proxies_is_no_error(client, settings):
    """A request that skipped the outer proxy carries one address where two are expected: it is
    keyed on the address the inner proxy wrote, not refused with a server error."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    for attempt in range(5):
        response = _fail(client, attempt, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
        assert response.status_code == 200
    assert (
        TOO_MANY
        in _fail(client, 5, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7").content.decode()
    )
    other = _fail(client, 6, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert TOO_MANY not in other.content.decode()
