"""Every change to applications: submit, screen, circulate, object, refer, decide, confirm.

One transition table governs the statuses (``APPLICATION_TRANSITIONS``); every change is
recorded with who, when, from, to and why, under a row lock so that two people acting at once
produce one change. Emails go out after commit through the outbox.
"""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement import deadlines
from engagement.models import (
    Application,
    ApplicationStatusChange,
    Dialogue,
    Objection,
    Representative,
    WrittenComment,
)
from engagement.uploads import KEEP_CURRENT_FILE, file_field_update
from portal.files import file_replace
from portal.outbox import email_queue

S = Application.Status

APPLICATION_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.SCREENED_IN, S.REJECTED, S.WITHDRAWN}),
    S.SCREENED_IN: frozenset({S.CIRCULATED, S.REJECTED, S.WITHDRAWN}),
    S.CIRCULATED: frozenset({S.APPROVED, S.OBJECTED, S.WITHDRAWN}),
    S.OBJECTED: frozenset({S.REFERRED, S.WITHDRAWN}),
    S.REFERRED: frozenset({S.APPROVED, S.REJECTED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.CONFIRMED, S.LAPSED, S.WITHDRAWN}),
    S.CONFIRMED: frozenset({S.WITHDRAWN}),
    S.REJECTED: frozenset(),
    S.LAPSED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
# Decisions the secretariat prepares and releases together.
STAFF_DECISIONS = {S.SCREENED_IN, S.REJECTED, S.CIRCULATED, S.REFERRED}
REASON_REQUIRED = frozenset({S.REJECTED})
ACTIVE = [S.SUBMITTED, S.SCREENED_IN, S.CIRCULATED, S.OBJECTED, S.REFERRED, S.APPROVED, S.CONFIRMED]
CONFIRM_SALT = "engagement.application.confirm"
EMAIL_FOR = {
    S.SUBMITTED: "application_received",
    S.SCREENED_IN: "application_screened_in",
    S.REJECTED: "application_rejected",
    S.REFERRED: "application_referred",
    S.APPROVED: "application_approved",
    S.CONFIRMED: "application_confirmed",
    S.LAPSED: "application_lapsed",
}


class ApplicationError(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


# --- notifications --------------------------------------------------------------------------


def confirm_token(application: Application) -> str:
    return signing.dumps({"a": application.pk}, salt=CONFIRM_SALT)


def application_from_confirm_token(token: str) -> Application:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT)
    except signing.BadSignature:
        raise ApplicationError(_("This confirmation link is not valid.")) from None
    application = (
        Application.objects.select_related("organization", "dialogue")
        .filter(pk=data.get("a"))
        .first()
    )
    if application is None:
        raise ApplicationError(_("This confirmation link is not valid."))
    return application


def applicant_emails(application: Application) -> list[str]:
    """Where an organization's notices go: its members and its own address."""
    organization = application.organization
    members = organization.memberships.all()
    if "memberships" not in getattr(organization, "_prefetched_objects_cache", {}):
        members = members.select_related("user")  # sweeps prefetch many at once instead
    emails = {m.user.email for m in members}
    if application.organization.email:
        emails.add(application.organization.email)
    return sorted(emails)


def notify_applicants(
    application: Application, template: str, *, reason: str = "", dedupe: str | None = None
) -> int:
    context = {
        "application": application,
        "organization": application.organization,
        "dialogue": application.dialogue,
        "reason": reason,
        "confirm_path": reverse(
            "engagement:application-confirm", kwargs={"token": confirm_token(application)}
        ),
        "application_path": application.get_absolute_url(),
    }
    queued = 0
    for email in applicant_emails(application):
        queued += (
            email_queue(
                to=email,
                template=f"emails/engagement/{template}",
                context=context,
                related=application,
                dedupe_key=f"{dedupe}:{email}" if dedupe else None,
            )
            is not None
        )
    return queued


