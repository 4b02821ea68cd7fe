"""View mixins shared by the engagement app's staff pages."""

from django.http import Http404

from engagement.permissions import is_secretariat


class SecretariatRequiredMixin:
    """Secretariat staff only; anyone else gets a 404, as for an object outside their scope."""

    def dispatch(self, request, *args, **kwargs):
        if not is_secretariat(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)
