"""Django's admin in the browser: reached through the portal's sign-in and second factor only."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from playwright.sync_api import Page, expect

from portal.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]
PASSWORD = "a long passphrase 2026"


def test_staff_reach_the_admin_through_the_portal_sign_in_and_second_factor(
    live_server, page: Page
):
    user = User.objects.create_superuser(email="root@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)

    page.goto(live_server.url + "/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/$"))
    page.get_by_label("Email").fill("root@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))

    page.goto(live_server.url + "/admin/")  # no way round the second factor
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    expect(page.get_by_role("heading", name="Site administration")).to_have_count(0)
    counters = list(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def test_the_health_page_names_each_part(live_server, page: Page):
    response = page.goto(live_server.url + "/health/")
    assert response.headers["content-type"].startswith("text/html")
    assert "camera=()" in response.headers["permissions-policy"]
    expect(page.get_by_role("heading", name="Health of the portal")).to_be_visible()
    for part in ("Database", "Cache", "Broker", "Deadline sweeps"):
        expect(page.get_by_role("rowheader", name=part)).to_be_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Database"))
    expect(row.get_by_text("ok", exact=True)).to_be_visible()