def _notify_bureau(application: Application) -> None:
    from engagement.models import Role
    from portal.models import User

    members = User.objects.filter(
        role_grants__role=Role.BUREAU, role_grants__revoked_at__isnull=True, is_active=True
    )
    for user in members.distinct():
        email_queue(
            to=user.email,
            template="emails/engagement/referral_to_bureau",
            context={"application": application, "user": user},
            related=application,
            dedupe_key=f"referral:{application.pk}:{user.pk}",
        )


# --- the one place where a status changes ----------------------------------------------------


def transition_locked(
    application: Application, target: str, *, by, reason: str = ""
) -> Application:
    """Change the (locked) ``application`` to ``target`` and record it; emails on commit."""
    if target not in APPLICATION_TRANSITIONS[application.status]:
        raise ApplicationError(
            _("This application is “%(status)s”: it cannot become “%(target)s”.")
            % {"status": application.get_status_display(), "target": S(target).label}
        )
    reason = reason.strip()
    if target in REASON_REQUIRED and not reason:
        raise ApplicationError(_("Give the reason for this decision."), field="reason")
    ApplicationStatusChange.objects.create(
        application=application,
        from_status=application.status,
        to_status=target,
        by=by,
        reason=reason,
    )
    application.status = target
    application.status_changed_at = timezone.now()
    application.staged_status, application.staged_reason, application.staged_by = "", "", None
    fields = ["status", "status_changed_at", "staged_status", "staged_reason", "staged_by"]
    if target == S.SUBMITTED:
        application.submitted_at = application.status_changed_at
        fields.append("submitted_at")
    if target == S.APPROVED and application.confirmation_deadline is None:
        application.confirmation_deadline = application.dialogue.confirmation_deadline
        fields.append("confirmation_deadline")
    application.save(update_fields=fields)
    template = EMAIL_FOR.get(target)
    if template:
        dedupe = f"{target}:{application.pk}" if target in {S.APPROVED, S.LAPSED} else None
        transaction.on_commit(
            lambda: notify_applicants(application, template, reason=reason, dedupe=dedupe)
        )
    if target == S.REFERRED:
        transaction.on_commit(lambda: _notify_bureau(application))
    return application


def _locked(application_id: int) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("organization", "dialogue")
        .get(pk=application_id)
    )


# --- applicants -------------------------------------------------------------------------------


def dialogue_accepts_applications(dialogue: Dialogue, now=None) -> bool:
    now = now or timezone.now()
    return (
        dialogue.status == Dialogue.Status.OPEN
        and dialogue.applications_open_at <= now
        and deadlines.is_open(dialogue.application_deadline, now)
    )


def _apply_fields(application: Application, fields: dict, representatives: list[dict]) -> None:
    instruments = fields.pop("expertise_instruments", None)
    clusters = fields.pop("expertise_clusters", None)
    if "nomination_letter" in fields:
        letter = file_field_update(fields.pop("nomination_letter"))
        if letter is not KEEP_CURRENT_FILE:
            file_replace(application, "nomination_letter", letter)
    for name, value in fields.items():
        setattr(application, name, value)
    application.save()
    if instruments is not None:
        application.expertise_instruments.set(instruments)
    if clusters is not None:
        application.expertise_clusters.set(clusters)
    application.representatives.all().delete()
    Representative.objects.bulk_create(
        Representative(application=application, **person) for person in representatives
    )


