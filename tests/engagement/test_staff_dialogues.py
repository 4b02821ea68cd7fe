"""Secretariat pages for dialogues: scope, defaults, date errors, uploads, status changes."""

import io
from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfWriter

from engagement.models import Dialogue
from portal.deadlines import VIENNA
from portal.models import Role
from reviews.models import WorkingGroup
from tests.factories import DialogueFactory, UserFactory, WorkingGroupSessionFactory, grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = UserFactory()
    grant_role(user, Role.SECRETARIAT)
    client.force_login(user)
    return user


def _pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _post_data(session, **overrides):
    data = {
        "session": session.pk,
        "title": "Constructive dialogue on firearms",
        "description": "",
        "starts_at": "2027-04-12T10:00",
        "ends_at": "2027-04-12T13:00",
        "format": "hybrid",
        "venue": "Vienna International Centre",
        "capacity_in_person": "40",
        "capacity_online": "",
        "applications_open_at": "",
        "application_deadline": "",
        "circulation_at": "",
        "objection_deadline": "",
        "confirmation_days_before": "15",
        "minimum_applications": "5",
        "chair_summary": "",
    }
    for prefix in ("agenda", "panel"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "name,args",
    [
        ("engagement:staff-dialogue-list", []),
        ("engagement:staff-dialogue-create", []),
        ("engagement:staff-session-create", []),
    ],
)
def test_staff_pages_are_404_for_others_and_login_for_anonymous(client, name, args):
    url = reverse(name, args=args)
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    chair = UserFactory()

    grant_role(chair, Role.CHAIR, working_group=WorkingGroup.objects.first())
    client.force_login(chair)
    assert client.get(url).status_code == 404


def test_create_fills_the_sourced_default_dates(client, staff):
    session = WorkingGroupSessionFactory()
    response = client.post(reverse("engagement:staff-dialogue-create"), _post_data(session))
    dialogue = Dialogue.objects.get()
    assert response.status_code == 302
    assert dialogue.status == Dialogue.Status.DRAFT
    assert dialogue.starts_at == datetime(2027, 4, 12, 10, 0, tzinfo=VIENNA)
    assert dialogue.application_deadline == datetime(2027, 2, 15, 23, 59, 59, tzinfo=VIENNA)
    assert dialogue.confirmation_deadline == datetime(2027, 3, 28, 23, 59, 59, tzinfo=VIENNA)


def test_dates_out_of_order_name_the_date_and_keep_the_input(client, staff):
    session = WorkingGroupSessionFactory()
    data = _post_data(session, circulation_at="2027-01-01T12:00", title="Keep this title")
    response = client.post(reverse("engagement:staff-dialogue-create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The circulation of the list must come after the application deadline." in html
    assert 'value="Keep this title"' in html
    assert 'value="2027-01-01T12:00"' in html
    assert not Dialogue.objects.exists()


def test_background_paper_must_be_a_real_pdf(client, staff):
    dialogue = DialogueFactory(status=Dialogue.Status.DRAFT)
    url = reverse("engagement:staff-dialogue-edit", args=[dialogue.pk])
    fake = SimpleUploadedFile("paper.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    data = _post_data(
        dialogue.session,
        title="Edited title",
        background_paper=fake,
        starts_at=dialogue.starts_at.astimezone(VIENNA).strftime("%Y-%m-%dT%H:%M"),
        ends_at=dialogue.ends_at.astimezone(VIENNA).strftime("%Y-%m-%dT%H:%M"),
    )
    response = client.post(url, data)
    assert "This file is not a PDF document." in response.content.decode()
    assert 'value="Edited title"' in response.content.decode()
    dialogue.refresh_from_db()
    assert dialogue.title != "Edited title" and not dialogue.background_paper

    real = SimpleUploadedFile("anything.bin", _pdf_bytes(), content_type="application/octet-stream")
    data["background_paper"] = real
    response = client.post(url, data)
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.background_paper.read(5) == b"%PDF-"


def test_status_change_confirms_on_get_and_acts_on_post(client, staff):
    dialogue = DialogueFactory(status=Dialogue.Status.CLOSED)
    url = reverse("engagement:staff-dialogue-transition", args=[dialogue.pk, "not_convened"])
    response = client.get(url)
    assert "A reason is required" in response.content.decode()
    dialogue.refresh_from_db()
    assert dialogue.status == Dialogue.Status.CLOSED
    response = client.post(url, {"reason": ""})
    assert "Give the reason for this decision." in response.content.decode()
    response = client.post(url, {"reason": "Two applications only."})
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.status == Dialogue.Status.NOT_CONVENED
    assert dialogue.status_changes.last().by == staff


def test_forbidden_status_change_gives_a_message_not_a_500(client, staff):
    dialogue = DialogueFactory(status=Dialogue.Status.OPEN)
    url = reverse("engagement:staff-dialogue-transition", args=[dialogue.pk, "held"])
    response = client.post(url, {"reason": ""}, follow=True)
    assert "cannot become" in response.content.decode()
    dialogue.refresh_from_db()
    assert dialogue.status == Dialogue.Status.OPEN


def test_staff_list_query_count_does_not_grow(client, staff, django_assert_max_num_queries):

    url = reverse("engagement:staff-dialogue-list")
    DialogueFactory()
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    DialogueFactory.create_batch(49)
    with CaptureQueriesContext(connection) as fifty:
        response = client.get(url)
    assert len(fifty) == len(one)
    assert "Secretariat" in response.content.decode()
