"""Files in a real browser: a PDF/HTML polyglot uploaded by an organization reaches the
secretariat as a download that runs nothing, and a nomination letter downloads for the
secretariat and its own organization but is 404 for another."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from engagement.models import Membership
from portal.models import Role
from tests.factories import ApplicationFactory, OrganizationFactory, UserFactory, grant_role
from tests.security.samples import POLYGLOT_GLOBAL, html_polyglot, js_polyglot, pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]
RAN = f"() => window.{POLYGLOT_GLOBAL} === true"


@pytest.fixture
def page_for(browser, live_server):
    """A page of its own browser context signed in as ``user``; every context is closed once
    its requests are done, before the live server stops."""
    contexts = []

    def open_page(user) -> Page:
        client = Client()
        client.force_login(user)
        context = browser.new_context(accept_downloads=True)
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        for page in context.pages:
            page.wait_for_load_state("networkidle")
        context.close()


def _watch_dialogs(page: Page) -> list[str]:
    seen = []

    def record(dialog):
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return seen


@pytest.fixture
def organization_a(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    organization = OrganizationFactory(name="Organization A")
    admin = UserFactory(email="admin-a@example.org")
    Membership.objects.create(organization=organization, user=admin, is_admin=True)
    return organization, admin


def test_the_probe_sees_a_polyglot_run_when_a_browser_is_given_it_as_a_page(live_server, page_for):
    """The check the next test relies on: served as HTML and JavaScript from the portal's
    origin (as /media/ served them before), the polyglot runs and is seen."""
    page = page_for(UserFactory())
    dialogs = _watch_dialogs(page)
    page.route(
        f"{live_server.url}/probe/poly.html",
        lambda route: route.fulfill(body=html_polyglot("/probe/poly.js"), content_type="text/html"),
    )
    page.route(
        f"{live_server.url}/probe/poly.js",
        lambda route: route.fulfill(body=js_polyglot(), content_type="text/javascript"),
    )
    page.goto(f"{live_server.url}/probe/poly.html")
    page.wait_for_function(RAN)
    assert dialogs == ["polyglot"]


def test_a_polyglot_upload_reaches_the_secretariat_as_a_download_that_runs_nothing(
    live_server, page_for, organization_a
):
    organization, admin = organization_a
    application = ApplicationFactory(organization=organization)
    officer_user = grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT)

    # The organization sends two "PDFs": a PDF/JS polyglot, then a PDF/HTML polyglot that
    # loads the first from the portal's own origin.
    applicant = page_for(admin)
    applicant.goto(live_server.url + application.get_absolute_url())
    applicant.get_by_label("Or a PDF (at most 10 MB)").set_input_files(
        {"name": "poly.js", "mimeType": "text/javascript", "buffer": js_polyglot()}
    )
    applicant.get_by_role("button", name="Send the comments").click()
    expect(applicant.get_by_text("Your written comments are received.")).to_be_visible()
    script_url = applicant.get_by_role("link", name="PDF", exact=True).first.get_attribute("href")
    assert re.fullmatch(r"/files/written-comments/\d+/[0-9a-f]{32}\.pdf", script_url)
    applicant.get_by_label("Or a PDF (at most 10 MB)").set_input_files(
        {"name": "poly.html", "mimeType": "text/html", "buffer": html_polyglot(script_url)}
    )
    applicant.get_by_role("button", name="Send the comments").click()
    expect(applicant.get_by_role("link", name="PDF", exact=True)).to_have_count(2)
    page_url = applicant.get_by_role("link", name="PDF", exact=True).nth(1).get_attribute("href")

    # A secretariat officer opens both from the queue: each is a PDF download, nothing runs.
    officer = page_for(officer_user)
    dialogs = _watch_dialogs(officer)
    officer.goto(f"{live_server.url}/staff/dialogues/{application.dialogue_id}/applications/")
    links = officer.get_by_role("link", name=re.compile(r"Written comments of .* \(PDF\)"))
    expect(links).to_have_count(2)
    for index in range(2):
        with officer.expect_download() as download:
            links.nth(index).click()
        name = download.value.suggested_filename
        assert re.fullmatch(r"written-comments-organization-a-\d{8}-\d{4}\.pdf", name)
        assert Path(download.value.path()).read_bytes() in (
            js_polyglot(),
            html_polyglot(script_url),
        )
    assert not officer.evaluate(RAN)

    # Opened directly in a tab of its own, the HTML polyglot is still only a download.
    tab = officer.context.new_page()
    dialogs += _watch_dialogs(tab)
    with (
        tab.expect_download(),
        pytest.raises(PlaywrightError, match=r"Download is starting|ERR_ABORTED"),
    ):
        tab.goto(live_server.url + page_url)
    assert tab.url in ("about:blank", "")
    assert not tab.evaluate(RAN)
    # Even loaded as a script by a page, the JS polyglot is refused (nosniff, application/pdf).
    probe = officer.context.new_page()
    dialogs += _watch_dialogs(probe)
    probe.goto(live_server.url + "/")
    loaded = probe.evaluate(
        """url => new Promise(resolve => {
            const script = document.createElement("script");
            script.src = url;
            script.onload = () => resolve("loaded");
            script.onerror = () => resolve("refused");
            document.head.append(script);
        })""",
        script_url,
    )
    assert loaded == "refused"
    assert not probe.evaluate(RAN)
    assert dialogs == []


def test_a_nomination_letter_downloads_for_the_secretariat_and_its_organization_only(
    live_server, page_for, organization_a
):
    organization, admin = organization_a
    application = ApplicationFactory(organization=organization)
    application.nomination_letter.save("anything.html", ContentFile(pdf_bytes()))
    officer_user = grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT)
    other = UserFactory(email="member-b@example.org")
    Membership.objects.create(organization=OrganizationFactory(name="Organization B"), user=other)
    expected_name = f"nomination-letter-organization-a-{application.dialogue_id}.pdf"

    officer = page_for(officer_user)
    officer.goto(f"{live_server.url}/staff/dialogues/{application.dialogue_id}/applications/")
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Nomination letter (PDF)").click()
    assert download.value.suggested_filename == expected_name
    assert Path(download.value.path()).read_bytes() == pdf_bytes()

    member = page_for(admin)
    member.goto(live_server.url + application.get_absolute_url())
    link = member.get_by_role("link", name="Nomination letter (PDF)")
    url = link.get_attribute("href")
    with member.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == expected_name
    assert Path(download.value.path()).read_bytes() == pdf_bytes()

    # Another organization's member, and an account in no organization: neither the file nor
    # the application's page exists for them.
    for user in (other, UserFactory(email="alone@example.org")):
        outsider = page_for(user)
        for address in (url, application.get_absolute_url()):
            response = outsider.goto(live_server.url + address)
            assert response.status == 404
            expect(outsider.get_by_role("heading", name="Page not found")).to_be_visible()
