"""Public dialogue pages: the list, one dialogue, and the iCalendar files."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from engagement.selectors import calendar as ical_selectors
from engagement.selectors import dialogues as selectors
from portal import ical
from portal.views import PublicViewMixin


class DialogueListView(PublicViewMixin, TemplateView):
    template_name = "engagement/dialogue_list.html"

    def get_context_data(self, **kwargs):
        dialogue_filter, upcoming, past = selectors.dialogue_list(self.request.GET)
        return super().get_context_data(
            filter=dialogue_filter,
            upcoming=upcoming,
            past=past,
            filtered=any(self.request.GET.get(k) for k in dialogue_filter.form.fields),
            **kwargs,
        )


class DialogueDetailView(PublicViewMixin, TemplateView):
    template_name = "engagement/dialogue_detail.html"

    def get_context_data(self, **kwargs):
        dialogue = selectors.dialogue_get_public(self.kwargs["pk"])
        return super().get_context_data(
            dialogue=dialogue,
            milestones=selectors.dialogue_milestones(dialogue),
            now=timezone.now(),
            **kwargs,
        )


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class DialogueICalView(PublicViewMixin, View):
    def get(self, request, pk):
        dialogue = selectors.dialogue_get_public(pk)
        url = request.build_absolute_uri(dialogue.get_absolute_url())
        events = ical_selectors.dialogue_events(dialogue, url, with_deadlines=True)
        return _ics(ical.calendar_bytes(dialogue.title, events), f"dialogue-{dialogue.pk}.ics")


class DialogueFeedView(PublicViewMixin, View):
    def get(self, request):
        events = []
        for dialogue in selectors.dialogues_public():
            url = request.build_absolute_uri(dialogue.get_absolute_url())
            events.extend(ical_selectors.dialogue_events(dialogue, url, with_deadlines=False))
        name = _("UNTOC constructive dialogues")
        return _ics(ical.calendar_bytes(name, events), "dialogues.ics")
