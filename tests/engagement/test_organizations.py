"""Organization profiles: creation, editing, logo checks, completeness, members."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from engagement.models import Membership, Organization
from engagement.selectors.organizations import organization_missing
from instruments.models import Cluster

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "name": "Riverside Legal Aid",
        "acronym": "RLA",
        "kind": "ngo",
        "country": "PE",
        "countries_of_work": ["PE", "BO"],
        "ecosoc_status": "none",
        "ecosoc_year": "",
        "website": "rla.example.org",
        "email": "info@rla.example.org",
        "phone": "+51 1 234",
        "postal_address": "Jr. Ejemplo 123, Lima",
        "mission": "Legal aid for migrants.",
        "expertise_instruments": [],
        "expertise_clusters": [Cluster.objects.get(number=2).pk],
        "expertise_text": "",
    }
    data.update(overrides)
    return data


def _image(size=(1200, 800), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 90, 170)).save(buffer, format=fmt)
    return buffer.getvalue()


def test_creating_an_organization_makes_its_creator_admin(client, people):
    user = people["outsider"]
    client.force_login(user)
    response = client.post(reverse("engagement:organization-create"), _form())
    organization = Organization.objects.get(name="Riverside Legal Aid")
    assert response.status_code == 302
    assert Membership.objects.get(organization=organization, user=user).is_admin
    assert organization.website == "https://rla.example.org"
    assert sorted(c.code for c in organization.countries_of_work) == ["BO", "PE"]
    assert list(organization.expertise_clusters.values_list("number", flat=True)) == [2]


def test_logo_is_checked_by_content_and_the_form_is_kept(client, people):
    client.force_login(people["outsider"])
    url = reverse("engagement:organization-create")
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client.post(url, {**_form(name="Kept name"), "logo": fake})
    html = response.content.decode()
    assert "This file is not an image we can read." in html or "Upload a valid image" in html
    assert 'value="Kept name"' in html
    assert "Jr. Ejemplo 123, Lima" in html
    assert not Organization.objects.filter(name="Kept name").exists()


def test_oversized_logo_is_refused_with_its_size(client, people, settings):
    client.force_login(people["outsider"])
    big = SimpleUploadedFile("big.png", _image() + b"\0" * (2 * 1024 * 1024))
    response = client.post(reverse("engagement:organization-create"), {**_form(), "logo": big})
    assert "the limit is 2 MB" in response.content.decode()


def test_logo_is_resized_and_stored_as_png(client, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["outsider"])
    jpeg = SimpleUploadedFile("photo.jpg", _image(fmt="JPEG"), content_type="image/jpeg")
    client.post(reverse("engagement:organization-create"), {**_form(), "logo": jpeg})
    organization = Organization.objects.get(name="Riverside Legal Aid")
    with Image.open(organization.logo.path) as stored:
        assert stored.format == "PNG"
        assert max(stored.size) == 600


def test_only_admins_edit_and_only_members_and_secretariat_see(client, people, organization):
    edit = reverse("engagement:organization-edit", args=[organization.pk])
    detail = organization.get_absolute_url()
    client.force_login(people["member"])
    assert client.get(detail).status_code == 200
    assert client.get(edit).status_code == 404
    client.force_login(people["outsider"])
    assert client.get(detail).status_code == 404
    client.force_login(people["secretariat"])
    assert client.get(detail).status_code == 200
    client.force_login(people["admin"])
    response = client.post(edit, _form(name="Renamed coalition"))
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == "Renamed coalition"


def test_completeness_says_what_is_missing(organization):
    assert organization_missing(organization) == []
    organization.postal_address = ""
    organization.expertise_text = ""
    assert [str(item) for item in organization_missing(organization)] == [
        "a postal address",
        "at least one area of expertise (instrument, cluster or text)",
    ]


def test_the_last_admin_cannot_be_removed(client, people, organization):
    admin_membership = Membership.objects.get(user=people["admin"])
    client.force_login(people["admin"])
    url = reverse("engagement:membership-remove", args=[organization.pk, admin_membership.pk])
    response = client.post(url, follow=True)
    assert "An organization needs at least one admin" in response.content.decode()
    assert Membership.objects.filter(pk=admin_membership.pk).exists()
    member = Membership.objects.get(user=people["member"])
    client.post(reverse("engagement:membership-remove", args=[organization.pk, member.pk]))
    assert not Membership.objects.filter(pk=member.pk).exists()


def test_staff_list_filters_and_query_count(client, people, organization):
    client.force_login(people["secretariat"])
    url = reverse("engagement:staff-organization-list")

    def count(params=None):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params or {})
        return len(queries), response

    one, _ = count()
    for index in range(49):
        extra = Organization.objects.create(
            name=f"Org {index}", kind="academia", country="AT", is_grassroots=index % 2 == 0
        )
        extra.expertise_clusters.set(Cluster.objects.filter(number__in=[1, 4]))
    fifty, response = count()
    assert fifty == one
    assert len(response.context["organizations"]) == 50
    _, response = count({"kind": "ngo"})
    assert [o.name for o in response.context["organizations"]] == [organization.name]
    _, response = count({"is_grassroots": "true", "cluster": "international-cooperation"})
    assert len(response.context["organizations"]) == 25
    _, response = count({"q": "test purposes"})
    assert [o.pk for o in response.context["organizations"]] == [organization.pk]
    _, response = count({"country": "AT", "ecosoc_status": "none"})
    assert len(response.context["organizations"]) == 49
