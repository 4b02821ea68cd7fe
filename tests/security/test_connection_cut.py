"""The database connection cut in the middle of a submission (PostgreSQL ends the request's own
backend, as on a failover or a restart): nothing half-written remains, no stored file is left
without its row, the applicant sees a page saying that nothing was saved (not a stack trace),
and sending the form again works. On any database, a write that fails after storing a file
removes that file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection
from django.test import Client
from django.urls import reverse

from engagement.models import (
    Application,
    ApplicationStatusChange,
    Organization,
    PledgeSignature,
    Representative,
)
from engagement.services.organizations import organization_update
from engagement.services.pledges import pledge_signature_record
from portal.models import OutboundEmail
from reviews.models import State
from tests.factories import ApplicationFactory, DialogueFactory

from .samples import pdf_bytes, png

S = Application.Status


@pytest.fixture
def postgresql(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's: SQLite has no server connection")


def _cut_own_connection() -> None:
    """End this thread's database backend from a second connection, and wait until it is
    gone: the next statement of the request fails as on a server restart."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
            assert cursor.fetchone() == (True,)
    finally:
        other.close()


def _then_cut(original):
    def step(*args, **kwargs):
        result = original(*args, **kwargs)
        _cut_own_connection()
        return result

    return step


# Steps of a submission after which the connection is cut (each after a first write).
CUTS = {
    "after the application row": lambda mp: mp.setattr(
        Application, "expertise_set", _then_cut(Application.expertise_set)
    ),
    "after the representatives": lambda mp: mp.setattr(
        Representative.objects, "bulk_create", _then_cut(Representative.objects.bulk_create)
    ),
    "after the status change, before the status": lambda mp: mp.setattr(
        ApplicationStatusChange.objects,
        "create",
        _then_cut(ApplicationStatusChange.objects.create),
    ),
}


def _form(dialogue, statement: str) -> dict:
    return {
        "organization": "",
        "dialogues": [dialogue.pk],
        "statement": statement,
        "wants_to_speak": "on",
        "speaking_topic": "Victim identification",
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "1",
        "people-MAX_NUM_FORMS": "10",
        "people-0-name": "Amina",
        "people-0-function": "Director",
        "people-0-email": "amina@example.org",
        "people-0-attendance": "in_person",
        "nomination_letter": SimpleUploadedFile("letter.pdf", pdf_bytes()),
        "submit": "1",
    }


def _stored_files(media_root) -> list[str]:
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


@pytest.mark.parametrize("cut", list(CUTS))
@pytest.mark.parametrize("before", ["nothing", "a draft"])
def test_a_submission_cut_midway_leaves_nothing_half_written(
    postgresql, people, organization_a, media_root, monkeypatch, cut, before
):
    dialogue = DialogueFactory()
    if before == "a draft":
        draft = ApplicationFactory(
            organization=organization_a, dialogue=dialogue, status=S.DRAFT, statement="Old text"
        )
        draft.representatives.create(name="Old person", email="old@example.org")
    files_before = _stored_files(media_root) if media_root.exists() else []
    client = Client(raise_request_exception=False)
    client.force_login(people["admin_a"])
    with monkeypatch.context() as patched:
        CUTS[cut](patched)
        response = client.post(reverse("engagement:apply"), _form(dialogue, "New text"))

    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Nothing was saved" in page
    assert "Traceback" not in page and "OperationalError" not in page

    applications = Application.objects.filter(organization=organization_a, dialogue=dialogue)
    if before == "nothing":
        assert not applications.exists()
    else:
        (application,) = applications
        assert (application.status, application.statement) == (S.DRAFT, "Old text")
        assert not application.nomination_letter
        assert list(application.representatives.values_list("name", flat=True)) == ["Old person"]
    assert not ApplicationStatusChange.objects.filter(application__in=applications).exists()
    assert Representative.objects.filter(application__in=applications).count() == (
        before == "a draft"
    )
    assert not OutboundEmail.objects.exists()
    assert (_stored_files(media_root) if media_root.exists() else []) == files_before

    # Sent again, once the database answers: submitted once.
    response = client.post(reverse("engagement:apply"), _form(dialogue, "New text"))
    assert response.status_code == 302
    (application,) = applications.all()
    assert (application.status, application.statement) == (S.SUBMITTED, "New text")
    assert ApplicationStatusChange.objects.filter(application=application).count() == 1
    assert _stored_files(media_root) == [application.nomination_letter.name]


class Refused(Exception):
    """A failure after the row (and its file) were saved, before the commit."""


def _save_then_fail(model, monkeypatch):
    save = model.save

    def failing(self, *args, **kwargs):
        save(self, *args, **kwargs)
        raise Refused

    monkeypatch.setattr(model, "save", failing)


@pytest.mark.django_db
def test_an_organization_write_that_fails_after_storing_its_logo_removes_the_new_logo(
    organization_a, media_root, monkeypatch
):
    organization_update(organization_a.pk, by=None, logo=SimpleUploadedFile("a.png", png()))
    organization_a.refresh_from_db()
    kept = _stored_files(media_root)
    assert kept == [organization_a.logo.name]
    _save_then_fail(Organization, monkeypatch)
    with pytest.raises(Refused):
        organization_update(
            organization_a.pk, by=None, logo=SimpleUploadedFile("b.png", png(colour="teal"))
        )
    assert _stored_files(media_root) == kept


@pytest.mark.django_db
def test_a_pledge_signature_whose_row_is_refused_after_its_document_is_stored_leaves_no_file(
    media_root,
):
    """The document is stored as the row is saved, before its INSERT, which fails here (no
    date of signature): the document is removed again."""
    with pytest.raises(IntegrityError):
        pledge_signature_record(
            state=State.objects.get(code="KEN"),
            by=None,
            signed_on=None,
            source_document=SimpleUploadedFile("note.pdf", pdf_bytes()),
        )
    assert not PledgeSignature.objects.exists()
    assert (_stored_files(media_root) if media_root.exists() else []) == []
