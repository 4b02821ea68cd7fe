"""Uploaded and generated files: names the server makes, served only through a permission
check on the object they belong to, as attachments no browser renders as a page or a script.

Each test holds a finding of issue 11 and fails on the code before the fix: the polyglot kept
as ``poly.html`` and served as text/html from /media/, every /media/ file served to any
signed-in account, and no media route at all in production.
"""

import io
import re
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from engagement.models import Application, Dialogue, Letter, PledgeSignature, WrittenComment
from reviews.models import State
from tests.factories import DialogueFactory

from .conftest import OUTSIDERS_OF_A, OWNERS_OF_A
from .samples import html_polyglot, js_polyglot, pdf_bytes, png

pytestmark = pytest.mark.django_db
SERVER_NAME = r"[0-9a-f]{32}"


def _apply(client, organization, dialogue, upload):
    data = {
        "organization": organization.pk,
        "dialogues": [dialogue.pk],
        "statement": "We run shelters for survivors.",
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "1",
        "people-MAX_NUM_FORMS": "10",
        "people-0-name": "Amina",
        "people-0-email": "amina@example.org",
        "people-0-attendance": "in_person",
        "nomination_letter": upload,
        "submit": "1",
    }
    response = client.post(reverse("engagement:apply"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Application.objects.get(organization=organization, dialogue=dialogue)


def _comment(client, application, upload):
    url = reverse("engagement:application-comment", args=[application.pk])
    response = client.post(url, {"text": "", "document": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    return WrittenComment.objects.filter(application=application).latest("pk")


def _assert_served_as_attachment(response, content_type="application/pdf", private=True):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    if private:
        assert response["Cache-Control"] == "private, no-store"
    else:
        assert response["Cache-Control"].startswith("public")


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_upload_is_stored_under_a_name_the_server_makes(client, people, organization_a):
    client.force_login(people["admin_a"])
    poly = SimpleUploadedFile("poly.html", html_polyglot(), content_type="text/html")
    application = _apply(client, organization_a, DialogueFactory(), poly)
    assert re.fullmatch(
        rf"applications/letters/{SERVER_NAME}\.pdf", application.nomination_letter.name
    )
    comment = _comment(client, application, SimpleUploadedFile("poly.js", js_polyglot()))
    assert re.fullmatch(rf"applications/comments/{SERVER_NAME}\.pdf", comment.document.name)


def test_the_polyglot_reaches_the_secretariat_as_a_pdf_attachment_only(
    client, people, organization_a, url_mode
):
    """The attack of the issue: a PDF/JS polyglot, then a PDF/HTML polyglot loading it, opened
    by a secretariat officer. Both must come back as PDF attachments, never as a page or a
    script."""
    client.force_login(people["admin_a"])
    application = _apply(
        client, organization_a, DialogueFactory(), SimpleUploadedFile("letter.pdf", pdf_bytes())
    )
    script = _comment(client, application, SimpleUploadedFile("poly.js", js_polyglot()))
    page = _comment(
        client,
        application,
        SimpleUploadedFile("poly.html", html_polyglot(script.document.url), "text/html"),
    )
    client.force_login(people["secretariat"])
    for document in (script.document, page.document):
        response = client.get(document.url)
        _assert_served_as_attachment(response)
        assert re.fullmatch(r'attachment; filename="[\w.-]+\.pdf"', response["Content-Disposition"])
        assert "poly" not in response["Content-Disposition"]


@pytest.mark.parametrize("role", sorted(OWNERS_OF_A | OUTSIDERS_OF_A))
@pytest.mark.parametrize("kind", ["nomination letter", "written comment", "letter"])
def test_files_of_organization_a_reach_its_members_and_the_secretariat_only(
    client, people, files_of_a, url_mode, role, kind
):
    client.force_login(people[role])
    response = client.get(files_of_a[kind].url)
    if role in OWNERS_OF_A:
        _assert_served_as_attachment(response)
        assert _body(response) == pdf_bytes()
    else:
        assert response.status_code == 404


def test_files_of_organization_a_ask_an_anonymous_visitor_to_sign_in(client, files_of_a):
    for file in files_of_a.values():
        response = client.get(file.url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_no_media_url_serves_anything(client, people, files_of_a, url_mode):
    client.force_login(people["secretariat"])
    for file in files_of_a.values():
        assert client.get(f"/media/{file.name}").status_code == 404


def test_the_old_address_of_a_replaced_file_serves_nothing(client, people, files_of_a, media_root):
    nomination = files_of_a["nomination letter"]
    old_url, old_name = nomination.url, nomination.name
    client.force_login(people["admin_a"])
    application = nomination.instance
    application.nomination_letter.save("new.pdf", ContentFile(pdf_bytes()))
    assert client.get(old_url).status_code == 404
    assert client.get(application.nomination_letter.url).status_code == 200
    assert old_url != application.nomination_letter.url
    assert old_name != application.nomination_letter.name


# --- public files: logos, published background papers, pledge documents ---------------------


@pytest.fixture
def public_files(organization_a):
    organization_a.logo.save("logo.png", ContentFile(png()))
    dialogue = DialogueFactory()
    dialogue.background_paper.save("paper.pdf", ContentFile(pdf_bytes()))
    signature = PledgeSignature(
        state=State.objects.get(code="KEN"), signed_on=date(2024, 10, 1), signatory="Minister"
    )
    signature.source_document.save("pledge.pdf", ContentFile(pdf_bytes()))
    return {
        "logo": (organization_a.logo, "image/png"),
        "background paper": (dialogue.background_paper, "application/pdf"),
        "pledge document": (signature.source_document, "application/pdf"),
    }


@pytest.mark.parametrize("kind", ["logo", "background paper", "pledge document"])
def test_public_files_are_served_to_anyone_in_production(client, public_files, url_mode, kind):
    file, content_type = public_files[kind]
    response = client.get(file.url)
    _assert_served_as_attachment(response, content_type, private=False)


def test_the_public_pages_link_their_files_through_the_checked_view(client, public_files):
    logo, _type = public_files["logo"]
    paper, _type = public_files["background paper"]
    signature, _type = public_files["pledge document"]
    pages = {
        paper.instance.get_absolute_url(): paper.url,
        reverse("engagement:pledge-state", args=["KEN"]): signature.url,
    }
    for page, url in pages.items():
        html = client.get(page).content.decode()
        assert f'href="{url}"' in html and "/media/" not in html
    assert logo.url.startswith("/files/")


def test_a_draft_dialogues_background_paper_is_the_secretariats_only(client, people):
    dialogue = DialogueFactory(status=Dialogue.Status.DRAFT)
    dialogue.background_paper.save("paper.pdf", ContentFile(pdf_bytes()))
    url = dialogue.background_paper.url
    assert client.get(url).status_code == 302
    for role in ("admin_a", "state", "bureau", "chair"):
        client.force_login(people[role])
        assert client.get(url).status_code == 404
    client.force_login(people["secretariat"])
    _assert_served_as_attachment(client.get(url))


def test_a_letter_shows_the_logo_through_the_checked_view_and_embeds_it_in_the_pdf(
    client, people, organization_a
):

    organization_a.logo.save("logo.png", ContentFile(png()))
    client.force_login(people["admin_a"])
    builder = client.get(reverse("engagement:letter-builder") + "?state=KEN&kind=pledge")
    html = builder.content.decode()
    assert f'<img class="logo" src="{organization_a.logo.url}"' in html
    assert "/media/" not in html
    client.post(
        reverse("engagement:letter-builder"),
        {
            "organization": organization_a.pk,
            "kind": "pledge",
            "language": "en",
            "state": State.objects.get(code="KEN").pk,
            "date": "2027-01-05",
            "signatory_name": "Amina",
        },
    )
    letter = Letter.objects.get(organization=organization_a)
    with letter.pdf.open("rb") as handle:
        page = PdfReader(io.BytesIO(handle.read())).pages[0]
    assert len(page.images) == 1  # the logo, read from the storage by the renderer
    detail = client.get(letter.get_absolute_url()).content.decode()
    assert f'src="{organization_a.logo.url}"' in detail


def test_forms_link_the_current_file_by_its_download_name_not_its_stored_name(
    client, people, public_files
):
    logo, _type = public_files["logo"]
    paper, _type = public_files["background paper"]
    client.force_login(people["admin_a"])
    html = client.get(reverse("engagement:organization-edit", args=[logo.instance.pk])).content
    assert f'<a href="{logo.url}">logo-organization-a.png</a>' in html.decode()
    assert logo.name not in html.decode()
    client.force_login(people["secretariat"])
    html = client.get(reverse("engagement:staff-dialogue-edit", args=[paper.instance.pk])).content
    assert f'<a href="{paper.url}">background-paper-' in html.decode()
    assert paper.name not in html.decode()
