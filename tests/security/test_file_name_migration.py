"""engagement 0008 moves every file stored before to a name the server makes."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from engagement.models import (
    Application,
    Letter,
    LetterExport,
    Organization,
    WrittenComment,
)
from reviews.models import State
from tests.factories import ApplicationFactory, OrganizationFactory

from .samples import pdf_bytes, png

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate_back_and_forth():
    call_command("migrate", "engagement", "0007", verbosity=0)
    call_command("migrate", "engagement", "0008", verbosity=0)
    call_command("migrate", verbosity=0)  # the later migrations that 0007 took back with it


def _stored(name: str, data: bytes) -> str:
    assert default_storage.save(name, ContentFile(data)) == name
    return name


def test_on_an_empty_database_it_changes_nothing(reference_data, media_root):
    _migrate_back_and_forth()
    assert not media_root.exists()
    assert not Organization.objects.exists()


def test_files_stored_before_get_server_names_and_the_old_ones_go(reference_data):
    organization = OrganizationFactory()
    Organization.objects.filter(pk=organization.pk).update(logo=_stored("logos/logo.png", png()))
    application = ApplicationFactory(organization=organization)
    Application.objects.filter(pk=application.pk).update(
        nomination_letter=_stored("applications/letters/poly.html", pdf_bytes())
    )
    gone = WrittenComment.objects.create(
        application=application, document="applications/comments/missing.pdf"
    )
    letter = Letter.objects.create(
        organization=organization,
        state=State.objects.get(code="KEN"),
        kind=Letter.Kind.FOCAL_POINT,
        language="en",
        input={"organization_logo": "logos/logo.png", "date": "2025-01-10"},
        pdf=_stored("letters/focal_point-ken-2025-01-10-organization.pdf", pdf_bytes()),
    )
    export = LetterExport.objects.create(
        description="Kenya",
        status=LetterExport.Status.DONE,
        archive=_stored("exports/letters-20250110-120000.zip", b"PK zip"),
        merged=_stored("exports/letters-20250110-120000.pdf", pdf_bytes()),
    )

    _migrate_back_and_forth()

    organization.refresh_from_db()
    application.refresh_from_db()
    letter.refresh_from_db()
    export.refresh_from_db()
    gone.refresh_from_db()
    expected = {
        organization.logo.name: (r"logos/[0-9a-f]{32}\.png", png()),
        application.nomination_letter.name: (
            r"applications/letters/[0-9a-f]{32}\.pdf",
            pdf_bytes(),
        ),
        letter.pdf.name: (r"letters/[0-9a-f]{32}\.pdf", pdf_bytes()),
        export.archive.name: (r"exports/[0-9a-f]{32}\.zip", b"PK zip"),
        export.merged.name: (r"exports/[0-9a-f]{32}\.pdf", pdf_bytes()),
    }
    for name, (pattern, data) in expected.items():
        assert re.fullmatch(pattern, name), name
        with default_storage.open(name) as handle:
            assert handle.read() == data
    assert letter.input["organization_logo"] == organization.logo.name
    assert gone.document.name == "applications/comments/missing.pdf"  # nothing to move
    for old in (
        "logos/logo.png",
        "applications/letters/poly.html",
        "letters/focal_point-ken-2025-01-10-organization.pdf",
        "exports/letters-20250110-120000.zip",
    ):
        assert not default_storage.exists(old), old
    # A second run finds every name already made by the server.
    _migrate_back_and_forth()
    organization.refresh_from_db()
    assert organization.logo.name == letter.input["organization_logo"]
