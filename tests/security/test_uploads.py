"""Upload limits: image pixels checked before decoding, one logo file per organization, and
request bodies capped with a page that says so."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import ImageFile

from engagement.models import Organization
from instruments.models import Cluster
from tests.factories import DialogueFactory

from .samples import pdf_bytes, png, png_bomb, png_header_only

pytestmark = pytest.mark.django_db


def _profile(**overrides):
    return {
        "name": "Organization A",
        "kind": "ngo",
        "country": "KE",
        "ecosoc_status": "none",
        "email": "info@a.example.org",
        "postal_address": "PO Box 1, Nairobi",
        "mission": "Testing.",
        "expertise_clusters": [Cluster.objects.get(number=2).pk],
        **overrides,
    }


@pytest.fixture
def no_decoding(monkeypatch):
    """Decoding any image's pixels fails the test."""

    def load(self):
        raise AssertionError(f"decoded a {self.size} image")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


@pytest.mark.parametrize(
    ("upload", "shown"),
    [
        (png_bomb(), "This image is 10000 \N{MULTIPLICATION SIGN} 10000 pixels"),
        (png_header_only(9000, 100), "This image is 9000 \N{MULTIPLICATION SIGN} 100 pixels"),
        (png_header_only(30_000, 30_000), "This image is more than 178 million pixels"),
    ],
    ids=["12-KB-PNG-of-10000x10000", "too-wide", "beyond-pillows-own-limit"],
)
def test_an_image_with_too_many_pixels_is_refused_without_being_decoded(
    client, people, organization_a, no_decoding, upload, shown
):
    assert len(png_bomb()) < 16_000
    client.force_login(people["admin_a"])
    url = reverse("engagement:organization-edit", args=[organization_a.pk])
    logo = SimpleUploadedFile("logo.png", upload, content_type="image/png")
    response = client.post(url, {**_profile(mission="Kept mission"), "logo": logo})
    html = response.content.decode()
    assert response.status_code == 200
    assert shown in html and "at most 25 million pixels and 8000 pixels on a side" in html
    assert "Kept mission" in html
    organization_a.refresh_from_db()
    assert not organization_a.logo


def test_one_logo_file_per_organization(
    client, people, organization_a, media_root, django_capture_on_commit_callbacks
):
    client.force_login(people["admin_a"])
    url = reverse("engagement:organization-edit", args=[organization_a.pk])

    def post(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, _profile(**fields)).status_code == 302
        organization_a.refresh_from_db()
        return sorted(path.name for path in (media_root / "logos").iterdir())

    first = post(logo=SimpleUploadedFile("a.png", png(colour="navy")))
    assert first == [organization_a.logo.name.split("/")[-1]]
    assert post(mission="Changed, no new logo") == first  # saving writes no new copy
    second = post(logo=SimpleUploadedFile("b.png", png(colour="teal")))
    assert second != first and len(second) == 1  # the old logo is removed
    assert post(**{"logo-clear": "on"}) == []
    assert not Organization.objects.get(pk=organization_a.pk).logo


def test_a_body_over_the_limit_gets_a_page_that_says_so(client, people, settings):
    client.force_login(people["admin_a"])
    big = SimpleUploadedFile("big.pdf", pdf_bytes() + b"\0" * (settings.MAX_REQUEST_BODY_BYTES))
    response = client.post(reverse("engagement:apply"), {"nomination_letter": big})
    assert response.status_code == 413
    html = response.content.decode()
    assert "Too large to receive" in html and "at most 11.0 MB at once" in html
    assert "A PDF may be at most 10 MB" in html


def test_form_fields_over_the_limit_get_the_same_page_not_a_bare_400(people):
    """Django refuses fields over DATA_UPLOAD_MAX_MEMORY_SIZE with a bare 400, raised where the
    CSRF check first reads the form; the portal answers first, with its page."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["admin_a"])
    response = client.post(
        reverse("engagement:letter-preview"),
        {"issues": "x" * 3_000_000},
    )
    assert response.status_code == 413
    assert "Too large to receive" in response.content.decode()


def test_a_pdf_just_over_10_mb_gets_the_forms_own_message(client, people, organization_a):
    """Between the file limit and the body limit, the form says which file is too large and
    keeps what was typed."""

    client.force_login(people["admin_a"])
    dialogue = DialogueFactory()
    letter = SimpleUploadedFile("n.pdf", pdf_bytes() + b"\0" * (10 * 1024 * 1024))
    response = client.post(
        reverse("engagement:apply"),
        {
            "organization": organization_a.pk,
            "dialogues": [dialogue.pk],
            "statement": "Kept statement",
            "people-TOTAL_FORMS": "1",
            "people-INITIAL_FORMS": "0",
            "people-0-name": "Amina",
            "people-0-email": "amina@example.org",
            "people-0-attendance": "in_person",
            "nomination_letter": letter,
            "submit": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The file is 10.0 MB; the limit is 10 MB." in html and "Kept statement" in html
