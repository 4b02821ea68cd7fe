"""The status machine of an application, in one place.

- ``TRANSITIONS``: every allowed change of status (a change not listed is refused);
- named groups of statuses (``ACTIVE``, ``HOLDING_A_PLACE``, ``SEEN_BY_STATES``, ...);
- who may do what, and until when: ``allowed_actions(application, user, now)``, which views,
  templates, selectors, calendars and sweeps ask instead of re-checking statuses themselves;
- ``transition_locked``: the one function that changes an application's status. It records the
  change (who, when, from, to, why) and has the notices sent after commit.

A place offered from the reserve list keeps the status "approved": it is recorded as approved →
approved, through the same function.
"""

from datetime import timedelta
from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import Application, ApplicationStatusChange, Dialogue
from engagement.permissions import is_member
from engagement.services.notifications import notify_applicants, notify_bureau
from portal import deadlines
from portal.permissions import is_bureau_member, is_secretariat, represented_state_ids

S = Application.Status

TRANSITIONS: dict[str, frozenset[str]] = {
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

# --- named groups of statuses ----------------------------------------------------------------
# Under way: the organization may still take part (comments, notices of the dialogue's changes).
ACTIVE = frozenset(
    {S.SUBMITTED, S.SCREENED_IN, S.CIRCULATED, S.OBJECTED, S.REFERRED, S.APPROVED, S.CONFIRMED}
)
# The applicant may still change the application (while the dialogue accepts applications).
EDITABLE = frozenset({S.DRAFT, S.SUBMITTED})
# What States parties see once the list is circulated (no personal data).
SEEN_BY_STATES = frozenset({S.CIRCULATED, S.OBJECTED, S.REFERRED, S.APPROVED, S.CONFIRMED})
# A place at the dialogue (unless on the reserve list): what capacity counts.
HOLDING_A_PLACE = frozenset({S.APPROVED, S.CONFIRMED})
# Received for the dialogue: counts towards the minimum needed to convene.
RECEIVED = frozenset(S.values) - {S.DRAFT, S.WITHDRAWN}
# Open to objections by States parties while the window is open.
OPEN_TO_OBJECTION = frozenset({S.CIRCULATED, S.OBJECTED})
# Decisions the secretariat prepares and releases together.
STAFF_DECISIONS = frozenset({S.SCREENED_IN, S.REJECTED, S.CIRCULATED, S.REFERRED})
REASON_REQUIRED = frozenset({S.REJECTED})
# The notice each new status sends to the applicants (emails/engagement/<name>).
NOTICES = {
    S.SUBMITTED: "application_received",
    S.SCREENED_IN: "application_screened_in",
    S.REJECTED: "application_rejected",
    S.REFERRED: "application_referred",
    S.APPROVED: "application_approved",
    S.CONFIRMED: "application_confirmed",
    S.LAPSED: "application_lapsed",
}
ONCE_ONLY_NOTICES = frozenset({S.APPROVED, S.LAPSED})  # a sweep may meet them twice


# Whoever holds an application's emailed confirmation link, signed in or not: the link is the
# proof (``allowed_actions`` lets it confirm).
LINK_HOLDER = AnonymousUser()


class ApplicationError(Exception):
    """A change the application's status, its dialogue's dates or the user's role do not
    allow; ``field`` names the form field at fault, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class Action(StrEnum):
    """What someone may do with an application (``allowed_actions``)."""

    EDIT = "edit"  # change the application (applicant)
    SUBMIT = "submit"  # submit a draft (applicant)
    WITHDRAW = "withdraw"  # withdraw, until the dialogue starts (applicant)
    CONFIRM = "confirm"  # confirm attendance, until the cut-off (applicant, or the link)
    COMMENT = "comment"  # send written comments, until the day before (applicant)
    OBJECT = "object"  # object, while the window is open (State party representative)
    DECIDE = "decide"  # decide on a referral (Bureau)
    STAGE = "stage"  # prepare a decision of the secretariat (secretariat)
    SETTLE = "settle"  # approve or refer when the objection window closes (the portal)
    LAPSE = "lapse"  # lapse, unconfirmed after the cut-off (the portal)


def dialogue_accepts_applications(dialogue: Dialogue, now=None) -> bool:
    """Whether organizations may apply to (or change their application to) ``dialogue`` now:
    it is open, its applications have opened and the deadline has not passed, to the second."""
    now = now or timezone.now()
    return (
        dialogue.status == Dialogue.Status.OPEN
        and dialogue.applications_open_at <= now
        and deadlines.is_open(dialogue.application_deadline, now)
    )


def dialogues_accepting_applications(now=None):
    """The dialogues ``dialogue_accepts_applications`` says yes to, as a query, soonest first."""
    now = now or timezone.now()
    return Dialogue.objects.filter(
        status=Dialogue.Status.OPEN,
        applications_open_at__lte=now,
        application_deadline__gt=now - timedelta(seconds=1),
    ).order_by("starts_at")


def confirm_deadline(application: Application):
    """The application's own cut-off (a place offered from the reserve list has a later one),
    else the dialogue's."""
    return application.confirmation_deadline or application.dialogue.confirmation_deadline


def action_deadline(application: Application, action: str):
    """Until when ``action`` may be taken (an aware datetime), or None where no date limits it."""
    dialogue = application.dialogue
    return {
        Action.EDIT: dialogue.application_deadline,
        Action.SUBMIT: dialogue.application_deadline,
        Action.WITHDRAW: dialogue.starts_at,
        Action.CONFIRM: confirm_deadline(application),
        Action.COMMENT: dialogue.comments_deadline,
        Action.OBJECT: dialogue.objection_deadline,
    }.get(action)


def allowed_actions(application: Application, user, now=None) -> frozenset[str]:
    """What ``user`` may do with ``application`` at ``now``; ``user=None`` is the portal itself
    (the deadline sweeps). Scope (membership, roles) and time are both checked here."""
    now = now or timezone.now()
    status, dialogue = application.status, application.dialogue
    open_ = deadlines.is_open
    actions = set()
    if user is None:
        window_closed = not open_(dialogue.objection_deadline, now)
        if status in OPEN_TO_OBJECTION and window_closed:
            actions.add(Action.SETTLE)
        if (
            status == S.APPROVED
            and application.reserve_position is None
            and not open_(confirm_deadline(application), now)
        ):
            actions.add(Action.LAPSE)
        return frozenset(actions)
    if is_member(user, application.organization):
        accepting = dialogue_accepts_applications(dialogue, now)
        if status in EDITABLE and accepting:
            actions.add(Action.EDIT)
        if status == S.DRAFT and accepting:
            actions.add(Action.SUBMIT)
        if S.WITHDRAWN in TRANSITIONS[status] and now < dialogue.starts_at:
            actions.add(Action.WITHDRAW)
        if status in ACTIVE and open_(dialogue.comments_deadline, now):
            actions.add(Action.COMMENT)
    if (
        status == S.APPROVED
        and application.reserve_position is None
        and open_(confirm_deadline(application), now)
        and (is_member(user, application.organization) or not user.is_authenticated)
    ):
        actions.add(Action.CONFIRM)  # the emailed link works signed out, too
    if (
        status in OPEN_TO_OBJECTION
        and represented_state_ids(user)
        and open_(dialogue.objection_deadline, now)
    ):
        actions.add(Action.OBJECT)
    if status == S.REFERRED and is_bureau_member(user):
        actions.add(Action.DECIDE)
    if is_secretariat(user) and STAFF_DECISIONS & TRANSITIONS[status]:
        actions.add(Action.STAGE)
    return frozenset(actions)


def refusal(application: Application, action: str, now) -> str:
    """Why ``action`` is not open to the applicant now, in words for the page."""
    dialogue = application.dialogue
    when = timezone.localtime(action_deadline(application, action) or now)
    moment = when.strftime("%d %B %Y, %H:%M:%S")
    if action == Action.WITHDRAW and now >= dialogue.starts_at:
        return _("The dialogue has started: the application can no longer be withdrawn.")
    if action in (Action.EDIT, Action.SUBMIT):
        if application.status not in EDITABLE:
            return _(
                "The application to “%(title)s” is “%(status)s” and can no longer be edited."
            ) % {"title": dialogue.title, "status": application.get_status_display()}
        return _(
            "“%(title)s” does not accept applications: the deadline was %(deadline)s Vienna time."
        ) % {"title": dialogue.title, "deadline": moment}
    if action == Action.CONFIRM and application.status == S.APPROVED:
        if application.reserve_position is not None:
            return _(
                "The organization is on the reserve list (position %(n)s): it can confirm once a "
                "place is offered."
            ) % {"n": application.reserve_position}
        return _(
            "The confirmation cut-off was %(deadline)s Vienna time: attendance can no longer be "
            "confirmed."
        ) % {"deadline": moment}
    if action == Action.COMMENT:
        if application.status not in ACTIVE:
            return _("Comments can be added to an active application only.")
        return _("Written comments were accepted until the day before the dialogue.")
    if action == Action.OBJECT:
        if not deadlines.is_open(dialogue.objection_deadline, now):
            return _("The objection window closed on %(deadline)s Vienna time.") % {
                "deadline": moment
            }
        return _("Only circulated applications can be objected to.")
    if action == Action.DECIDE:
        return _("This application is not before the Bureau.")
    return _("This application is “%(status)s”: this is not possible now.") % {
        "status": application.get_status_display()
    }


def transition_refusal(application: Application, target: str) -> str | None:
    """Why the table refuses ``application`` becoming ``target``; None when it allows it."""
    if target in TRANSITIONS[application.status]:
        return None
    return _("This application is “%(status)s”: it cannot become “%(target)s”.") % {
        "status": application.get_status_display(),
        "target": S(target).label,
    }


def application_locked(application_id: int) -> Application:
    """The application, locked until the end of the transaction (two people acting at once
    produce one change). Only its own row: its organization and dialogue are read, not locked
    (what needs the dialogue, such as counting its places, locks it itself)."""
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("organization", "dialogue")
        .get(pk=application_id)
    )


