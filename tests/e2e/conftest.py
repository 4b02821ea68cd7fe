"""Browser-test helpers."""

import pytest
from django.test import Client


@pytest.fixture
def login_as(live_server, page):
    """Sign ``user`` in for the browser by giving it a session cookie of the live server."""

    def sign_in(user):
        client = Client()
        client.force_login(user)
        page.context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        return user

    return sign_in


@pytest.fixture(autouse=True)
def fail_fast(page):
    """Ten seconds is plenty on a local server; a missing element fails quickly. Afterwards,
    wait for the page's requests to finish."""
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(20_000)
    yield
    # Let requests in flight finish while the test database is still shared with the server.
    page.wait_for_load_state("networkidle")
