"""A person's own deadlines as a calendar feed at a secret address."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from engagement.selectors import calendar as ical_selectors
from portal import ical
from portal.models import User, new_calendar_token
from portal.recipients import in_language_of


class PersonalFeedView(View):
    """The secret token in the address is the key: calendar apps cannot sign in."""

    def get(self, request, token):
        user = User.objects.filter(calendar_token=token, is_active=True).first()
        if user is None:
            raise Http404
        base = request.build_absolute_uri("/").rstrip("/")
        with in_language_of(user):  # the feed owner's language, whoever fetches it
            events = ical_selectors.personal_events(user, base)
            body = ical.calendar_bytes(_("My deadlines (UNTOC engagement portal)"), events)
            language = translation.get_language()
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Language"] = language
        return response

    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    dispatch.login_required = False


class CalendarSettingsView(TemplateView):
    template_name = "engagement/account/calendar.html"

    def get_context_data(self, **kwargs):
        path = f"/calendar/{self.request.user.calendar_token}.ics"
        return super().get_context_data(feed_url=self.request.build_absolute_uri(path), **kwargs)

    def post(self, request):
        request.user.calendar_token = new_calendar_token()
        request.user.save(update_fields=["calendar_token"])
        messages.success(
            request, _("Your calendar has a new address; the old one no longer works.")
        )
        return redirect("engagement:calendar-settings")
