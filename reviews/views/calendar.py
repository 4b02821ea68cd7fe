"""A State's review deadlines as an iCalendar feed (public: due dates are not personal)."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views import View

from portal.deadlines import vienna_date
from portal.ical import calendar_bytes, day_event
from portal.views import PublicViewMixin

from ..models import ReviewStep, State


class StateDeadlinesCalendarView(PublicViewMixin, View):
    def get(self, request, code):
        try:
            state = State.objects.get(code=code.upper())
        except State.DoesNotExist:
            raise Http404 from None
        url = request.build_absolute_uri(state.get_absolute_url())
        # Demo review data are labelled in every event: a calendar file leaves the portal.
        demo = _("Demo data: ") if state.review_is_demo else ""
        # Steps still to do, each an all-day event on its due day (due until 23:59:59 Vienna).
        events = [
            day_event(
                f"review-step-{step.pk}",
                demo
                + _("Due: %(state)s, cluster %(cluster)s: %(step)s")
                % {"state": state.name, "cluster": step.cluster, "step": step.get_kind_display()},
                vienna_date(step.due_at),
                url,
                _("Due by 23:59 Vienna time on this day."),
            )
            for step in ReviewStep.objects.filter(
                state=state, due_at__isnull=False, done_on__isnull=True
            )
        ]
        body = calendar_bytes(
            demo + _("Review deadlines: %(state)s") % {"state": state.local_name}, events
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="review-deadlines-{state.code}.ics"'
        return response
