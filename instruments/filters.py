from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, FilterSet, ModelChoiceFilter

from .models import Article, Cluster


class ArticleFilter(FilterSet):
    """Filter an instrument's articles by review cluster and by text (number or title)."""

    cluster = ModelChoiceFilter(
        label=_("Review cluster"),
        queryset=Cluster.objects.all(),
        to_field_name="slug",
        field_name="clusters",
        empty_label=_("All clusters"),
    )
    q = CharFilter(label=_("Search articles"), method="filter_text")

    class Meta:
        model = Article
        fields = ["cluster", "q"]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(number=value))
