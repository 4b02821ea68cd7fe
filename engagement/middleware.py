"""Multi-factor authentication is required for every role but the applicant's."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .permissions import has_authenticator_app, requires_mfa

# Account pages (where MFA is set up, and logout), static files and /health/ stay reachable.
OPEN_PREFIXES = ("/accounts/", "/static/", "/health/")


class MultiFactorRequiredMiddleware:
    """Send a user whose role requires MFA, and who has not set it up, to set it up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and not request.path.startswith(OPEN_PREFIXES)  # first: /health/ reads no session
            and user.is_authenticated
            and requires_mfa(user)
            and not has_authenticator_app(user)
        ):
            messages.warning(
                request,
                _(
                    "Your role requires two-factor authentication. Set up an authenticator app "
                    "to continue."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
