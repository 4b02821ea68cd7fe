"""The workflow modules' tables of who may do what when: every status against every kind of
person, and each deadline one second before and after; the withdraw rule on every path; a
letter export started once by two workers; the outbox's machine."""

from datetime import timedelta
from itertools import product

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from engagement.models import Application, Dialogue, LetterExport
from engagement.services.applications import application_withdraw
from engagement.services.letters import letter_export_build
from engagement.workflows import applications as workflow
from engagement.workflows import dialogues as dialogue_workflow
from engagement.workflows import letter_exports as export_workflow
from engagement.workflows.applications import ApplicationError
from portal.models import OutboundEmail
from portal.workflows import outbox as outbox_workflow
from tests.factories import ApplicationFactory, DialogueFactory

pytestmark = pytest.mark.django_db
S = Application.Status
A = workflow.Action
SECOND = timedelta(seconds=1)

# Statuses from which the secretariat can prepare a decision (screen in, reject, circulate,
# refer).
STAGED_FROM = (S.SUBMITTED, S.SCREENED_IN, S.OBJECTED, S.REFERRED)
# What each kind of person may do with an application in each status, while every window of
# an open dialogue is open (applications, objections, confirmation, comments).
EXPECTED = {
    "member": {
        S.DRAFT: {A.EDIT, A.SUBMIT, A.WITHDRAW},
        S.SUBMITTED: {A.EDIT, A.WITHDRAW, A.COMMENT},
        S.SCREENED_IN: {A.WITHDRAW, A.COMMENT},
        S.REJECTED: set(),
        S.CIRCULATED: {A.WITHDRAW, A.COMMENT},
        S.OBJECTED: {A.WITHDRAW, A.COMMENT},
        S.REFERRED: {A.WITHDRAW, A.COMMENT},
        S.APPROVED: {A.WITHDRAW, A.COMMENT, A.CONFIRM},
        S.CONFIRMED: {A.WITHDRAW, A.COMMENT},
        S.LAPSED: set(),
        S.WITHDRAWN: set(),
    },
    "link": {status: {A.CONFIRM} if status == S.APPROVED else set() for status in S.values},
    "state": {
        status: {A.OBJECT} if status in (S.CIRCULATED, S.OBJECTED) else set() for status in S.values
    },
    "bureau": {status: {A.DECIDE} if status == S.REFERRED else set() for status in S.values},
    "secretariat": {
        status: {A.STAGE}
        if status in (S.SUBMITTED, S.SCREENED_IN, S.OBJECTED, S.REFERRED)
        else set()
        for status in S.values
    },
    "outsider": {status: set() for status in S.values},
    "chair": {status: set() for status in S.values},
    "system": {status: set() for status in S.values},
}


def _actor(people, who):
    if who == "system":
        return None  # the portal itself: the deadline sweeps
    return AnonymousUser() if who == "link" else people[who]


@pytest.mark.parametrize(("who", "status"), list(product(EXPECTED, S.values)))
def test_who_may_do_what_in_each_status(people, organization, who, status):
    dialogue = DialogueFactory()
    application = ApplicationFactory(organization=organization, dialogue=dialogue, status=status)
    now = dialogue.applications_open_at + timedelta(days=1)  # every window open
    actions = workflow.allowed_actions(application, _actor(people, who), now)
    assert set(actions) == EXPECTED[who][status]


# Each deadline of an applicant, with the status that offers the action before it.
DEADLINES = [
    (A.SUBMIT, S.DRAFT, lambda d, a: d.application_deadline),
    (A.EDIT, S.SUBMITTED, lambda d, a: d.application_deadline),
    (A.CONFIRM, S.APPROVED, lambda d, a: d.confirmation_deadline),
    (A.COMMENT, S.CONFIRMED, lambda d, a: d.comments_deadline),
]


@pytest.mark.parametrize(("action", "status", "deadline"), DEADLINES)
def test_each_applicant_deadline_holds_to_the_second(
    people, organization, action, status, deadline
):
    dialogue = DialogueFactory()
    application = ApplicationFactory(organization=organization, dialogue=dialogue, status=status)
    moment = deadline(dialogue, application)
    assert workflow.action_deadline(application, action) == moment
    assert action in workflow.allowed_actions(application, people["member"], moment)
    assert action not in workflow.allowed_actions(application, people["member"], moment + SECOND)


def test_objections_close_with_the_window_and_the_portal_settles_then(people):
    dialogue = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    application = ApplicationFactory(dialogue=dialogue, status=S.CIRCULATED)
    window = dialogue.objection_deadline
    assert A.OBJECT in workflow.allowed_actions(application, people["state"], window)
    assert A.SETTLE not in workflow.allowed_actions(application, None, window)
    assert A.OBJECT not in workflow.allowed_actions(application, people["state"], window + SECOND)
    assert A.SETTLE in workflow.allowed_actions(application, None, window + SECOND)


def test_an_unconfirmed_approval_lapses_after_the_cutoff_unless_on_the_reserve_list():
    application = ApplicationFactory(status=S.APPROVED)
    cutoff = application.dialogue.confirmation_deadline
    assert A.LAPSE not in workflow.allowed_actions(application, None, cutoff)
    assert A.LAPSE in workflow.allowed_actions(application, None, cutoff + SECOND)
    application.reserve_position = 1
    assert workflow.allowed_actions(application, None, cutoff + SECOND) == frozenset()
    assert A.CONFIRM not in workflow.allowed_actions(application, AnonymousUser(), cutoff)