def transition_locked(
    application: Application,
    target: str,
    *,
    by,
    reason: str = "",
    reserve_position: int | None = None,
    confirm_by=None,
) -> Application:
    """Change the (locked) ``application`` to ``target``, record it, send the notice after
    commit. Refused (ApplicationError) where the table does not allow it.

    ``reserve_position``: approve onto the reserve list at that position (no confirmation yet;
    the applicants hear their position). ``confirm_by``: offer a place from the reserve list
    (approved → approved) with this cut-off.
    """
    offer = confirm_by is not None
    if offer and not (application.status == target == S.APPROVED and application.reserve_position):
        raise ApplicationError(_("Only an application on the reserve list can be offered a place."))
    refused = None if offer else transition_refusal(application, target)
    if refused:
        raise ApplicationError(refused)
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
    fields = ["status", "status_changed_at", "staged_status", "staged_reason", "staged_by"]
    application.status = target
    application.status_changed_at = timezone.now()
    application.staged_status, application.staged_reason, application.staged_by = "", "", None
    if target == S.SUBMITTED:
        application.submitted_at = application.status_changed_at
        fields.append("submitted_at")
    if offer:
        application.reserve_position, application.confirmation_deadline = None, confirm_by
        fields += ["reserve_position", "confirmation_deadline"]
    elif reserve_position is not None:
        application.reserve_position = reserve_position
        fields.append("reserve_position")
    elif target == S.APPROVED and application.confirmation_deadline is None:
        application.confirmation_deadline = application.dialogue.confirmation_deadline
        fields.append("confirmation_deadline")
    application.save(update_fields=fields)
    _notices_after_commit(application, target, reason, offer, reserve_position)
    return application