@transaction.atomic
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
    same form twice (a double click) leaves one application."""
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
        if application.status not in (S.DRAFT, S.SUBMITTED):
            raise ApplicationError(
                _("The application to “%(title)s” is “%(status)s” and can no longer be edited.")
                % {"title": dialogue.title, "status": application.get_status_display()}
            )
        _apply_fields(application, dict(fields), representatives)
        if submit and application.status == S.DRAFT:
            transition_locked(application, S.SUBMITTED, by=by)
        saved.append(application)
    return saved


@transaction.atomic
def application_withdraw(application_id: int, *, by, now=None) -> Application:
    now = now or timezone.now()
    application = _locked(application_id)
    if now >= application.dialogue.starts_at:
        raise ApplicationError(
            _("The dialogue has started: the application can no longer be withdrawn.")
        )
    return transition_locked(
        application, S.WITHDRAWN, by=by, reason=_("Withdrawn by the applicant")
    )


@transaction.atomic
def application_confirm(application_id: int, *, by=None, now=None) -> Application:
    """Confirm attendance; accepted until the application's cut-off, to the second."""
    now = now or timezone.now()
    application = _locked(application_id)
    if application.status == S.CONFIRMED:
        return application
    if application.status == S.APPROVED and application.reserve_position is not None:
        raise ApplicationError(
            _(
                "The organization is on the reserve list (position %(n)s): it can confirm once a "
                "place is offered."
            )
            % {"n": application.reserve_position}
        )
    deadline = application.confirmation_deadline or application.dialogue.confirmation_deadline
    if application.status == S.APPROVED and not deadlines.is_open(deadline, now):
        raise ApplicationError(
            _(
                "The confirmation cut-off was %(deadline)s Vienna time: attendance can no longer "
                "be confirmed."
            )
            % {"deadline": timezone.localtime(deadline).strftime("%d %B %Y, %H:%M:%S")}
        )
    return transition_locked(application, S.CONFIRMED, by=by)


