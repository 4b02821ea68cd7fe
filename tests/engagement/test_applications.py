"""The application workflow: transitions, apply, deadlines to the second, staged decisions,
objections, the Bureau, confirmation, exports, scope and query counts."""

import csv
import io
from datetime import datetime, timedelta
from itertools import product

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from engagement import deadlines
from engagement.models import Application, ApplicationStatusChange, Dialogue, Objection
from engagement.services import applications as services
from engagement.services.notifications import confirm_token
from engagement.workflows import applications as workflow
from portal.deadlines import VIENNA
from portal.models import OutboundEmail, Role
from reviews.models import State
from tests.factories import (
    ApplicationFactory,
    DialogueFactory,
    OrganizationFactory,
    UserFactory,
    grant_role,
)

pytestmark = pytest.mark.django_db
S = Application.Status


@pytest.mark.parametrize(("source", "target"), list(product(S.values, S.values)))
def test_every_allowed_and_forbidden_transition(source, target):
    application = ApplicationFactory(status=source)
    allowed = target in workflow.TRANSITIONS[source]
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if allowed:
            workflow.transition_locked(locked, target, by=None, reason="Reason given")
        else:
            with pytest.raises(services.ApplicationError):
                workflow.transition_locked(locked, target, by=None, reason="Reason given")
    application.refresh_from_db()
    assert application.status == (target if allowed else source)
    assert ApplicationStatusChange.objects.filter(application=application).count() == allowed


