"""Public pages of the Review Mechanism: the history and the compilation."""

from collections import Counter

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from engagement.views.mixins import SecretariatRequiredMixin
from portal.views import PublicViewMixin

from .filters import CompilationFilter, StateFilter, TimelineFilter
from .models import CompilationItem, PartyList, State, TimelineEvent, Treaty


class HistoryView(PublicViewMixin, TemplateView):
    template_name = "reviews/history.html"

    def get_context_data(self, **kwargs):
        event_filter = TimelineFilter(self.request.GET, queryset=TimelineEvent.objects.all())
        return super().get_context_data(filter=event_filter, events=list(event_filter.qs), **kwargs)


class CompilationView(PublicViewMixin, TemplateView):
    template_name = "reviews/compilation.html"

    def get_context_data(self, **kwargs):
        item_filter = CompilationFilter(self.request.GET, queryset=CompilationItem.objects.all())
        items = list(item_filter.qs)
        topics = Counter(tag for item in CompilationItem.objects.only("tags") for tag in item.tags)
        return super().get_context_data(
            filter=item_filter, items=items, topics=sorted(topics.items()), **kwargs
        )


class CompilationItemForm(forms.ModelForm):
    tags = forms.CharField(label=_("Topics (comma-separated)"), required=False, max_length=500)

    class Meta:
        model = CompilationItem
        fields = ["kind", "year", "body", "document", "label", "text", "tags", "source"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def clean_tags(self):
        return [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]


class CompilationAddView(SecretariatRequiredMixin, FormView):
    """The compilation is a living document: the secretariat adds items after each meeting."""

    template_name = "reviews/compilation_add.html"
    form_class = CompilationItemForm

    def form_valid(self, form):
        item = form.save(commit=False)
        item.added_by = self.request.user
        item.save()
        messages.success(self.request, _("Added to the compilation."))
        return redirect("reviews:compilation")


class StateListView(PublicViewMixin, TemplateView):
    template_name = "reviews/state_list.html"

    def get_context_data(self, **kwargs):
        state_filter = StateFilter(
            self.request.GET,
            queryset=State.objects.prefetch_related("participations").order_by("name"),
        )
        states = list(state_filter.qs.distinct())
        treaties = [value for value, _label in Treaty.choices]
        for state in states:
            by_treaty = {p.treaty: p for p in state.participations.all()}
            state.columns = [by_treaty.get(treaty) for treaty in treaties]
        return super().get_context_data(
            filter=state_filter,
            states=states,
            treaties=Treaty.choices,
            party_lists=PartyList.objects.all(),
            **kwargs,
        )


class StateDetailView(PublicViewMixin, TemplateView):
    template_name = "reviews/state_detail.html"

    def get_context_data(self, **kwargs):
        state = get_object_or_404(State, code=self.kwargs["code"].upper())
        participations = {p.treaty: p for p in state.participations.all()}
        lists = {p.treaty: p for p in PartyList.objects.all()}
        rows = [
            (value, label, participations.get(value), lists.get(value))
            for value, label in Treaty.choices
        ]
        uncac = participations.get(Treaty.UNCAC)
        return super().get_context_data(state=state, rows=rows, uncac_party=bool(uncac), **kwargs)
