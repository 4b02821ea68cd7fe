from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters import (
    BooleanFilter,
    CharFilter,
    ChoiceFilter,
    FilterSet,
    ModelChoiceFilter,
    NumberFilter,
    OrderingFilter,
)

from instruments.models import Cluster
from reviews.models import RegionalGroup, State, WorkingGroup

from .models import Application, Dialogue, Organization


def _flag_widget():
    return forms.Select(choices=[("", _("Either")), ("true", _("Yes")), ("false", _("No"))])


class DialogueFilter(FilterSet):
    """Public dialogue list: by working group, year and format."""

    working_group = ModelChoiceFilter(
        label=_("Working group"),
        queryset=WorkingGroup.objects.all(),
        field_name="session__working_group",
        to_field_name="slug",
        empty_label=_("All working groups"),
    )
    year = NumberFilter(label=_("Year"), method="filter_year")
    format = ChoiceFilter(
        label=_("Format"), choices=Dialogue.Format.choices, empty_label=_("Any format")
    )

    class Meta:
        model = Dialogue
        fields = ["working_group", "year", "format"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(starts_at__year=int(value))


class OrganizationFilter(FilterSet):
    """The secretariat's organization list: type, country, ECOSOC status, cluster, flags."""

    q = CharFilter(label=_("Search"), method="filter_text")
    kind = ChoiceFilter(
        label=_("Type"), choices=Organization.Kind.choices, empty_label=_("All types")
    )
    country = ChoiceFilter(
        label=_("Country of headquarters"), choices=list(countries), empty_label=_("All countries")
    )
    ecosoc_status = ChoiceFilter(
        label=_("ECOSOC status"),
        choices=Organization.EcosocStatus.choices,
        empty_label=_("Any status"),
    )
    cluster = ModelChoiceFilter(
        label=_("Expertise cluster"),
        queryset=Cluster.objects.all(),
        field_name="expertise_clusters",
        to_field_name="slug",
        empty_label=_("Any cluster"),
    )
    is_grassroots = BooleanFilter(label=_("Grassroots"), widget=_flag_widget())
    is_victim_led = BooleanFilter(label=_("Victim-led or survivor-led"), widget=_flag_widget())
    is_youth_led = BooleanFilter(label=_("Youth-led"), widget=_flag_widget())

    class Meta:
        model = Organization
        fields = []

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(acronym__icontains=value) | Q(email__icontains=value)
        )


class ApplicationFilter(FilterSet):
    """The secretariat's queue: status, country, region, type, ECOSOC, travel, cluster."""

    q = CharFilter(label=_("Search"), method="filter_text")
    status = ChoiceFilter(
        label=_("Status"), choices=Application.Status.choices, empty_label=_("Any status")
    )
    country = ChoiceFilter(
        label=_("Country"),
        field_name="organization__country",
        choices=list(countries),
        empty_label=_("All countries"),
    )
    region = ChoiceFilter(
        label=_("Regional group"),
        choices=RegionalGroup.choices,
        method="filter_region",
        empty_label=_("All groups"),
    )
    kind = ChoiceFilter(
        label=_("Type"),
        field_name="organization__kind",
        choices=Organization.Kind.choices,
        empty_label=_("All types"),
    )
    ecosoc = ChoiceFilter(
        label=_("ECOSOC status"),
        field_name="organization__ecosoc_status",
        choices=Organization.EcosocStatus.choices,
        empty_label=_("Any"),
    )
    travel = BooleanFilter(
        label=_("Travel support requested"),
        field_name="travel_support_requested",
        widget=_flag_widget(),
    )
    cluster = ModelChoiceFilter(
        label=_("Expertise cluster"),
        queryset=Cluster.objects.all(),
        field_name="expertise_clusters",
        to_field_name="slug",
        empty_label=_("Any cluster"),
    )
    order = OrderingFilter(
        label=_("Sort by"),
        fields=(
            ("organization__name", "organization"),
            ("organization__country", "country"),
            ("submitted_at", "submitted"),
            ("status", "status"),
        ),
        field_labels={
            "organization__name": _("Organization"),
            "organization__country": _("Country"),
            "submitted_at": _("Submitted"),
            "status": _("Status"),
        },
    )

    class Meta:
        model = Application
        fields = []

    def __init__(self, *args, country_codes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if country_codes is not None:  # offer only the countries of the applicants
            names = dict(countries)
            self.filters["country"].extra["choices"] = sorted(
                ((code, names.get(code, code)) for code in country_codes),
                key=lambda choice: str(choice[1]),
            )

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(organization__name__icontains=value)
            | Q(organization__acronym__icontains=value)
            | Q(statement__icontains=value)
        )

    def filter_region(self, queryset, name, value):
        codes = State.objects.filter(regional_group=value).values_list("code", flat=True)
        alpha2 = [countries.alpha2(code) for code in codes]
        return queryset.filter(organization__country__in=[code for code in alpha2 if code])
