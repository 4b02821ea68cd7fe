"""An organization builds a letter to a focal point from its profile, previews it live and
downloads the PDF."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from engagement.demo import demo_data_load
from portal.models import User
from reviews.models import State

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("reference_data")]


def test_build_preview_and_download_a_focal_point_letter(
    live_server, page: Page, login_as, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    demo_data_load()
    login_as(User.objects.get(email="ngo@demo.invalid"))
    page.goto(live_server.url + "/pledges/KEN/")
    page.get_by_role("link", name="Letters").click()
    page.get_by_role("button", name="Write a letter").click()
    page.get_by_label("State:").select_option(label="Kenya")
    page.get_by_label("The issues your organization works on").fill(
        "trafficking of children for domestic work"
    )
    preview = page.locator("#letter-preview")
    expect(preview).to_contain_text("Coastal Anti-Trafficking Network (demo)")
    expect(preview).to_contain_text("trafficking of children for domestic work")
    expect(preview).to_contain_text("The Government of Kenya will shortly be reviewed")

    page.get_by_label("Language of the letter").select_option("fr")
    expect(preview).to_contain_text("Le Gouvernement du Kenya fera prochainement")
    expect(preview).to_contain_text("Traduction non officielle")
    page.get_by_label("Language of the letter").select_option("ar")
    expect(preview.locator("article.letter")).to_have_attribute("dir", "rtl")
    expect(preview).to_contain_text("عملية استعراض تنفيذ حكومة كينيا")
    page.get_by_label("Language of the letter").select_option("en")
    expect(preview).to_contain_text("Yours sincerely")

    page.get_by_role("button", name="Make the PDF").click()
    expect(page.get_by_text("The letter is ready")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the PDF").click()
    text = " ".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Coastal Anti-Trafficking Network (demo)" in text
    assert "trafficking of children for domestic work" in text
    assert "(para. 23)" in text


def test_a_user_who_chose_chinese_starts_a_letter_in_chinese(live_server, page: Page, login_as):
    demo_data_load()
    user = User.objects.get(email="ngo@demo.invalid")
    user.language = "zh-hans"
    user.save(update_fields=["language"])
    login_as(user)
    with translation.override("zh-hans"):  # the pages are in the user's language
        letters, write, language = _("Letters"), _("Write a letter"), _("Language of the letter")
        state = _("State")
    page.goto(live_server.url + "/pledges/KEN/")
    page.get_by_role("link", name=letters, exact=True).click()
    page.get_by_role("button", name=write).click()
    expect(page.get_by_label(language)).to_have_value("zh-hans")
    netherlands = State.objects.get(code="NLD")
    page.get_by_label(state).select_option(value=str(netherlands.pk))
    preview = page.locator("#letter-preview")
    expect(preview.locator("article.letter")).to_have_attribute("lang", "zh-hans", timeout=15_000)
    expect(preview).to_contain_text("荷兰政府即将在")
    expect(preview).to_contain_text("非正式译文")
