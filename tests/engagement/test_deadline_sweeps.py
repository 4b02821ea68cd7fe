"""The deadline sweeps with the clock moved: one second before and after each deadline."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command

from engagement.models import AgendaItem, Application, Dialogue, Objection, WrittenComment
from engagement.services import sweeps
from engagement.services.applications import ApplicationError, application_confirm
from engagement.services.dialogues import dialogue_announce_documents, dialogue_update
from engagement.workflows.dialogues import dialogue_transition
from portal import deadlines
from portal.models import OutboundEmail, Role, SweepRecord
from reviews.models import State, WorkingGroup
from tests.factories import ApplicationFactory, DialogueFactory, UserFactory, grant_role

pytestmark = pytest.mark.django_db
S = Application.Status
SECOND = timedelta(seconds=1)


def test_applications_close_at_the_deadline_and_too_few_asks_for_a_decision(
    django_capture_on_commit_callbacks,
):
    chair = grant_role(
        UserFactory(), Role.CHAIR, working_group=WorkingGroup.objects.get(slug="firearms")
    )
    officer = grant_role(UserFactory(), Role.SECRETARIAT)
    dialogue = DialogueFactory(minimum_applications=3)
    ApplicationFactory.create_batch(2, dialogue=dialogue)
    deadline = dialogue.application_deadline
    with time_machine.travel(deadline + timedelta(microseconds=500_000)):
        assert sweeps.dialogues_close_applications()["closed"] == 0
    with time_machine.travel(deadline + SECOND), django_capture_on_commit_callbacks(execute=True):
        assert sweeps.dialogues_close_applications() == {"closed": 1, "asked_to_decide": 2}
        assert sweeps.dialogues_close_applications() == {"closed": 0, "asked_to_decide": 0}
    dialogue.refresh_from_db()
    assert dialogue.status == Dialogue.Status.CLOSED
    asked = OutboundEmail.objects.filter(template="emails/engagement/too_few_applications")
    assert sorted(asked.values_list("to", flat=True)) == sorted([chair.email, officer.email])


def test_objection_window_settles_one_second_after_it_closes(django_capture_on_commit_callbacks):
    dialogue = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    clean = ApplicationFactory(dialogue=dialogue, status=S.CIRCULATED)
    objected = ApplicationFactory(dialogue=dialogue, status=S.OBJECTED)
    Objection.objects.create(application=objected, state=State.objects.get(code="KEN"), reason="x")
    window = dialogue.objection_deadline
    with time_machine.travel(window):
        assert sweeps.applications_settle_objection_window() == {"approved": 0, "referred": 0}
    with time_machine.travel(window + SECOND), django_capture_on_commit_callbacks(execute=True):
        assert sweeps.applications_settle_objection_window() == {"approved": 1, "referred": 1}
        assert sweeps.applications_settle_objection_window() == {"approved": 0, "referred": 0}
    clean.refresh_from_db()
    objected.refresh_from_db()
    assert (clean.status, objected.status) == (S.APPROVED, S.REFERRED)
    assert clean.confirmation_deadline == dialogue.confirmation_deadline
    approval = OutboundEmail.objects.get(
        template="emails/engagement/application_approved", to=clean.organization.email
    )
    assert "/applications/confirm/" in approval.body_text


def test_reminders_at_7_and_2_days_each_sent_exactly_once(django_capture_on_commit_callbacks):
    application = ApplicationFactory(status=S.APPROVED)
    cutoff = application.dialogue.confirmation_deadline
    application.confirmation_deadline = cutoff
    application.save()
    reminders = OutboundEmail.objects.filter(template="emails/engagement/confirmation_reminder")
    with time_machine.travel(cutoff - timedelta(days=7) - SECOND):
        sweeps.applications_remind_confirmation()
    assert reminders.count() == 0
    for moment in (
        cutoff - timedelta(days=7),
        cutoff - timedelta(days=6),
        cutoff - timedelta(days=2),
        cutoff - timedelta(hours=1),
    ):
        with time_machine.travel(moment):
            sweeps.applications_remind_confirmation()
            sweeps.applications_remind_confirmation()
    keys = sorted(reminders.values_list("dedupe_key", flat=True))
    assert keys == [
        f"reminder-2d:{application.pk}:{application.organization.email}",
        f"reminder-7d:{application.pk}:{application.organization.email}",
    ]


def test_unconfirmed_approvals_lapse_after_the_cutoff(django_capture_on_commit_callbacks):
    application = ApplicationFactory(status=S.APPROVED)
    confirmed = ApplicationFactory(status=S.CONFIRMED, dialogue=application.dialogue)
    cutoff = application.dialogue.confirmation_deadline
    application.confirmation_deadline = cutoff
    application.save()
    with time_machine.travel(cutoff):
        assert sweeps.applications_lapse_unconfirmed() == {"lapsed": 0, "offered": 0}
    with time_machine.travel(cutoff + SECOND), django_capture_on_commit_callbacks(execute=True):
        assert sweeps.applications_lapse_unconfirmed() == {"lapsed": 1, "offered": 0}
        assert sweeps.applications_lapse_unconfirmed() == {"lapsed": 0, "offered": 0}
    application.refresh_from_db()
    confirmed.refresh_from_db()
    assert (application.status, confirmed.status) == (S.LAPSED, S.CONFIRMED)
    assert (
        OutboundEmail.objects.filter(template="emails/engagement/application_lapsed").count() == 1
    )


def test_run_deadlines_runs_every_sweep(settings):
    call_command("run_deadlines", verbosity=0)

    names = set(SweepRecord.objects.exclude(last_success_at=None).values_list("name", flat=True))
    assert names == {path.rsplit(".", 1)[1] for path in settings.DEADLINE_SWEEPS}


def test_applicants_hear_when_a_dialogue_is_not_convened_or_its_summary_is_published(
    django_capture_on_commit_callbacks,
):

    dialogue = DialogueFactory(status=Dialogue.Status.CLOSED)
    active = ApplicationFactory(dialogue=dialogue)
    ApplicationFactory(dialogue=dialogue, status=S.WITHDRAWN)
    with django_capture_on_commit_callbacks(execute=True):
        dialogue_transition(
            dialogue.pk,
            Dialogue.Status.NOT_CONVENED,
            by=None,
            reason="Only two applications arrived.",
        )
    notice = OutboundEmail.objects.get(template="emails/engagement/dialogue_not_convened")
    assert notice.to == active.organization.email
    assert "Only two applications arrived." in notice.body_text


def test_programme_publication_is_announced_once(client, django_capture_on_commit_callbacks):

    dialogue = DialogueFactory()
    ApplicationFactory(dialogue=dialogue)
    AgendaItem.objects.create(dialogue=dialogue, title="Opening")
    with django_capture_on_commit_callbacks(execute=True):
        dialogue_announce_documents(dialogue, had_programme=False, previous_paper="")
        dialogue_announce_documents(dialogue, had_programme=False, previous_paper="")
    assert (
        OutboundEmail.objects.filter(
            template="emails/engagement/dialogue_programme_published"
        ).count()
        == 1
    )


def test_beyond_capacity_a_reserve_list_is_offered_freed_places_in_order(
    django_capture_on_commit_callbacks,
):

    dialogue = DialogueFactory(
        status=Dialogue.Status.CIRCULATED, format="in_person", capacity_in_person=2
    )
    first, second, third = (
        ApplicationFactory(dialogue=dialogue, status=S.CIRCULATED) for _ in range(3)
    )
    for index, application in enumerate((first, second, third)):
        application.representatives.create(name=f"Person {index}", email=f"p{index}@x.org")
        application.submitted_at = dialogue.applications_open_at + timedelta(days=index)
        application.save()
    window = dialogue.objection_deadline + SECOND
    with time_machine.travel(window), django_capture_on_commit_callbacks(execute=True):
        assert sweeps.applications_settle_objection_window() == {"approved": 3, "referred": 0}
    for application in (first, second, third):
        application.refresh_from_db()
    assert [a.reserve_position for a in (first, second, third)] == [None, None, 1]
    assert third.status == S.APPROVED and third.confirmation_deadline is None
    assert OutboundEmail.objects.filter(template="emails/engagement/application_reserve").count()
    with pytest.raises(ApplicationError, match="reserve list"):
        application_confirm(third.pk, now=window)

    application_confirm(first.pk, now=window)
    cutoff = dialogue.confirmation_deadline + SECOND
    with time_machine.travel(cutoff), django_capture_on_commit_callbacks(execute=True):
        assert sweeps.applications_lapse_unconfirmed() == {"lapsed": 1, "offered": 1}
        assert sweeps.applications_lapse_unconfirmed() == {"lapsed": 0, "offered": 0}
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == S.LAPSED
    assert third.reserve_position is None
    assert third.confirmation_deadline == deadlines.days_before(cutoff, -3)
    offer = OutboundEmail.objects.filter(
        template="emails/engagement/application_approved", to=third.organization.email
    ).get()
    assert "/applications/confirm/" in offer.body_text
    application_confirm(third.pk, now=cutoff + timedelta(days=1))
    third.refresh_from_db()
    assert third.status == S.CONFIRMED


def test_secretariat_hears_once_how_many_written_comments_arrived(
    django_capture_on_commit_callbacks,
):

    officer = grant_role(UserFactory(), Role.SECRETARIAT)
    dialogue = DialogueFactory(status=Dialogue.Status.CONVENED)
    application = ApplicationFactory(dialogue=dialogue, status=S.CONFIRMED)
    WrittenComment.objects.create(application=application, text="Our comments")
    closes = dialogue.comments_deadline
    with time_machine.travel(closes):
        assert sweeps.dialogues_comments_digest() == {"queued": 0}
    with time_machine.travel(closes + SECOND):
        assert sweeps.dialogues_comments_digest() == {"queued": 1}
        assert sweeps.dialogues_comments_digest() == {"queued": 0}
    digest = OutboundEmail.objects.get(template="emails/engagement/comments_digest")
    assert digest.to == officer.email and "1 comment arrived" in digest.body_text


def test_moving_the_dialogue_recomputes_cutoffs_and_tells_applicants_once(
    django_capture_on_commit_callbacks,
):

    dialogue = DialogueFactory()
    approved = ApplicationFactory(
        dialogue=dialogue, status=S.APPROVED, confirmation_deadline=dialogue.confirmation_deadline
    )
    ApplicationFactory(dialogue=dialogue, status=S.SUBMITTED)
    new_start = dialogue.starts_at + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        dialogue_update(
            dialogue.pk, by=None, starts_at=new_start, ends_at=new_start + timedelta(hours=3)
        )
        dialogue_update(dialogue.pk, by=None, title="Renamed only")  # dates unchanged
    approved.refresh_from_db()
    assert approved.confirmation_deadline == deadlines.days_before(new_start, 15)
    notices = OutboundEmail.objects.filter(template="emails/engagement/dialogue_dates_changed")
    assert notices.count() == 2
    assert "Confirmation cut-off:" in notices.first().body_text
