"""The portal's middleware. Security headers: a strict Content Security Policy (no inline
scripts or styles anywhere but the admin) and a Permissions-Policy that turns off the browser
features the portal never uses. Two-factor authentication for every role but the applicant's.
A page that says nothing was saved when the database is lost midway through a request."""

import logging

from django.conf import settings
from django.contrib import messages
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .permissions import has_authenticator_app, requires_mfa

logger = logging.getLogger(__name__)

STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)
# Django's own admin templates carry a few style attributes.
ADMIN_POLICY = STRICT_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith("/admin/")
            response["Content-Security-Policy"] = ADMIN_POLICY if admin else STRICT_POLICY
        return response


# Browser features no page of the portal uses: no embedded content may use them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


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


class DatabaseUnavailableMiddleware:
    """The database lost midway through a request (connection cut by a restart or failover,
    SQLite busy past its timeout): the transaction was rolled back, so the page says that
    nothing was saved and to send the form again (HTTP 503, Retry-After), instead of the
    generic error page. The error is logged in full."""

    RETRY_AFTER_SECONDS = 10

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "Database unavailable during %s %s",
            request.method,
            request.path,
            exc_info=exception,
        )
        # Rendered without the request: its context (session, roles) would need the database.
        body = render_to_string(
            "503.html",
            {"PORTAL_SHORT_NAME": settings.PORTAL_SHORT_NAME, "method": request.method},
        )
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
