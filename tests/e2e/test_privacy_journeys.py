"""A person downloads everything the portal holds about them, then deletes their account."""

import json

import pytest
from playwright.sync_api import Page, expect

from engagement.models import Membership
from portal.models import User
from tests.factories import UserFactory
from tests.factories.engagement import OrganizationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def person(login_as):
    user = UserFactory(email="eve@example.org", full_name="Eve Otieno")
    organization = OrganizationFactory(name="Lakeside Rights Collective")
    Membership.objects.create(organization=organization, user=user, is_admin=True)
    colleague = UserFactory(email="colleague@example.org")
    Membership.objects.create(organization=organization, user=colleague, is_admin=True)
    return login_as(user)


def test_a_person_downloads_their_data(live_server, page: Page, person):
    page.goto(live_server.url + "/accounts/privacy/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data (JSON)").click()
    assert download.value.suggested_filename == "my-data.json"
    data = json.loads(download.value.path().read_text())
    assert data["account"]["email"] == "eve@example.org"
    assert data["account"]["full_name"] == "Eve Otieno"
    assert [m["organization"] for m in data["organizations"]] == ["Lakeside Rights Collective"]


def test_a_person_deletes_their_account_with_their_password(live_server, page: Page, person):
    page.goto(live_server.url + "/accounts/privacy/")
    page.get_by_label("Your password, to confirm:").fill("not my password")
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_text("This is not your password.")).to_be_visible()
    assert User.objects.filter(email="eve@example.org").exists()

    page.get_by_label("Your password, to confirm:").fill("correct horse battery staple")
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_text("Your account and personal data have been deleted.")).to_be_visible()
    assert not User.objects.filter(email="eve@example.org").exists()
    assert Membership.objects.filter(organization__name="Lakeside Rights Collective").count() == 1
    page.goto(live_server.url + "/accounts/privacy/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/accounts/privacy/")
