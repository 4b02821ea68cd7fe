"""Reads of the instruments catalogue, shaped for pages with a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .filters import ArticleFilter
from .models import Article, Cluster, Instrument


def article_count() -> int:
    return Article.objects.count()


def instrument_list() -> QuerySet[Instrument]:
    """The four instruments with the number of their articles and of clustered articles."""
    return Instrument.objects.annotate(
        article_total=Count("articles", distinct=True),
    ).order_by("position")


def instrument_get(slug: str) -> Instrument:
    return get_object_or_404(Instrument, slug=slug)


def articles_with_clusters() -> QuerySet[Article]:
    return Article.objects.select_related("instrument").prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.order_by("number"))
    )


def article_filter(instrument: Instrument, params) -> ArticleFilter:
    """The instrument's articles, filtered by the query-string ``params`` (cluster, q)."""
    return ArticleFilter(
        params, queryset=articles_with_clusters().filter(instrument=instrument).distinct()
    )


def article_get(instrument_slug: str, number: str) -> Article:
    return get_object_or_404(
        articles_with_clusters(), instrument__slug=instrument_slug, number=number
    )


@dataclass
class MatrixCell:
    cluster: Cluster
    articles: list[Article]


@dataclass
class MatrixRow:
    instrument: Instrument
    cells: list[MatrixCell]


def cluster_matrix() -> tuple[list[Cluster], list[MatrixRow]]:
    """Figure 1: instruments as rows, clusters as columns, each cell the articles it holds."""
    clusters = list(Cluster.objects.order_by("number"))
    column = {cluster.pk: index for index, cluster in enumerate(clusters)}
    rows = {
        instrument.pk: MatrixRow(instrument, [MatrixCell(cluster, []) for cluster in clusters])
        for instrument in Instrument.objects.order_by("position")
    }
    memberships = Article.clusters.through.objects.select_related("article").order_by(
        "article__position"
    )
    for membership in memberships:
        article = membership.article
        article.instrument = rows[article.instrument_id].instrument
        rows[article.instrument_id].cells[column[membership.cluster_id]].articles.append(article)
    return clusters, list(rows.values())


def cluster_get(slug: str) -> Cluster:
    return get_object_or_404(Cluster, slug=slug)


def cluster_articles_by_instrument(cluster: Cluster) -> list[tuple[Instrument, list[Article]]]:
    """The cluster's articles grouped by instrument, every instrument listed (even if empty)."""
    grouped = {instrument.pk: (instrument, []) for instrument in Instrument.objects.all()}
    for article in cluster.articles.select_related("instrument").prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.order_by("number"))
    ):
        grouped[article.instrument_id][1].append(article)
    return list(grouped.values())
