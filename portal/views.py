"""Portal-wide pages: the home page, health, the language switcher and the account's language,
and the helpers every app's views share."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views import View, i18n
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from .blocks import page_blocks
from .forms import AccountLanguageForm
from .health import check_broker, check_cache, check_database
from .languages import path_language, supported
from .services.sweeps import sweeps_health
from .services.users import user_language_set


class PublicViewMixin:
    """Opt a class-based view out of the login requirement (``LoginRequiredMiddleware``)."""

    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    dispatch.login_required = False


class HomeView(PublicViewMixin, TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            blocks=page_blocks("portal.home", user=self.request.user), **kwargs
        )


class HealthView(PublicViewMixin, View):
    """Database, cache, broker and the last successful sweeps: JSON for monitors, a page for a
    browser; HTTP 503 if any is unhealthy, with the parts that are down named in ``down``."""

    labels = {
        "database": pgettext_lazy("health", "Database"),
        "cache": pgettext_lazy("health", "Cache"),
        "broker": pgettext_lazy("health", "Broker"),
    }

    def get(self, request):
        checks = {
            "database": check_database(),
            "cache": check_cache(),
            "broker": check_broker(),
        }
        database_ok = checks["database"][0]
        sweeps_ok, sweeps = sweeps_health() if database_ok else (False, {})
        down = [name for name, (ok, _detail) in checks.items() if not ok]
        healthy = sweeps_ok and not down
        status = 200 if healthy else 503
        if request.get_preferred_type(["application/json", "text/html"]) == "text/html":
            response = HttpResponse(
                render_to_string(
                    "portal/health.html",
                    {"healthy": healthy, "parts": self.parts(checks, sweeps_ok, sweeps)},
                ),
                status=status,
            )
        else:
            body = {
                "status": "ok" if healthy else "unhealthy",
                "down": down,
                **{name: {"ok": ok, "detail": detail} for name, (ok, detail) in checks.items()},
                "sweeps": {
                    "ok": sweeps_ok,
                    "interval_seconds": settings.DEADLINE_SWEEP_INTERVAL,
                    "last_success": sweeps,
                },
            }
            response = JsonResponse(body, status=status)
        response["Cache-Control"] = "no-store"
        return response

    def parts(self, checks, sweeps_ok, sweeps) -> list[dict]:
        parts = [
            {"label": self.labels[name], "ok": ok, "detail": detail}
            for name, (ok, detail) in checks.items()
        ]
        stale = [name for name, report in sweeps.items() if not report["fresh"]]
        if sweeps_ok:
            detail = _("Every sweep succeeded within three intervals.")
        elif not sweeps:
            detail = _("Unknown while the database is down.")
        else:
            detail = _("Not run within three intervals: %(names)s") % {"names": ", ".join(stale)}
        parts.append({"label": _("Deadline sweeps"), "ok": sweeps_ok, "detail": detail})
        return parts


@csrf_exempt
@login_not_required
@require_POST
def set_language(request):
    """The switcher: Django's ``set_language`` (the cookie, then back to ``next`` in the chosen
    language), and for a signed-in user the choice recorded on the account, where it wins over
    the browser's header from then on.

    Without a CSRF token, so that every page stays the same for every reader (and cacheable):
    a form of another site may at worst set the language cookie, since the session cookie
    (SameSite=Lax) does not travel with a cross-site POST and no account changes."""
    next_url = request.POST.get("next", "")
    # translate_url resolves ``next`` in the active language: activate the one of its prefix.
    with translation.override(path_language(urlsplit(next_url).path) or settings.LANGUAGE_CODE):
        response = i18n.set_language(request)
    language = supported(request.POST.get(i18n.LANGUAGE_QUERY_PARAMETER))
    if language and request.user.is_authenticated:
        user_language_set(request.user, language)
    return response


class AccountLanguageView(FormView):
    """The account's language (empty: follow the browser), in the account settings."""

    template_name = "portal/account_language.html"
    form_class = AccountLanguageForm

    def get_initial(self):
        return {"language": self.request.user.language}

    def form_valid(self, form):
        language = form.cleaned_data["language"]
        user_language_set(self.request.user, language)
        if not language:
            # Following the browser again: the switcher's earlier cookie no longer decides.
            self.request.COOKIES.pop(settings.LANGUAGE_COOKIE_NAME, None)
        target = language or translation.get_language_from_request(self.request)
        with translation.override(target):
            messages.success(self.request, _("Your language is saved."))
        response = redirect(translate_url(self.request.path, target))
        if language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                target,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
        else:
            response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
        return response
