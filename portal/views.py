"""Portal-wide pages: the home page and the helpers every app's views share."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views import View
from django.views.generic import TemplateView

from .blocks import page_blocks
from .health import check_broker, check_cache, check_database
from .services.sweeps import sweeps_health


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