@transaction.atomic
def comment_add(application_id: int, *, by, text: str, document, now=None) -> WrittenComment:
    now = now or timezone.now()
    application = _locked(application_id)
    if application.status not in ACTIVE:
        raise ApplicationError(_("Comments can be added to an active application only."))
    if not deadlines.is_open(application.dialogue.comments_deadline, now):
        raise ApplicationError(
            _("Written comments were accepted until the day before the dialogue.")
        )
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
    if target in REASON_REQUIRED and not reason.strip():
        raise ApplicationError(_("Give the reason for this decision."), field="reason")
    problems = []
    for application in (
        Application.objects.select_for_update()
        .select_related("organization")
        .filter(pk__in=application_ids)
    ):
        if target not in APPLICATION_TRANSITIONS[application.status]:
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
        if application.staged_status in APPLICATION_TRANSITIONS[application.status]:
            transition_locked(
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
    application = _locked(application_id)
    if not reason.strip():
        raise ApplicationError(_("Give the reason for the objection."), field="reason")
    if not deadlines.is_open(application.dialogue.objection_deadline, now):
        raise ApplicationError(
            _("The objection window closed on %(deadline)s Vienna time.")
            % {
                "deadline": timezone.localtime(application.dialogue.objection_deadline).strftime(
                    "%d %B %Y, %H:%M:%S"
                )
            }
        )
    if application.status not in (S.CIRCULATED, S.OBJECTED):
        raise ApplicationError(_("Only circulated applications can be objected to."))
    if application.objections.filter(state=state).exists():
        raise ApplicationError(
            _("%(state)s has already objected to this organization.") % {"state": state}
        )
    objection = Objection.objects.create(
        application=application, state=state, by=by, reason=reason.strip()
    )
    if application.status == S.CIRCULATED:
        transition_locked(
            application, S.OBJECTED, by=by, reason=_("Objection by %(state)s") % {"state": state}
        )
    return objection


@transaction.atomic
def bureau_decide(application_id: int, *, approve: bool, by, reason: str) -> Application:
    application = _locked(application_id)
    if application.status != S.REFERRED:
        raise ApplicationError(_("This application is not before the Bureau."))
    if not reason.strip():
        raise ApplicationError(_("Give the reason for this decision."), field="reason")
    return transition_locked(
        application, S.APPROVED if approve else S.REJECTED, by=by, reason=reason
    )


def dialogue_notify_applicants(
    dialogue: Dialogue, template: str, *, key: str, reason: str = ""
) -> None:
    """Tell every organization with an active application about a change of the dialogue,
    once per ``key`` (e.g. not convened, programme published, summary published)."""
    for application in Application.objects.filter(
        dialogue=dialogue, status__in=ACTIVE
    ).select_related("organization", "dialogue"):
        notify_applicants(application, template, reason=reason, dedupe=f"{key}:{application.pk}")


# --- capacity and the reserve list ------------------------------------------------------------

RESERVE_OFFER_DAYS = 3


def dialogue_places(dialogue: Dialogue) -> int | None:
    """Places in all (in person and online); None when the dialogue sets no limit."""
    limits = [dialogue.capacity_in_person, dialogue.capacity_online]
    if dialogue.format == Dialogue.Format.IN_PERSON:
        limits = [dialogue.capacity_in_person]
    elif dialogue.format == Dialogue.Format.ONLINE:
        limits = [dialogue.capacity_online]
    if any(limit is None for limit in limits):
        return None
    return sum(limits)


def places_taken(dialogue: Dialogue) -> int:
    """Representatives of approved (not reserve) and confirmed applications."""
    from engagement.models import Representative

    return Representative.objects.filter(
        application__dialogue=dialogue,
        application__reserve_position__isnull=True,
        application__status__in=[S.APPROVED, S.CONFIRMED],
    ).count()


def approve_or_reserve_locked(application: Application, *, reason: str) -> Application:
    """Approve a (locked) application; beyond the dialogue's places it joins the reserve list
    (approved, no confirmation yet) and hears its position instead of a confirmation link."""
    places = dialogue_places(application.dialogue)
    if (
        places is not None
        and places_taken(application.dialogue) + max(1, application.representatives.count())
        > places
    ):
        last = (
            Application.objects.filter(dialogue=application.dialogue)
            .exclude(reserve_position=None)
            .order_by("-reserve_position")
            .values_list("reserve_position", flat=True)
            .first()
        ) or 0
        application.reserve_position = last + 1
        application.save(update_fields=["reserve_position"])
        ApplicationStatusChange.objects.create(
            application=application,
            from_status=application.status,
            to_status=S.APPROVED,
            reason=_("Approved on the reserve list, position %(n)s")
            % {"n": application.reserve_position},
        )
        application.status = S.APPROVED
        application.status_changed_at = timezone.now()
        application.save(update_fields=["status", "status_changed_at"])
        transaction.on_commit(
            lambda: notify_applicants(
                application, "application_reserve", dedupe=f"reserve:{application.pk}"
            )
        )
        return application
    return transition_locked(application, S.APPROVED, by=None, reason=reason)


def reserve_offer_places(dialogue_id: int, now=None) -> int:
    """Offer freed places to the reserve list in order, each with its own confirmation
    deadline (``RESERVE_OFFER_DAYS`` days, and never later than the day before the dialogue).
    """
    now = now or timezone.now()
    offered = 0
    with transaction.atomic():
        dialogue = Dialogue.objects.select_for_update().get(pk=dialogue_id)
        places = dialogue_places(dialogue)
        if now >= dialogue.starts_at:
            return 0
        waiting = (
            Application.objects.select_for_update()
            .select_related("organization", "dialogue")
            .filter(dialogue=dialogue, status=S.APPROVED)
            .exclude(reserve_position=None)
            .order_by("reserve_position")
        )
        for application in waiting:
            needed = max(1, application.representatives.count())
            if places is not None and places_taken(dialogue) + needed > places:
                break
            deadline = min(
                deadlines.days_before(now, -RESERVE_OFFER_DAYS),
                deadlines.days_before(dialogue.starts_at, 1),
            )
            application.reserve_position = None
            application.confirmation_deadline = deadline
            application.save(update_fields=["reserve_position", "confirmation_deadline"])
            ApplicationStatusChange.objects.create(
                application=application,
                from_status=S.APPROVED,
                to_status=S.APPROVED,
                reason=_("A place became free: offered from the reserve list"),
            )
            transaction.on_commit(
                lambda a=application: notify_applicants(
                    a, "application_approved", dedupe=f"offer:{a.pk}:{a.confirmation_deadline}"
                )
            )
            offered += 1
    return offered
