from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, FilterSet, ModelChoiceFilter, NumberFilter

from reviews.models import WorkingGroup

from .models import Dialogue


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