def _apply_data(dialogues, **overrides):
    data = {
        "organization": "",
        "dialogues": [d.pk for d in dialogues],
        "statement": "We run shelters for survivors.",
        "travel_support_requested": "",
        "travel_support_justification": "",
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
        "submit": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def applicant(client, people, organization):
    client.force_login(people["admin"])
    return people["admin"]


def test_one_form_applies_to_two_dialogues_and_a_double_submit_changes_nothing(
    client, applicant, organization, django_capture_on_commit_callbacks
):
    first, second = DialogueFactory(), DialogueFactory()
    data = _apply_data([first, second], organization=organization.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("engagement:apply"), data).status_code == 302
        client.post(reverse("engagement:apply"), data)  # the double click
    applications = Application.objects.filter(organization=organization)
    assert sorted(a.dialogue_id for a in applications) == [first.pk, second.pk]
    assert {a.status for a in applications} == {S.SUBMITTED}
    assert all(a.representatives.count() == 1 for a in applications)
    assert (
        OutboundEmail.objects.filter(
            template="emails/engagement/application_received", to="admin@example.org"
        ).count()
        == 2
    )


def test_draft_is_saved_without_submitting(client, applicant, organization):
    dialogue = DialogueFactory()
    data = _apply_data([dialogue], organization=organization.pk)
    data.pop("submit")
    data["draft"] = "1"
    client.post(reverse("engagement:apply"), data)
    assert Application.objects.get().status == S.DRAFT


def test_rejected_upload_and_missing_fields_keep_the_form(client, applicant, organization):

    dialogue = DialogueFactory()
    data = _apply_data(
        [dialogue],
        organization=organization.pk,
        travel_support_requested="on",
        travel_support_justification="",
        statement="Kept statement",
    )
    data["nomination_letter"] = SimpleUploadedFile("letter.pdf", b"GIF89a not a pdf")
    response = client.post(reverse("engagement:apply"), data)
    html = response.content.decode()
    assert "This file is not a PDF document." in html
    assert "Say why you need travel support." in html
    assert "Kept statement" in html and 'value="Amina"' in html
    assert not Application.objects.exists()


def test_application_after_the_deadline_is_refused_with_the_deadline(
    client, applicant, organization
):
    dialogue = DialogueFactory()
    deadline = dialogue.application_deadline
    with_second = {
        "dialogues": [dialogue],
        "organization": organization,
        "by": applicant,
        "fields": {"statement": "x"},
        "representatives": [],
        "submit": True,
    }
    with pytest.raises(services.ApplicationError, match="does not accept applications"):
        services.applications_save(**with_second, now=deadline + timedelta(seconds=1))
    assert not Application.objects.exists()
    services.applications_save(**with_second, now=deadline)
    assert Application.objects.get().status == S.SUBMITTED


def _approved(dialogue_start):
    dialogue = DialogueFactory(
        starts_at=dialogue_start,
        ends_at=dialogue_start + timedelta(hours=2),
        **vars(deadlines.default_dates(dialogue_start)),
    )
    return ApplicationFactory(
        dialogue=dialogue, status=S.APPROVED, confirmation_deadline=dialogue.confirmation_deadline
    )


@pytest.mark.parametrize(
    ("start", "cutoff"),
    [
        (
            datetime(2027, 6, 20, 15, 0, tzinfo=VIENNA),
            datetime(2027, 6, 5, 23, 59, 59, tzinfo=VIENNA),
        ),
        # Summer time starts in Vienna on the cut-off day itself (28 March 2027).
        (
            datetime(2027, 4, 12, 10, 0, tzinfo=VIENNA),
            datetime(2027, 3, 28, 23, 59, 59, tzinfo=VIENNA),
        ),
    ],
)
def test_confirmation_one_second_before_and_after_the_cutoff(start, cutoff):
    late = _approved(start)
    assert late.confirmation_deadline == cutoff
    with pytest.raises(services.ApplicationError, match="confirmation cut-off was"):
        services.application_confirm(late.pk, now=cutoff + timedelta(seconds=1))
    late.refresh_from_db()
    assert late.status == S.APPROVED
    in_time = _approved(start + timedelta(days=1))
    in_time.confirmation_deadline = cutoff
    in_time.save()
    services.application_confirm(in_time.pk, now=cutoff - timedelta(seconds=1))
    in_time.refresh_from_db()
    assert in_time.status == S.CONFIRMED


def test_prepared_decisions_send_nothing_until_released_and_can_be_undone(
    client, people, django_capture_on_commit_callbacks
):
    dialogue = DialogueFactory(status=Dialogue.Status.CLOSED)
    first, second = ApplicationFactory.create_batch(2, dialogue=dialogue)
    client.force_login(people["secretariat"])
    client.post(
        reverse("engagement:staff-queue-decide", args=[dialogue.pk]),
        {"applications": [first.pk, second.pk], "action": S.SCREENED_IN},
    )
    assert set(Application.objects.values_list("status", flat=True)) == {S.SUBMITTED}
    assert not OutboundEmail.objects.exists()
    client.post(reverse("engagement:staff-queue-unstage", args=[dialogue.pk, second.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("engagement:staff-queue-release", args=[dialogue.pk]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (S.SCREENED_IN, S.SUBMITTED)
    assert (
        OutboundEmail.objects.filter(template="emails/engagement/application_screened_in").count()
        == 1
    )
    assert services.applications_release(dialogue.pk, by=None) == 0


def test_reject_needs_a_reason_and_two_staff_acting_at_once_make_one_change(people):
    application = ApplicationFactory()
    with pytest.raises(services.ApplicationError, match="reason"):
        services.applications_stage([application.pk], S.REJECTED, by=None, reason="")
    services.applications_stage([application.pk], S.SCREENED_IN, by=people["secretariat"])
    assert services.applications_release(application.dialogue_id, by=None) == 1
    problems = services.applications_stage([application.pk], S.SCREENED_IN, by=None)
    assert problems == [f"{application.organization}: “Screened in” cannot become “Screened in”."]
    assert ApplicationStatusChange.objects.filter(application=application).count() == 1


def test_state_objects_within_the_window_only(people):
    application = ApplicationFactory(status=S.CIRCULATED)
    kenya = State.objects.get(code="KEN")
    deadline = application.dialogue.objection_deadline
    with pytest.raises(services.ApplicationError, match="objection window closed"):
        services.objection_record(
            application.pk,
            state=kenya,
            by=people["state"],
            reason="x",
            now=deadline + timedelta(seconds=1),
        )
    services.objection_record(
        application.pk, state=kenya, by=people["state"], reason="Concerns", now=deadline
    )
    application.refresh_from_db()
    assert application.status == S.OBJECTED
    with pytest.raises(services.ApplicationError, match="already objected"):
        services.objection_record(
            application.pk, state=kenya, by=people["state"], reason="again", now=deadline
        )


def test_state_sees_the_circulated_list_without_personal_data_and_objects(client, people):
    dialogue = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    application = ApplicationFactory(dialogue=dialogue, status=S.CIRCULATED)
    application.representatives.create(name="Secret Person", email="secret@example.org")
    client.force_login(people["state"])
    url = reverse("engagement:state-list", args=[dialogue.pk])
    html = client.get(url).content.decode()
    assert application.organization.name in html
    assert "Secret Person" not in html and "secret@example.org" not in html
    client.post(url, {"application": application.pk, "reason": "Not a genuine NGO"})
    objection = Objection.objects.get()
    assert (objection.state.code, objection.reason) == ("KEN", "Not a genuine NGO")
    client.force_login(people["outsider"])
    assert client.get(url).status_code == 404


def test_bureau_decides_referred_applications_with_a_reason(client, people):
    application = ApplicationFactory(status=S.REFERRED)
    client.force_login(people["bureau"])
    url = reverse("engagement:bureau-referrals")
    assert application.organization.name in client.get(url).content.decode()
    client.post(url, {"application": application.pk, "decision": "approve", "reason": ""})
    application.refresh_from_db()
    assert application.status == S.REFERRED
    client.post(
        url,
        {
            "application": application.pk,
            "decision": "approve",
            "reason": "The objection is not substantiated.",
        },
    )
    application.refresh_from_db()
    assert application.status == S.APPROVED
    assert application.confirmation_deadline == application.dialogue.confirmation_deadline
    client.force_login(people["secretariat"])
    page = client.get(url)  # the secretariat reads objections, cannot decide
    assert page.status_code == 200 and "Approve" not in page.content.decode()
    client.post(url, {"application": application.pk, "decision": "reject", "reason": "x"})
    application.refresh_from_db()
    assert application.status == S.APPROVED


def test_one_click_confirmation_page_confirms_on_post_only(client, people):
    application = ApplicationFactory(status=S.APPROVED)
    application.confirmation_deadline = application.dialogue.confirmation_deadline
    application.save()
    url = reverse("engagement:application-confirm", args=[confirm_token(application)])
    assert "Confirm our attendance" in client.get(url).content.decode()
    application.refresh_from_db()
    assert application.status == S.APPROVED
    response = client.post(url)
    assert "Attendance confirmed." in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.CONFIRMED
    bad = client.get(reverse("engagement:application-confirm", args=["forged"]))
    assert "This confirmation link is not valid." in bad.content.decode()


def test_exports_of_the_circulated_list(client, people):
    dialogue = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    for index in range(3):
        application = ApplicationFactory(
            dialogue=dialogue,
            status=S.CIRCULATED,
            organization=OrganizationFactory(name=f"Export Org {index}", country="PE"),
        )
        application.representatives.create(name="Hidden Person", email="hidden@example.org")
    client.force_login(people["secretariat"])
    base = "engagement:staff-queue-export"
    text = client.get(reverse(base, args=[dialogue.pk, "csv"])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Organization", "Acronym", "Country"]
    assert [row[0] for row in rows[1:]] == ["Export Org 0", "Export Org 1", "Export Org 2"]
    assert "hidden@example.org" not in text
    workbook = load_workbook(
        io.BytesIO(client.get(reverse(base, args=[dialogue.pk, "xlsx"])).content)
    )
    assert workbook.active["A2"].value == "Export Org 0"
    pdf = PdfReader(io.BytesIO(client.get(reverse(base, args=[dialogue.pk, "pdf"])).content))
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "List of applicants circulated to States parties" in pdf_text
    assert "Export Org 2" in pdf_text and "Hidden Person" not in pdf_text
    assert "Latin American and Caribbean States" in pdf_text
    assert client.get(reverse(base, args=[dialogue.pk, "exe"])).status_code == 404


@pytest.mark.parametrize("name", ["queue", "public-list"])
def test_query_counts_constant_at_1_and_200_applications(client, people, name):
    dialogue = DialogueFactory(status=Dialogue.Status.CLOSED)
    client.force_login(people["secretariat"])
    url = (
        reverse("engagement:staff-queue", args=[dialogue.pk])
        if name == "queue"
        else reverse("engagement:dialogue-list")
    )
    ApplicationFactory(dialogue=dialogue)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    one = count()
    ApplicationFactory.create_batch(199, dialogue=dialogue)
    assert count() == one


def test_applicant_sees_own_applications_with_next_action(client, people, organization):
    application = ApplicationFactory(organization=organization, status=S.APPROVED)
    application.confirmation_deadline = application.dialogue.confirmation_deadline
    application.save()
    client.force_login(people["member"])
    html = client.get(application.get_absolute_url()).content.decode()
    assert "Confirm your attendance" in html and "23:59:59" in html
    client.force_login(people["outsider"])
    assert client.get(application.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(reverse("engagement:application-list")).status_code == 200


def test_staff_pages_of_the_queue_are_staff_only(client, people):
    dialogue = DialogueFactory()
    for role in ("admin", "state", "bureau", "chair"):
        client.force_login(people[role])
        assert client.get(reverse("engagement:staff-queue", args=[dialogue.pk])).status_code == 404
    assert grant_role is not None and Role


def test_personal_calendar_feed_at_a_secret_address(client, people, organization):

    application = ApplicationFactory(organization=organization, status=S.APPROVED)
    application.confirmation_deadline = application.dialogue.confirmation_deadline
    application.save()
    member = people["member"]
    response = client.get(reverse("engagement:personal-feed", args=[member.calendar_token]))
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
    confirm = events[f"Confirm attendance: {application.dialogue.title}"]
    assert confirm.decoded("DTSTART") == application.confirmation_deadline
    assert application.dialogue.title in events
    assert client.get(reverse("engagement:personal-feed", args=["wrong"])).status_code == 404

    client.force_login(member)
    old = member.calendar_token
    client.post(reverse("engagement:calendar-settings"))
    member.refresh_from_db()
    assert member.calendar_token != old
    assert client.get(reverse("engagement:personal-feed", args=[old])).status_code == 404
