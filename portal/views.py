"""Portal-wide pages: the home page and the helpers every app's views share."""

from django.views.generic import TemplateView

from instruments.selectors import article_count


class PublicViewMixin:
    """Opt a class-based view out of the login requirement (``LoginRequiredMiddleware``)."""

    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    dispatch.login_required = False


class HomeView(PublicViewMixin, TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(article_count=article_count(), **kwargs)
