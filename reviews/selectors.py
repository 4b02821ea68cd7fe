"""Reads of the Review Mechanism for State pages."""

from django.utils import timezone

from instruments.models import Article

from . import cycle
from .models import State, Treaty


def articles_under_review(state: State, cluster_number: int) -> list[Article]:
    """The articles of the cluster in the instruments the State is party to; Convention
    articles 8 and 9 only if the State is not party to the Convention against Corruption."""
    treaties = set(state.participations.values_list("treaty", flat=True))
    instruments = [code for code in treaties if code != Treaty.UNCAC]
    articles = Article.objects.filter(
        clusters__number=cluster_number, instrument__code__in=instruments
    ).select_related("instrument")
    if Treaty.UNCAC in treaties:
        articles = articles.exclude(reviewed_only_if_not_uncac_party=True)
    return list(articles.order_by("instrument__position", "position"))


def review_now(state: State, today=None):
    """The State's current phase (cluster number and dates), or None if not known or over."""
    group = state.review_group
    if group is None:
        return None
    return cycle.phase_on(group.starts_on, today or timezone.localdate(), group.years_per_cluster)