def test_withdrawing_ends_when_the_dialogue_starts_on_every_path(client, people, organization):
    dialogue = DialogueFactory()
    application = ApplicationFactory(organization=organization, dialogue=dialogue)
    start = dialogue.starts_at
    assert A.WITHDRAW in workflow.allowed_actions(application, people["member"], start - SECOND)
    assert A.WITHDRAW not in workflow.allowed_actions(application, people["member"], start)
    with pytest.raises(ApplicationError, match="has started"):
        application_withdraw(application.pk, by=people["member"], now=start)
    client.force_login(people["member"])
    page = client.get(application.get_absolute_url()).content.decode()
    assert reverse("engagement:application-withdraw", args=[application.pk]) in page
    with time_machine.travel(start, tick=False):
        page = client.get(application.get_absolute_url()).content.decode()
        response = client.post(reverse("engagement:application-withdraw", args=[application.pk]))
    assert reverse("engagement:application-withdraw", args=[application.pk]) not in page
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_a_place_is_offered_only_from_the_reserve_list():
    application = ApplicationFactory(status=S.APPROVED)
    deadline = application.dialogue.confirmation_deadline
    with pytest.raises(ApplicationError, match="reserve list"):
        workflow.transition_locked(application, S.APPROVED, by=None, confirm_by=deadline)


DIALOGUE_EXPECTED = {
    "secretariat": lambda status: (
        ({dialogue_workflow.EDIT} if status not in dialogue_workflow.OVER else set())
        | {dialogue_workflow.TO + target for target in dialogue_workflow.TRANSITIONS[status]}
        | ({dialogue_workflow.APPLY} if status == Dialogue.Status.OPEN else set())
    ),
    "member": lambda status: {dialogue_workflow.APPLY} if status == Dialogue.Status.OPEN else set(),
    "anonymous": lambda status: set(),
}


@pytest.mark.parametrize(
    ("who", "status"), list(product(DIALOGUE_EXPECTED, Dialogue.Status.values))
)
def test_who_may_do_what_with_a_dialogue_in_each_status(people, who, status):
    dialogue = DialogueFactory(status=status)
    user = AnonymousUser() if who == "anonymous" else people[who]
    now = dialogue.applications_open_at + timedelta(days=1)
    assert set(dialogue_workflow.allowed_actions(dialogue, user, now)) == (
        DIALOGUE_EXPECTED[who](status)
    )


def test_the_portal_closes_applications_the_second_after_the_deadline():
    dialogue = DialogueFactory()
    deadline = dialogue.application_deadline
    assert dialogue_workflow.allowed_actions(dialogue, None, deadline) == frozenset()
    assert dialogue_workflow.allowed_actions(dialogue, None, deadline + SECOND) == {
        dialogue_workflow.CLOSE
    }


E = LetterExport.Status


@pytest.mark.parametrize(("source", "target"), list(product(E.values, E.values)))
def test_every_allowed_and_forbidden_export_transition(source, target):
    export = LetterExport.objects.create(description="All", status=source)
    changed = export_workflow.export_transition(export.pk, target)
    export.refresh_from_db()
    allowed = target in export_workflow.TRANSITIONS[source]
    assert changed is allowed
    assert export.status == (target if allowed else source)


def test_two_workers_given_one_export_make_it_once(people):
    export = LetterExport.objects.create(description="Nothing yet", criteria={"state": "KEN"})
    assert export_workflow.export_transition(export.pk, E.RUNNING) is True
    assert export_workflow.export_transition(export.pk, E.RUNNING) is False
    letter_export_build(export.pk)  # the second worker: the export is running, it returns
    export.refresh_from_db()
    assert (export.status, export.archive.name) == (E.RUNNING, "")


def test_an_export_is_downloaded_by_the_secretariat_until_its_link_expires(people):
    export = LetterExport.objects.create(
        description="Done", status=E.DONE, archive="exports/a.zip", merged="exports/a.pdf"
    )
    export.expires_at = export.created_at + timedelta(hours=24)
    last_second = export.expires_at - SECOND
    assert export_workflow.allowed_actions(export, people["member"], last_second) == frozenset()
    assert export_workflow.DOWNLOAD in export_workflow.allowed_actions(
        export, people["secretariat"], last_second
    )
    assert export_workflow.allowed_actions(export, people["secretariat"], export.expires_at) == {
        export_workflow.FOLLOW
    }
    export.archive = ""  # the sweep deleted the files
    assert export_workflow.allowed_actions(export, people["secretariat"], last_second) == {
        export_workflow.FOLLOW
    }


M = OutboundEmail.Status


@pytest.mark.parametrize(("source", "target"), list(product(M.values, M.values)))
def test_every_allowed_and_forbidden_outbox_transition(source, target):
    email = OutboundEmail.objects.create(
        to="a@example.org", subject="s", body_text="b", status=source
    )
    if target in outbox_workflow.TRANSITIONS[source]:
        fields = outbox_workflow.email_transition(email, target)
        email.save(update_fields=fields)
        email.refresh_from_db()
        assert email.status == target
        assert ("sent_at" in fields) is (target == M.SENT)
    else:
        with pytest.raises(outbox_workflow.OutboxError):
            outbox_workflow.email_transition(email, target)
        assert email.status == source


def test_only_the_secretariat_may_resend_and_only_a_failed_message(people):
    failed = OutboundEmail(to="a@example.org", subject="s", body_text="b", status=M.FAILED)
    sent = OutboundEmail(to="a@example.org", subject="s", body_text="b", status=M.SENT)
    assert outbox_workflow.allowed_actions(failed, people["secretariat"]) == {
        outbox_workflow.RESEND
    }
    assert outbox_workflow.allowed_actions(failed, people["member"]) == frozenset()
    assert outbox_workflow.allowed_actions(sent, people["secretariat"]) == frozenset()
