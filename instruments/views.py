from django.views.generic import TemplateView

from portal.views import PublicViewMixin

from . import selectors


class InstrumentListView(PublicViewMixin, TemplateView):
    template_name = "instruments/instrument_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(instruments=selectors.instrument_list(), **kwargs)


class InstrumentDetailView(PublicViewMixin, TemplateView):
    template_name = "instruments/instrument_detail.html"

    def get_context_data(self, **kwargs):
        instrument = selectors.instrument_get(self.kwargs["slug"])
        article_filter = selectors.article_filter(instrument, self.request.GET)
        return super().get_context_data(
            instrument=instrument,
            filter=article_filter,
            articles=list(article_filter.qs),
            total=instrument.articles.count(),
            filtered=any(self.request.GET.get(key) for key in article_filter.form.fields),
            **kwargs,
        )


class ArticleDetailView(PublicViewMixin, TemplateView):
    template_name = "instruments/article_detail.html"

    def get_context_data(self, **kwargs):
        article = selectors.article_get(self.kwargs["slug"], self.kwargs["number"])
        return super().get_context_data(article=article, instrument=article.instrument, **kwargs)


class ClusterMatrixView(PublicViewMixin, TemplateView):
    template_name = "instruments/cluster_matrix.html"

    def get_context_data(self, **kwargs):
        clusters, rows = selectors.cluster_matrix()
        return super().get_context_data(clusters=clusters, rows=rows, **kwargs)


class ClusterDetailView(PublicViewMixin, TemplateView):
    template_name = "instruments/cluster_detail.html"

    def get_context_data(self, **kwargs):
        cluster = selectors.cluster_get(self.kwargs["slug"])
        return super().get_context_data(
            cluster=cluster,
            groups=selectors.cluster_articles_by_instrument(cluster),
            **kwargs,
        )
