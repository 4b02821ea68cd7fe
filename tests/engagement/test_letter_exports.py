"""Bulk export of letters: ZIP and merged PDF by a task, progress, expiring links."""

import io
import zipfile
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from engagement.models import Application, Letter, LetterExport
from reviews.models import State
from tests.factories import ApplicationFactory, DialogueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_letters(client, people, organization, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people["admin"])

    for code in ("KEN", "KEN", "PER"):
        client.post(
            reverse("engagement:letter-builder"),
            {
                "organization": organization.pk,
                "kind": "pledge",
                "language": "en",
                "state": State.objects.get(code=code).pk,
                "date": "2027-01-05",
                "signatory_name": "Amina",
            },
        )
    assert Letter.objects.count() == 3


def test_export_of_a_states_letters_with_progress_and_expiring_links(
    client, people, three_letters, django_capture_on_commit_callbacks
):
    client.force_login(people["secretariat"])
    url = reverse("engagement:staff-letter-exports")
    assert "Choose a State" in client.post(url, {}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"state": "KEN"})
    export = LetterExport.objects.get()
    assert response["Location"] == reverse("engagement:staff-letter-export", args=[export.pk])
    status = client.get(reverse("engagement:staff-letter-export-status", args=[export.pk]))
    assert status.json() == {"status": "done", "done": 2, "total": 2, "percent": 100}
    pdf = client.get(reverse("engagement:staff-letter-export-download", args=[export.pk, "pdf"]))
    merged = PdfReader(io.BytesIO(b"".join(pdf.streaming_content)))
    assert len(merged.pages) == 2 * len(PdfReader(Letter.objects.first().pdf.path).pages)
    archive = client.get(
        reverse("engagement:staff-letter-export-download", args=[export.pk, "zip"])
    )
    names = zipfile.ZipFile(io.BytesIO(b"".join(archive.streaming_content))).namelist()
    assert len(names) == 2 and all("ken" in name for name in names)
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        client.force_login(people["secretariat"])
        expired = client.get(
            reverse("engagement:staff-letter-export-download", args=[export.pk, "pdf"])
        )
        assert expired.status_code == 404
        page = client.get(reverse("engagement:staff-letter-export", args=[export.pk]))
        assert "The download links have expired." in page.content.decode()


def test_export_of_a_dialogues_applicants_letters(
    client, people, organization, three_letters, django_capture_on_commit_callbacks
):
    dialogue = DialogueFactory()
    ApplicationFactory(
        dialogue=dialogue, organization=organization, status=Application.Status.SUBMITTED
    )
    client.force_login(people["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("engagement:staff-letter-exports"), {"dialogue": dialogue.pk})
    assert LetterExport.objects.get().total == 3


def test_only_the_secretariat_exports(client, people):
    for role in ("admin", "state", "bureau", "chair"):
        client.force_login(people[role])
        assert client.get(reverse("engagement:staff-letter-exports")).status_code == 404
