"""A State's review deadlines as an iCalendar feed (public: due dates are not personal)."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views import View

from engagement.ical import calendar_bytes, moment_event
from portal.views import PublicViewMixin

from ..models import ReviewStep, State


class StateDeadlinesCalendarView(PublicViewMixin, View):
    def get(self, request, code):
        try:
            state = State.objects.get(code=code.upper())
        except State.DoesNotExist:
            raise Http404 from None
        url = request.build_absolute_uri(state.get_absolute_url())
        events = [
            moment_event(
                f"review-step-{step.pk}",
                _("%(state)s, cluster %(cluster)s: %(step)s")
                % {"state": state.name, "cluster": step.cluster, "step": step.get_kind_display()},
                step.due_at,
                url,
            )
            for step in ReviewStep.objects.filter(
                state=state, due_at__isnull=False, done_on__isnull=True
            )
        ]
        body = calendar_bytes(_("Review deadlines: %(state)s") % {"state": state.name}, events)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="review-deadlines-{state.code}.ics"'
        return response
