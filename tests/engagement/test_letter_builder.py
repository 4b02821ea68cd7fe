"""The letter builder: preview, PDF kept with its exact input, copies, limits, scope."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from engagement.models import Letter
from reviews.models import State

pytestmark = pytest.mark.django_db


def _data(organization, **overrides):
    data = {
        "organization": organization.pk,
        "kind": "focal_point",
        "language": "en",
        "state": State.objects.get(code="KEN").pk,
        "date": "2027-03-14",
        "government": "",
        "recipient_name": "Ms. Focal Point",
        "recipient_title": "Ministry of Interior",
        "recipient_address": "Harambee Avenue, Nairobi",
        "issues": "child trafficking",
        "intro": "",
        "review_context": "",
        "signatory_name": "Amina Okafor",
        "signatory_function": "Director",
        "contact_details": "amina@example.org",
    }
    data.update(overrides)
    return data


def _text(letter):
    with letter.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text().replace("-\n", "-") for p in reader.pages))


def test_member_generates_a_letter_kept_with_its_input(
    client, people, organization, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["member"])
    response = client.post(reverse("engagement:letter-builder"), _data(organization))
    letter = Letter.objects.get()
    assert response["Location"] == letter.get_absolute_url()
    assert letter.input["government"] == "the Government of Kenya"
    assert letter.input["issues"] == "child trafficking"
    assert letter.input["organization_name"] == organization.name
    text = _text(letter)
    assert "The Government of Kenya will shortly be reviewed" in text
    assert "child trafficking" in text and "14 March 2027" in text
    download = client.get(reverse("engagement:letter-pdf", args=[letter.pk]))
    assert download["Content-Type"] == "application/pdf"


def test_preview_is_the_letter_html_and_tolerates_blanks(client, people, organization):
    client.force_login(people["member"])
    response = client.post(
        reverse("engagement:letter-preview"), _data(organization, issues="", language="es")
    )
    html = response.content.decode()
    assert "El Gobierno de Kenya será objeto próximamente de examen" in html
    assert "______" in html
    bad = client.post(reverse("engagement:letter-preview"), _data(organization, state=""))
    assert "Preview waits for" in bad.content.decode()


@pytest.mark.parametrize(("chosen", "expected"), [("ru", "ru"), ("zh-hans", "zh-hans"), ("", "en")])
def test_a_new_letter_starts_in_the_user_s_language(client, people, organization, chosen, expected):
    people["member"].language = chosen
    people["member"].save(update_fields=["language"])
    client.force_login(people["member"])
    # A user with a language of their own is sent to the page under its prefix (/ru/letters/...).
    response = client.get(reverse("engagement:letter-builder") + "?state=KEN", follow=True)
    form = response.context["form"]
    assert form.initial["language"] == expected


def test_a_new_letter_from_a_copy_is_prefilled_with_the_old_input(
    client, people, organization, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["admin"])
    client.post(
        reverse("engagement:letter-builder"),
        _data(organization, kind="pledge", language="fr", intro="Nous vous invitons."),
    )
    letter = Letter.objects.get()
    response = client.get(
        reverse("engagement:letter-builder"), {"organization": organization.pk, "copy": letter.pk}
    )
    html = response.content.decode()
    assert "Nous vous invitons." in html
    assert 'value="fr" selected' in html


def test_oversized_text_gets_a_clear_error_and_keeps_the_rest(client, people, organization):
    client.force_login(people["member"])
    response = client.post(
        reverse("engagement:letter-builder"),
        _data(organization, issues="x" * 601, recipient_name="Kept Name"),
    )
    html = response.content.decode()
    assert "Ensure this value has at most 600 characters (it has 601)." in html
    assert 'value="Kept Name"' in html
    assert not Letter.objects.exists()


def test_only_members_and_the_secretariat_see_an_organizations_letters(
    client, people, organization, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["member"])
    client.post(reverse("engagement:letter-builder"), _data(organization))
    letter = Letter.objects.get()
    for role, expected in (
        ("admin", 200),
        ("secretariat", 200),
        ("outsider", 404),
        ("state", 404),
        ("bureau", 404),
    ):
        client.force_login(people[role])
        assert client.get(letter.get_absolute_url()).status_code == expected, role
        assert client.get(reverse("engagement:letter-pdf", args=[letter.pk])).status_code == (
            expected
        ), role
    client.force_login(people["outsider"])
    assert (
        letter.get_absolute_url()
        not in client.get(reverse("engagement:letter-list")).content.decode()
    )
    response = client.post(
        reverse("engagement:letter-builder"), _data(organization)
    )  # not a member: cannot write for it
    assert response.status_code in (302, 404)
    assert Letter.objects.count() == 1


def test_pledge_letters_count_as_organizations_asking(
    client, people, organization, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["admin"])
    for _ in range(2):
        client.post(reverse("engagement:letter-builder"), _data(organization, kind="pledge"))
    page = client.get(reverse("engagement:pledge-state", args=["KEN"])).content.decode()
    assert "1 organization has asked this government to sign" in page
