"""Reads of the portal's foundations: who holds a role, the role grants, the outbox."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from .models import OutboundEmail, Role, RoleGrant, User
from .workflows import outbox as outbox_workflow

OUTBOX_PAGE_SIZE = 50


def role_holders(role: str, **scope) -> QuerySet[User]:
    """Active users holding ``role`` now (``scope``: ``working_group=`` or ``state=``)."""
    filters = {f"role_grants__{name}": value for name, value in scope.items()}
    return User.objects.filter(
        is_active=True,
        role_grants__role=role,
        role_grants__revoked_at__isnull=True,
        **filters,
    ).distinct()


def secretariat_users() -> QuerySet[User]:
    """Everyone who holds the secretariat role now: the recipients of staff notices."""
    return role_holders(Role.SECRETARIAT)


def role_grants_for_staff() -> tuple[list[RoleGrant], list[RoleGrant]]:
    """Every grant for the secretariat's roles page: (active, revoked), one query."""
    grants = RoleGrant.objects.select_related(
        "user", "state", "working_group", "granted_by", "revoked_by"
    ).order_by("revoked_at", "-granted_at")
    active, revoked = [], []
    for grant in grants:
        (active if grant.revoked_at is None else revoked).append(grant)
    return active, revoked


def outbox_page(user, *, status: str = "", text: str = "", page: str | None = None) -> Page:
    """One page of the outbox, newest first, filtered by status and by recipient or subject;
    each message with the ``actions`` ``user`` may take on it.

    Only the columns the list shows are read: bodies can hold sign-in links.
    """
    emails = OutboundEmail.objects.only(
        "to", "subject", "template", "status", "attempts", "last_error", "created_at", "sent_at"
    )
    if status:
        emails = emails.filter(status=status)
    if text:
        emails = emails.filter(Q(to__icontains=text) | Q(subject__icontains=text))
    result = Paginator(emails.order_by("-created_at", "-id"), OUTBOX_PAGE_SIZE).get_page(page)
    result.object_list = list(result.object_list)
    for email in result.object_list:
        email.actions = outbox_workflow.allowed_actions(email, user)
    return result


def outbox_counts() -> list[tuple[str, str, int]]:
    """(status, label, count) for every status of the outbox."""
    counts = dict(OutboundEmail.objects.values_list("status").annotate(n=Count("id")).order_by())
    return [(value, label, counts.get(value, 0)) for value, label in OutboundEmail.Status.choices]
