"""A secretariat officer downloads the States file, puts Kenya in review group 2 in it, uploads
it, checks the preview, applies it and finds the change in the log."""

import pytest
from playwright.sync_api import Page, expect

from portal.models import Role
from reviews.models import ReviewStep, State
from tests.factories import UserFactory, grant_role

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


def test_download_edit_upload_preview_apply_and_find_the_change_in_the_log(
    live_server, page: Page, login_as, tmp_path
):
    login_as(grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT))

    page.goto(live_server.url + "/staff/reviews/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Review data: export and import")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download states.csv").click()
    download = download_info.value
    assert download.suggested_filename.startswith("review-data-states-")
    exported = download.path().read_bytes().decode("utf-8-sig")
    assert exported.startswith(
        "iso3,country,regional_group,review_group,review_languages,review_source\r\n"
    )
    assert "KEN,Kenya,AFRICAN,,,\r\n" in exported
    edited = tmp_path / "states.csv"
    edited.write_bytes(exported.replace("KEN,Kenya,AFRICAN,,,", "KEN,Kenya,AFRICAN,2,,").encode())

    page.get_by_label("CSV file").set_input_files(edited)
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preview of the import")
    kenya_row = page.get_by_role("row").filter(has_text="Kenya")
    expect(kenya_row).to_contain_text("changed")
    expect(kenya_row).to_contain_text("review_group")
    expect(kenya_row.locator("ins")).to_have_text("2")
    assert State.objects.get(code="KEN").review_group is None  # a preview changes nothing

    page.get_by_role("button", name="Apply the import").click()
    expect(page.get_by_role("status").filter(has_text="Import applied")).to_contain_text(
        "Import applied: 0 created, 1 changed, 0 deleted, 197 unchanged."
    )
    assert State.objects.get(code="KEN").review_group.number == 2
    assert ReviewStep.objects.filter(state__code="KEN").count() == 24

    page.get_by_role("link", name="See the change log.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change log of the review data")
    line = page.get_by_role("row").filter(has=page.get_by_role("link", name="Kenya"))
    expect(line).to_contain_text("officer@example.org")
    expect(line).to_contain_text("CSV import")
    expect(line).to_contain_text("Review group")
    expect(line.locator("ins")).to_have_text("Group 2")
