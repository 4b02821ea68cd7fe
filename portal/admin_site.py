"""Django's admin behind the portal's own sign-in.

The admin's login form would sign a user in with a password alone, past allauth's rate limits
and the second factor. This site has no login form: signing in is the portal's, and the admin
opens only to staff whose session passed the second factor. Production mounts the admin only
when ``ADMIN_ENABLED`` is set.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme

from portal.validation import ModelIdsField


def passed_second_factor(request) -> bool:
    """Whether this session's sign-in included the second factor."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class PortalAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model's admin picks many-to-many values by id (``ModelIdsField``): a number
        past 64 bits is a form error, not a 500 from SQLite."""
        super().register(model_or_iterable, admin_class, **options)
        for model_admin in self._registry.values():
            model_admin.formfield_overrides.setdefault(
                models.ManyToManyField, {"form_class": ModelIdsField}
            )

    def has_permission(self, request) -> bool:
        return (
            super().has_permission(request)
            and is_mfa_enabled(request.user)
            and passed_second_factor(request)
        )

    @method_decorator(login_not_required)
    def login(self, request, extra_context=None):
        """Send to the portal's sign-in (or its second-factor check) and back."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(next_url, login_url=reverse("account_login"))
        if user.is_active and user.is_staff and is_mfa_enabled(user):
            return redirect_to_login(next_url, login_url=reverse("mfa_reauthenticate"))
        raise Http404

    def password_change(self, request, extra_context=None):
        return redirect("account_change_password")
