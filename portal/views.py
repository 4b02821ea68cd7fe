"""Portal-wide pages: the home page and the helpers every app's views share."""

from django.conf import settings
from django.http import JsonResponse
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
    """Database, cache, broker and the last successful sweeps; HTTP 503 if any is unhealthy."""

    def get(self, request):
        checks = {
            "database": check_database(),
            "cache": check_cache(),
            "broker": check_broker(),
        }
        sweeps_ok, sweeps = sweeps_health()
        healthy = sweeps_ok and all(ok for ok, _ in checks.values())
        body = {
            "status": "ok" if healthy else "unhealthy",
            **{name: {"ok": ok, "detail": detail} for name, (ok, detail) in checks.items()},
            "sweeps": {
                "ok": sweeps_ok,
                "interval_seconds": settings.DEADLINE_SWEEP_INTERVAL,
                "last_success": sweeps,
            },
        }
        return JsonResponse(body, status=200 if healthy else 503)
