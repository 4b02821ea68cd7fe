"""Public pages of the Review Mechanism: the cycle, the States, the history and the
compilation."""

from collections import Counter

from django.contrib import messages
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from instruments.models import Cluster
from portal.blocks import page_blocks
from portal.permissions import SecretariatRequiredMixin, is_secretariat
from portal.views import PublicViewMixin

from .. import selectors
from ..filters import CompilationFilter, StateFilter, TimelineFilter
from ..forms.pages import CompilationItemForm
from ..models import (
    CompilationItem,
    PartyList,
    State,
    TimelineEvent,
    Treaty,
    UnLanguage,
)
from ..models.states import name_sort_key
from ..permissions import can_edit_review_contacts


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


class CompilationAddView(SecretariatRequiredMixin, FormView):
    """The compilation is a living document: the secretariat adds items after each meeting."""

    template_name = "reviews/compilation_add.html"
    form_class = CompilationItemForm

    def form_valid(self, form):
        item = form.save(commit=False)
        item.added_by = self.request.user
        # After the reference items (numbered from 1 in the source's order) of its year.
        last = CompilationItem.objects.aggregate(last=Max("position"))["last"] or 0
        item.position = max(last, 10_000) + 1
        item.save()
        messages.success(self.request, _("Added to the compilation."))
        return redirect("reviews:compilation")


class StateListView(PublicViewMixin, TemplateView):
    template_name = "reviews/state_list.html"

    def get_context_data(self, **kwargs):
        state_filter = StateFilter(
            self.request.GET,
            queryset=selectors.states_with_review_status().order_by("name"),
        )
        states = sorted(
            state_filter.qs.distinct(), key=lambda state: name_sort_key(state.local_name)
        )
        treaties = [value for value, _label in Treaty.choices]
        for state in states:
            by_treaty = {p.treaty: p for p in state.participations.all()}
            state.columns = [by_treaty.get(treaty) for treaty in treaties]
        return super().get_context_data(
            filter=state_filter,
            states=states,
            treaties=Treaty.choices,
            party_lists=selectors.party_lists_with_counts(),
            **kwargs,
        )


class StateDetailView(PublicViewMixin, TemplateView):
    template_name = "reviews/state_detail.html"

    def get_context_data(self, **kwargs):
        try:
            state = selectors.state_detail(self.kwargs["code"])
        except State.DoesNotExist:
            raise Http404 from None
        participations = {p.treaty: p for p in state.participations.all()}
        lists = {p.treaty: p for p in PartyList.objects.all()}
        rows = [
            (value, label, participations.get(value), lists.get(value))
            for value, label in Treaty.choices
        ]
        phase = selectors.review_now(state)
        cluster = Cluster.objects.filter(number=phase.cluster).first() if phase else None
        phases = selectors.review_phases(state)
        user = self.request.user
        return super().get_context_data(
            state=state,
            rows=rows,
            uncac_party=Treaty.UNCAC in participations,
            phase=phase,
            cluster=cluster,
            articles=selectors.articles_under_review(state, phase.cluster) if phase else [],
            phases=phases,
            overdue=[step for item in phases for step in item.overdue],
            next_due=selectors.next_due_step(state),
            reviewers=selectors.reviewers_by_instrument(state),
            reviews_performed=selectors.reviews_performed_by(state),
            languages=[LANGUAGE_NAMES.get(code, code) for code in state.review_languages],
            contacts=selectors.review_contacts_for(user, state),
            can_edit_contacts=can_edit_review_contacts(user, state),
            is_secretariat=is_secretariat(user),
            reviewer_warnings=selectors.reviewer_rule_warnings(state)
            if is_secretariat(user)
            else [],
            blocks=page_blocks("reviews.state_detail", state=state, user=user),
            **kwargs,
        )


LANGUAGE_NAMES = dict(UnLanguage.choices)


class ReviewOverviewView(PublicViewMixin, TemplateView):
    """The whole mechanism year by year (seed 002 Figure 2, drawn from the data) and what
    every group is reviewing today."""

    template_name = "reviews/overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **selectors.cycle_overview(timezone.localdate()),
            is_secretariat=is_secretariat(self.request.user),
            **kwargs,
        )
