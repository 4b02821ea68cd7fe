"""View mixins of the engagement app: a member acting for one of their organizations.

The secretariat's mixin is ``portal.permissions.SecretariatRequiredMixin``."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from engagement.models import Organization
from engagement.permissions import memberships
from portal.validation import parse_id


class ActingOrganizationMixin:
    """For pages where a member acts for one of their organizations (``?organization=`` or the
    form's ``organization`` field, else the first). Without a membership the user is sent to
    register or join one, with ``no_organization_message``; another organization is a 404."""

    no_organization_message = ""

    def dispatch(self, request, *args, **kwargs):
        own = [m.organization_id for m in memberships(request.user)]
        if not own:
            messages.info(request, self.no_organization_message)
            return redirect("engagement:organization-list")
        chosen = request.POST.get("organization") or request.GET.get("organization")
        pk = parse_id(chosen) if chosen else own[0]
        if pk not in own:
            raise Http404
        self.organization = get_object_or_404(Organization, pk=pk)
        self.organizations = Organization.objects.filter(pk__in=own)
        return super().dispatch(request, *args, **kwargs)
