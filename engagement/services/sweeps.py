"""Deadline sweeps of the engagement app (registered in ``settings.DEADLINE_SWEEPS``).

Each sweep is idempotent: it moves status columns under ``select_for_update`` (a row that
another run already moved is skipped) and its emails carry a deduplication key, so a sweep
run twice, or twice at once, changes and sends everything once.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import AgendaItem, Application, Dialogue, LetterExport, WrittenComment
from engagement.services.capacity import approve_or_reserve_locked, reserve_offer_places
from engagement.services.notifications import notify_applicants
from engagement.workflows import applications as application_workflow
from engagement.workflows import dialogues as dialogue_workflow
from engagement.workflows.applications import application_locked
from portal import deadlines
from portal.files import file_replace
from portal.models import Role
from portal.selectors import role_holders, secretariat_users
from portal.services.outbox import email_each

S = Application.Status
SYSTEM = None  # the portal itself, as the user of allowed_actions


def dialogues_remind_missing_programme(now=None) -> dict:
    """Remind the secretariat, once per dialogue and person, of a dialogue starting within
    ``PROGRAMME_REMINDER_DAYS`` days that has no programme yet."""
    now = now or timezone.now()
    horizon = now + timedelta(days=settings.PROGRAMME_REMINDER_DAYS)
    dialogues = (
        Dialogue.objects.filter(
            status__in=dialogue_workflow.PROGRAMME_EXPECTED,
            starts_at__gt=now,
            starts_at__lte=horizon,
        )
        .exclude(Exists(AgendaItem.objects.filter(dialogue=OuterRef("pk"))))
        .select_related("session__working_group")
    )
    staff = list(secretariat_users())
    queued = 0
    for dialogue in dialogues:
        queued += email_each(
            staff,
            template="emails/engagement/programme_missing",
            context={"dialogue": dialogue, "days": (dialogue.starts_at - now).days},
            related=dialogue,
            dedupe_key=f"programme-missing:{dialogue.pk}",
        )
    return {"queued": queued}


def _chairs_and_secretariat(dialogue):
    chairs = role_holders(Role.CHAIR, working_group=dialogue.session.working_group_id)
    return list({user.pk: user for user in [*chairs, *secretariat_users()]}.values())


def dialogues_close_applications(now=None) -> dict:
    """Application deadline passed: the dialogue's applications close. If fewer than the
    dialogue's minimum arrived, the chair and the secretariat are asked, once, whether to
    convene (the decision itself is theirs, on the dialogue's page)."""
    now = now or timezone.now()
    closed = asked = 0
    due = Dialogue.objects.filter(status=Dialogue.Status.OPEN, application_deadline__lt=now)
    for dialogue_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            dialogue = (
                Dialogue.objects.select_for_update()
                .select_related("session__working_group")
                .get(pk=dialogue_id)
            )
            if dialogue_workflow.CLOSE not in dialogue_workflow.allowed_actions(
                dialogue, SYSTEM, now
            ):
                continue
            dialogue_workflow.dialogue_transition(
                dialogue.pk,
                Dialogue.Status.CLOSED,
                by=None,
                reason=_("The application deadline passed."),
            )
            closed += 1
            received = dialogue.applications.filter(
                status__in=application_workflow.RECEIVED
            ).count()
            if received < dialogue.minimum_applications:
                asked += email_each(
                    _chairs_and_secretariat(dialogue),
                    template="emails/engagement/too_few_applications",
                    context={"dialogue": dialogue, "received": received},
                    related=dialogue,
                    dedupe_key=f"too-few:{dialogue.pk}",
                )
    return {"closed": closed, "asked_to_decide": asked}


def _each_locked(queryset, action) -> int:
    """Apply ``action`` to each row of ``queryset``, one short transaction and row lock each;
    a row that another run already moved is skipped."""
    done = 0
    for pk in list(queryset.values_list("pk", flat=True)):
        with transaction.atomic():
            done += bool(action(application_locked(pk)))
    return done


def applications_settle_objection_window(now=None) -> dict:
    """Objection window closed: circulated applications without objection become approved
    (the approval email carries the confirmation link); objected ones go to the Bureau."""
    now = now or timezone.now()
    window_closed = Q(dialogue__objection_deadline__lt=now)

    def settles(application) -> bool:
        actions = application_workflow.allowed_actions(application, SYSTEM, now)
        return application_workflow.Action.SETTLE in actions

    def approve(application):
        if application.status != S.CIRCULATED or not settles(application):
            return False
        approve_or_reserve_locked(
            application, reason=_("No objection when the objection window closed.")
        )
        return True

    def refer(application):
        if application.status != S.OBJECTED or not settles(application):
            return False
        application_workflow.transition_locked(
            application,
            S.REFERRED,
            by=None,
            reason=_("A State party objected: referred to the Bureau."),
        )
        return True

    approved = _each_locked(Application.objects.filter(window_closed, status=S.CIRCULATED), approve)
    referred = _each_locked(Application.objects.filter(window_closed, status=S.OBJECTED), refer)
    return {"approved": approved, "referred": referred}


def applications_remind_confirmation(now=None) -> dict:
    """Remind approved, unconfirmed applicants before their cut-off (by default 7 and 2 days
    before), each reminder exactly once per application."""
    now = now or timezone.now()
    days_list = sorted(settings.CONFIRMATION_REMINDER_DAYS)
    sent = 0
    due = (
        Application.objects.filter(
            status=S.APPROVED,
            reserve_position=None,
            confirmation_deadline__gt=now,
            confirmation_deadline__lte=now + timedelta(days=days_list[-1]),
        )
        .select_related("organization", "dialogue")
        .prefetch_related("organization__memberships__user")
    )
    for application in due:
        if application_workflow.Action.CONFIRM not in application_workflow.allowed_actions(
            application, application_workflow.LINK_HOLDER, now
        ):
            continue
        left = application.confirmation_deadline - now
        days = next(d for d in days_list if left <= timedelta(days=d))
        sent += notify_applicants(
            application, "confirmation_reminder", dedupe=f"reminder-{days}d:{application.pk}"
        )
    return {"reminders_queued": sent}


def applications_lapse_unconfirmed(now=None) -> dict:
    """Cut-off passed: approved applications not confirmed lapse, with a notice; the places
    they free are offered to the reserve list, in order."""
    now = now or timezone.now()

    def lapse(application):
        actions = application_workflow.allowed_actions(application, SYSTEM, now)
        if application_workflow.Action.LAPSE not in actions:
            return False
        application_workflow.transition_locked(
            application,
            S.LAPSED,
            by=None,
            reason=_("Attendance was not confirmed before the cut-off."),
        )
        return True

    due = Application.objects.filter(
        status=S.APPROVED, reserve_position=None, confirmation_deadline__lt=now
    )
    dialogue_ids = set(due.values_list("dialogue_id", flat=True))
    lapsed = _each_locked(due, lapse)
    waiting = Application.objects.filter(status=S.APPROVED).exclude(reserve_position=None)
    offered = sum(
        reserve_offer_places(pk, now)
        for pk in dialogue_ids | set(waiting.values_list("dialogue_id", flat=True))
    )
    return {"lapsed": lapsed, "offered": offered}


def dialogues_comments_digest(now=None) -> dict:
    """When written comments close (the day before the dialogue), tell the secretariat once
    how many comments arrived, so that they reach the chair and the participants in time."""
    now = now or timezone.now()
    queued = 0
    soon = Dialogue.objects.filter(
        status__in=dialogue_workflow.PROGRAMME_EXPECTED,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(days=2),
    ).select_related("session__working_group")
    staff = list(secretariat_users())
    for dialogue in soon:
        if deadlines.is_open(dialogue.comments_deadline, now):
            continue
        received = WrittenComment.objects.filter(application__dialogue=dialogue).count()
        queued += email_each(
            staff,
            template="emails/engagement/comments_digest",
            context={"dialogue": dialogue, "received": received},
            related=dialogue,
            dedupe_key=f"comments-digest:{dialogue.pk}",
        )
    return {"queued": queued}


def letter_exports_delete_expired(now=None) -> dict:
    """Delete the ZIP and merged PDF of every letter export whose links have expired. The
    export's record stays (what was exported, by whom, when); its files go once the row is
    cleared under a lock, so a second run finds nothing to do."""
    now = now or timezone.now()
    expired = LetterExport.objects.filter(expires_at__lte=now).exclude(archive="", merged="")
    deleted = 0
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            export = LetterExport.objects.select_for_update().filter(pk=pk).first()
            if export is None or not (export.archive or export.merged):
                continue
            deleted += bool(export.archive) + bool(export.merged)
            file_replace(export, "archive", "")
            file_replace(export, "merged", "")
            export.save(update_fields=["archive", "merged"])
    return {"deleted": deleted}
