"""Letters and the secretariat's bulk exports: random stored names, fetched only by their
owner (exports: the secretariat), and expired exports deleted by a sweep."""

import io
import re
import zipfile
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from engagement.models import Letter, LetterExport
from engagement.services import sweeps
from reviews.models import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters_of_a(client, people, organization_a):
    client.force_login(people["admin_a"])
    for code in ("KEN", "KEN"):
        response = client.post(
            reverse("engagement:letter-builder"),
            {
                "organization": organization_a.pk,
                "kind": "pledge",
                "language": "en",
                "state": State.objects.get(code=code).pk,
                "date": "2027-01-05",
                "signatory_name": "Amina",
            },
        )
        assert response.status_code == 302
    return list(Letter.objects.filter(organization=organization_a))


@pytest.fixture
def export(client, people, letters_of_a, django_capture_on_commit_callbacks):
    client.force_login(people["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("engagement:staff-letter-exports"), {"state": "KEN"})
    return LetterExport.objects.get()


def test_a_letter_is_stored_under_a_random_name_and_downloaded_under_a_readable_one(
    client, people, letters_of_a
):
    letter = letters_of_a[0]
    assert re.fullmatch(r"letters/[0-9a-f]{32}\.pdf", letter.pdf.name)
    client.force_login(people["member_a"])
    response = client.get(reverse("engagement:letter-pdf", args=[letter.pk]))
    assert response["Content-Disposition"] == (
        'attachment; filename="pledge-ken-2027-01-05-organization-a.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(people["member_b"])
    assert client.get(reverse("engagement:letter-pdf", args=[letter.pk])).status_code == 404


def test_exports_are_stored_under_random_names_and_zip_entries_read_well(client, people, export):
    assert re.fullmatch(r"exports/[0-9a-f]{32}\.zip", export.archive.name)
    assert re.fullmatch(r"exports/[0-9a-f]{32}\.pdf", export.merged.name)
    client.force_login(people["secretariat"])
    response = client.get(export.archive.url)
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert names == [
        "0001-pledge-ken-2027-01-05-organization-a.pdf",
        "0002-pledge-ken-2027-01-05-organization-a.pdf",
    ]


@pytest.mark.parametrize(
    "role", ["admin_a", "member_a", "member_b", "no_organization", "state", "bureau", "chair"]
)
def test_only_the_secretariat_fetches_an_export(client, people, export, role):
    client.force_login(people[role])
    for part, file in (("zip", export.archive), ("pdf", export.merged)):
        assert client.get(file.url).status_code == 404
        named = reverse("engagement:staff-letter-export-download", args=[export.pk, part])
        assert client.get(named).status_code == 404


def test_expired_exports_are_deleted_by_the_sweep(
    client, people, export, media_root, django_capture_on_commit_callbacks
):
    files = [media_root / export.archive.name, media_root / export.merged.name]
    urls = [export.archive.url, export.merged.url]
    assert all(path.exists() for path in files)
    assert "engagement.services.sweeps.letter_exports_delete_expired" in settings.DEADLINE_SWEEPS
    client.force_login(people["secretariat"])
    with time_machine.travel(export.expires_at - timedelta(seconds=1)):
        assert sweeps.letter_exports_delete_expired() == {"deleted": 0}
        assert all(client.get(url).status_code == 200 for url in urls)
    with time_machine.travel(export.expires_at):
        assert all(client.get(url).status_code == 404 for url in urls)
        with django_capture_on_commit_callbacks(execute=True):
            assert sweeps.letter_exports_delete_expired() == {"deleted": 2}
        assert sweeps.letter_exports_delete_expired() == {"deleted": 0}
        page = client.get(reverse("engagement:staff-letter-export", args=[export.pk]))
        assert "The download links have expired." in page.content.decode()
    assert not any(path.exists() for path in files)
    export.refresh_from_db()
    assert (export.archive.name, export.merged.name) == ("", "")
    assert export.description == "Kenya"  # the record of what was exported stays


def test_the_sweep_leaves_exports_whose_links_still_work(export):
    later = timezone.now() + timedelta(hours=1)
    assert sweeps.letter_exports_delete_expired(now=later) == {"deleted": 0}
    export.refresh_from_db()
    assert export.archive and export.merged
