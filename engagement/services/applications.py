"""What people do with applications: organizations apply, edit, withdraw, confirm and comment;
the secretariat prepares decisions and releases them together; States parties object; the
Bureau decides on referrals.

Each action checks ``engagement.workflows.applications`` (who may do what, and until when) and
changes the status only through its ``transition_locked``, under a row lock, so that two people
acting at once produce one change. Notices go out after commit through the outbox.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import Application, Objection, Representative, WrittenComment
from engagement.services.capacity import approve_or_reserve_locked
from engagement.uploads import KEEP_CURRENT_FILE, file_field_update
from engagement.workflows import applications as workflow
from engagement.workflows.applications import (
    STAFF_DECISIONS,
    ApplicationError,
    application_locked,
    dialogue_accepts_applications,
)
from portal.files import atomic_with_files, file_replace
from portal.permissions import represents_state

S = Application.Status
Action = workflow.Action


def _refuse_unless(application: Application, action: str, user, now) -> None:
    if action not in workflow.allowed_actions(application, user, now):
        raise ApplicationError(workflow.refusal(application, action, now))


# --- applicants -------------------------------------------------------------------------------


def _apply_fields(application: Application, fields: dict, representatives: list[dict]) -> None:
    expertise = {name: fields.pop(name, None) for name in Application.EXPERTISE_FIELDS}
    if "nomination_letter" in fields:
        letter = file_field_update(fields.pop("nomination_letter"))
        if letter is not KEEP_CURRENT_FILE:
            file_replace(application, "nomination_letter", letter)
    for name, value in fields.items():
        setattr(application, name, value)
    application.save()
    application.expertise_set(expertise)
    application.representatives.all().delete()
    Representative.objects.bulk_create(
        Representative(application=application, **person) for person in representatives
    )


@atomic_with_files()
def applications_save(
    *,
    organization,
    dialogues,
    by,
    fields: dict,
    representatives: list[dict],
    submit: bool,
    now=None,
) -> list[Application]:
    """Create or update the organization's application to each dialogue (one each), as a
    draft or submitted. An application already submitted is not duplicated: submitting the
    same form twice (a double click) leaves one application. One transaction: if it fails
    midway (the database connection lost), nothing is written and an uploaded nomination letter
    is removed from storage again."""
    now = now or timezone.now()
    saved = []
    for dialogue in dialogues:
        if not dialogue_accepts_applications(dialogue, now):
            raise ApplicationError(
                _(
                    "“%(title)s” does not accept applications: the deadline was %(deadline)s "
                    "Vienna time."
                )
                % {
                    "title": dialogue.title,
                    "deadline": timezone.localtime(dialogue.application_deadline).strftime(
                        "%d %B %Y, %H:%M:%S"
                    ),
                }
            )
        application, _created = Application.objects.select_for_update().get_or_create(
            organization=organization,
            dialogue=dialogue,
            defaults={"created_by": by, "statement": fields.get("statement", "")},
        )
        if application.status not in workflow.EDITABLE:
            raise ApplicationError(
                _("The application to “%(title)s” is “%(status)s” and can no longer be edited.")
                % {"title": dialogue.title, "status": application.get_status_display()}
            )
        _apply_fields(application, dict(fields), representatives)
        if submit and application.status == S.DRAFT:
            workflow.transition_locked(application, S.SUBMITTED, by=by)
        saved.append(application)
    return saved


@transaction.atomic
def application_withdraw(application_id: int, *, by, now=None) -> Application:
    """Withdraw the application, until the dialogue starts."""
    now = now or timezone.now()
    application = application_locked(application_id)
    _refuse_unless(application, Action.WITHDRAW, by, now)
    return workflow.transition_locked(
        application, S.WITHDRAWN, by=by, reason=_("Withdrawn by the applicant")
    )


@transaction.atomic
def application_confirm(application_id: int, *, by=None, now=None) -> Application:
    """Confirm attendance; accepted until the application's cut-off, to the second. ``by`` is
    None when the emailed link is used signed out (the link is the proof)."""
    now = now or timezone.now()
    application = application_locked(application_id)
    if application.status == S.CONFIRMED:
        return application
    if application.status == S.APPROVED:  # the link is the proof, whoever is signed in
        _refuse_unless(application, Action.CONFIRM, workflow.LINK_HOLDER, now)
    return workflow.transition_locked(application, S.CONFIRMED, by=by)


@transaction.atomic
def comment_add(application_id: int, *, by, text: str, document, now=None) -> WrittenComment:
    """Add written comments (text, a PDF or both), until the day before the dialogue."""
    now = now or timezone.now()
    application = application_locked(application_id)
    _refuse_unless(application, Action.COMMENT, by, now)
    if not text.strip() and not document:
        raise ApplicationError(_("Write your comments or attach a PDF."), field="text")
    return WrittenComment.objects.create(
        application=application, text=text.strip(), document=document or "", submitted_by=by
    )


# --- the secretariat --------------------------------------------------------------------------


@transaction.atomic
def applications_stage(application_ids, target: str, *, by, reason: str = "") -> list[str]:
    """Prepare a decision on each application (nothing is sent until release). Returns the
    problems, one per application that cannot take this decision."""
    if target not in STAFF_DECISIONS:
        raise ApplicationError(_("This decision is not the secretariat's to take."))
    if target in workflow.REASON_REQUIRED and not reason.strip():
        raise ApplicationError(_("Give the reason for this decision."), field="reason")
    problems = []
    for application in (
        Application.objects.select_for_update()
        .select_related("organization")
        .filter(pk__in=application_ids)
    ):
        if target not in workflow.TRANSITIONS[application.status]:
            problems.append(
                _("%(org)s: “%(status)s” cannot become “%(target)s”.")
                % {
                    "org": application.organization,
                    "status": application.get_status_display(),
                    "target": S(target).label,
                }
            )
            continue
        application.staged_status, application.staged_reason = target, reason.strip()
        application.staged_by = by
        application.save(update_fields=["staged_status", "staged_reason", "staged_by"])
    return problems


@transaction.atomic
def application_unstage(application_id: int) -> None:
    """Undo the decision prepared for the application."""
    Application.objects.filter(pk=application_id).update(
        staged_status="", staged_reason="", staged_by=None
    )


@transaction.atomic
def applications_release(dialogue_id: int, *, by) -> int:
    """Carry out every prepared decision of the dialogue at once; the emails leave now."""
    released = 0
    staged = (
        Application.objects.select_for_update()
        .select_related("organization", "dialogue")
        .filter(dialogue_id=dialogue_id)
        .exclude(staged_status="")
    )
    for application in staged:
        if application.staged_status in workflow.TRANSITIONS[application.status]:
            workflow.transition_locked(
                application,
                application.staged_status,
                by=application.staged_by or by,
                reason=application.staged_reason,
            )
            released += 1
        else:  # the application moved on meanwhile (withdrawn): drop the stale decision
            application_unstage(application.pk)
    return released


# --- States parties and the Bureau ------------------------------------------------------------


@transaction.atomic
def objection_record(application_id: int, *, state, by, reason: str, now=None) -> Objection:
    """A State party objects to an organization, within the objection window."""
    now = now or timezone.now()
    application = application_locked(application_id)
    if not reason.strip():
        raise ApplicationError(_("Give the reason for the objection."), field="reason")
    if not (by is not None and represents_state(by, state)):
        raise ApplicationError(
            _("Only a representative of %(state)s can object for it.") % {"state": state}
        )
    _refuse_unless(application, Action.OBJECT, by, now)
    if application.objections.filter(state=state).exists():
        raise ApplicationError(
            _("%(state)s has already objected to this organization.") % {"state": state}
        )
    objection = Objection.objects.create(
        application=application, state=state, by=by, reason=reason.strip()
    )
    if application.status == S.CIRCULATED:
        workflow.transition_locked(
            application, S.OBJECTED, by=by, reason=_("Objection by %(state)s") % {"state": state}
        )
    return objection


@transaction.atomic
def bureau_decide(application_id: int, *, approve: bool, by, reason: str) -> Application:
    """The Bureau approves or rejects a referred application, with its reason. An approval
    passes the same check of the places as every other (``approve_or_reserve_locked``): beyond
    them the application joins the reserve list."""
    application = application_locked(application_id)
    _refuse_unless(application, Action.DECIDE, by, timezone.now())
    if not reason.strip():
        raise ApplicationError(_("Give the reason for this decision."), field="reason")
    if approve:
        return approve_or_reserve_locked(application, by=by, reason=reason)
    return workflow.transition_locked(application, S.REJECTED, by=by, reason=reason)
