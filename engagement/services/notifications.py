"""The notices of the application workflow: to an organization's people, and to the Bureau.

Each is queued in the outbox (``portal.services.outbox``); the approval notice carries a signed
one-click confirmation link.
"""

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from engagement.models import Application
from portal.models import Role
from portal.recipients import address_language, user_language
from portal.selectors import role_holders
from portal.services.outbox import email_each, email_queue

CONFIRM_SALT = "engagement.application.confirm"


class ConfirmLinkError(Exception):
    """A confirmation link that is not valid."""


def confirm_token(application: Application) -> str:
    """The signed token of the application's one-click confirmation link."""
    return signing.dumps({"a": application.pk}, salt=CONFIRM_SALT)


def application_from_confirm_token(token: str) -> Application:
    """The application a confirmation link points to; ConfirmLinkError if it is not valid."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT)
    except signing.BadSignature:
        raise ConfirmLinkError(_("This confirmation link is not valid.")) from None
    application = (
        Application.objects.select_related("organization", "dialogue")
        .filter(pk=data.get("a"))
        .first()
    )
    if application is None:
        raise ConfirmLinkError(_("This confirmation link is not valid."))
    return application


def applicant_recipients(application: Application) -> list[tuple[str, str]]:
    """Where an organization's notices go, each address with the language to write in: its
    members (in their own language) and its own address (in the language of the account
    with that address, else English)."""
    organization = application.organization
    members = organization.memberships.all()
    if "memberships" not in getattr(organization, "_prefetched_objects_cache", {}):
        members = members.select_related("user")  # sweeps prefetch many at once instead
    languages = {m.user.email: user_language(m.user) for m in members}
    own = organization.email
    if own and own not in languages:
        languages[own] = address_language(own)
    return sorted(languages.items())


def notify_applicants(
    application: Application, template: str, *, reason: str = "", dedupe: str | None = None
) -> int:
    """Queue ``emails/engagement/<template>`` to each of the organization's addresses, once
    per ``dedupe`` key if given. Returns how many were queued."""
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
    for email, language in applicant_recipients(application):
        queued += (
            email_queue(
                to=email,
                template=f"emails/engagement/{template}",
                context=context,
                related=application,
                dedupe_key=f"{dedupe}:{email}" if dedupe else None,
                language=language,
            )
            is not None
        )
    return queued


def notify_bureau(application: Application) -> None:
    """Tell every Bureau member, once, that an application is referred to them."""
    email_each(
        role_holders(Role.BUREAU),
        template="emails/engagement/referral_to_bureau",
        context={"application": application},
        related=application,
        dedupe_key=f"referral:{application.pk}",
    )