def _notices_after_commit(application, target, reason, offer, reserve_position) -> None:
    pk = application.pk
    if offer:
        key = f"offer:{pk}:{application.confirmation_deadline}"
        template = "application_approved"
    elif reserve_position is not None:
        key, template = f"reserve:{pk}", "application_reserve"
    else:
        template = NOTICES.get(target)
        key = f"{target}:{pk}" if target in ONCE_ONLY_NOTICES else None
    if template:
        transaction.on_commit(
            lambda: notify_applicants(application, template, reason=reason, dedupe=key)
        )
    if target == S.REFERRED:
        transaction.on_commit(lambda: notify_bureau(application))


def applications_holding_a_place(dialogue: Dialogue):
    """The dialogue's applications that hold a place (approved off the reserve list, or
    confirmed)."""
    return Application.objects.filter(
        dialogue=dialogue, status__in=HOLDING_A_PLACE, reserve_position__isnull=True
    )


def applicants_notify_of_dialogue(
    dialogue: Dialogue, template: str, *, key: str, reason: str = ""
) -> None:
    """Tell every organization with an active application about a change of the dialogue,
    once per ``key`` (e.g. not convened, programme published, summary published)."""
    applications = Application.objects.filter(dialogue=dialogue, status__in=ACTIVE)
    for application in applications.select_related("organization", "dialogue"):
        notify_applicants(application, template, reason=reason, dedupe=f"{key}:{application.pk}")
