"""Accounts in the browser: sign-up to a shared organization, and MFA for the secretariat."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from playwright.sync_api import Page, expect

from engagement.models import Membership, Organization
from portal.models import OutboundEmail, Role
from tests.factories import UserFactory, grant_role

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]
PASSWORD = "a long passphrase 2026"


def _link_in_latest_email(to: str, pattern: str) -> str:
    message = OutboundEmail.objects.filter(to=to).latest("id")
    return re.search(pattern, message.body_text).group(0)


def _sign_up_and_verify(page: Page, live_server, email: str, name: str) -> None:
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    link = _link_in_latest_email(email, r"https?://\S+/accounts/confirm-email/\S+/")
    assert link.startswith(live_server.url)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    assert EmailAddress.objects.get(email=email).verified


def test_sign_up_verify_create_organization_and_invite_a_colleague(
    live_server, page: Page, browser
):
    _sign_up_and_verify(page, live_server, "founder@example.org", "Grace Mwangi")
    page.get_by_role("link", name="My organizations").click()
    page.get_by_role("button", name="Register an organization").click()
    page.get_by_label("Name:", exact=True).fill("Lakeside Rights Collective")
    page.get_by_label("Type").select_option("ngo")
    page.get_by_label("Country of headquarters").select_option("KE")
    page.get_by_label("Email address").fill("info@lakeside.example.org")
    page.get_by_label("Postal address").fill("PO Box 7, Kisumu")
    page.get_by_label("Mission statement").fill("Supporting survivors of trafficking.")
    page.get_by_label("Trafficking in Persons Protocol").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Lakeside Rights Collective")).to_be_visible()
    expect(page.get_by_text("The profile has what an application needs.")).to_be_visible()

    page.get_by_label("Colleague's email address").fill("colleague@example.org")
    page.get_by_role("button", name="Send an invitation").click()
    expect(page.get_by_text("Invitation sent to colleague@example.org.")).to_be_visible()
    invitation_path = _link_in_latest_email("colleague@example.org", r"/invitations/\S+/")

    colleague_context = browser.new_context()
    colleague = colleague_context.new_page()
    colleague.set_default_timeout(10_000)
    _sign_up_and_verify(colleague, live_server, "colleague@example.org", "Peter Otieno")
    colleague.goto(live_server.url + invitation_path)
    colleague.get_by_role("button", name="Accept the invitation").click()
    expect(colleague.get_by_text("Welcome to Lakeside Rights Collective.")).to_be_visible()
    organization = Organization.objects.get(name="Lakeside Rights Collective")
    assert sorted(m.user.email for m in Membership.objects.filter(organization=organization)) == [
        "colleague@example.org",
        "founder@example.org",
    ]

    colleague.goto(live_server.url + invitation_path)
    colleague.get_by_role("button", name="Accept the invitation").click()
    expect(colleague.get_by_text("This invitation has already been used.")).to_be_visible()
    colleague.wait_for_load_state("networkidle")
    colleague_context.close()


def test_secretariat_is_forced_through_mfa_then_reaches_staff_pages(live_server, page: Page):
    officer = UserFactory(email="officer@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=officer, email=officer.email, verified=True, primary=True)
    grant_role(officer, Role.SECRETARIAT, mfa=False)

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill("officer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_text("Your role requires two-factor authentication.")).to_be_visible()
    # allauth asks for the password again before an authenticator is added.
    expect(page.get_by_role("heading", name="Confirm Access")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Activate Authenticator App")).to_be_visible()

    page.goto(live_server.url + "/staff/roles/")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))

    secret = page.locator("#authenticator_secret").input_value()

    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]
    page.get_by_label("Authenticator code").fill(format_hotp_value(hotp_value(secret, counter)))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text("Authenticator app activated.")).to_be_visible()

    page.goto(live_server.url + "/staff/roles/")
    expect(page.get_by_role("heading", name="Roles", exact=True)).to_be_visible()
    page.get_by_text("Secretariat", exact=True).click()
    page.get_by_role("link", name="Organizations", exact=True).click()
    expect(page.get_by_role("heading", name="Organizations", exact=True)).to_be_visible()
