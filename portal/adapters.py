"""The portal's django-allauth adapter: account emails go through the outbox."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from portal.client_ip import client_ip
from portal.models import User
from portal.recipients import address_language, user_language
from portal.services.outbox import email_queue_rendered


class PortalAccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """allauth's reading of X-Forwarded-For, for connections from our proxies only."""
        return client_ip(request, super().get_client_ip)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render allauth's message as usual, in its user's language (the account it is
        about, e.g. a new address to confirm; else the account with that address; else
        English), then record it in the outbox and send it after commit, like every other
        email of the portal."""

        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        user = context.get("user")
        language = user_language(user) if isinstance(user, User) else address_language(email)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, full_context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        email_queue_rendered(
            to=email,
            subject=message.subject,
            text=message.body,
            html=html,
            template=template_prefix,
        )
