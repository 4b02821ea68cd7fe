from django import forms
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters import (
    BooleanFilter,
    CharFilter,
    ChoiceFilter,
    FilterSet,
    ModelChoiceFilter,
    NumberFilter,
)

from .models import (
    CompilationItem,
    RegionalGroup,
    ReviewGroup,
    ReviewStep,
    State,
    TimelineEvent,
    Treaty,
)


class TimelineFilter(FilterSet):
    kind = ChoiceFilter(
        label=_("Kind of event"), choices=TimelineEvent.Kind.choices, empty_label=_("All events")
    )

    class Meta:
        model = TimelineEvent
        fields = ["kind"]


class CompilationFilter(FilterSet):
    q = CharFilter(label=_("Search"), method="filter_text")
    year = NumberFilter(label=_("Year"))
    kind = ChoiceFilter(
        label=_("Kind"),
        choices=CompilationItem.Kind.choices,
        empty_label=_("Recommendations and observations"),
    )
    body = ChoiceFilter(label=_("Body"), choices=[], empty_label=_("All bodies"))
    topic = CharFilter(label=_("Topic"), method="filter_topic")

    class Meta:
        model = CompilationItem
        fields = ["q", "year", "kind", "body", "topic"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = CompilationItem.objects.order_by("body").values_list("body", flat=True)
        # The bodies are working groups and the Conference, named in the catalogue.
        self.filters["body"].extra["choices"] = [
            (body, gettext(body)) for body in bodies.distinct()
        ]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(text__icontains=value) | Q(document__icontains=value) | Q(label__icontains=value)
        )

    def filter_topic(self, queryset, name, value):
        # Topics are a short list per item: matched in Python, portable across databases.
        wanted = value.strip().lower()
        ids = [
            item.pk
            for item in queryset.only("pk", "tags")
            if wanted in (tag.lower() for tag in item.tags)
        ]
        return queryset.filter(pk__in=ids)


class StateFilter(FilterSet):
    """States: by name, UN regional group, review group, party status per instrument, and
    whether a step of their review is overdue."""

    q = CharFilter(label=_("State"), method="filter_name")
    regional_group = ChoiceFilter(
        label=_("Regional group"), choices=RegionalGroup.choices, empty_label=_("All groups")
    )
    party_to = ChoiceFilter(
        label=_("Party to"),
        choices=Treaty.choices,
        method="filter_party",
        empty_label=_("Any instrument"),
    )
    review_group = ModelChoiceFilter(
        label=_("Review group"),
        queryset=ReviewGroup.objects.all(),
        empty_label=_("Any review group"),
    )
    overdue = BooleanFilter(
        label=_("Only States with an overdue step"),
        method="filter_overdue",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = State
        fields = ["q", "regional_group", "review_group", "party_to", "overdue"]

    def filter_name(self, queryset, name, value):
        value = value.strip()
        return (
            queryset.filter(Q(name__icontains=value) | Q(code__iexact=value))
            if value
            else (queryset)
        )

    def filter_party(self, queryset, name, value):
        return queryset.filter(participations__treaty=value)

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=ReviewStep.objects.overdue().values("state_id"))
