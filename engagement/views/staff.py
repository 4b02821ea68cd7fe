"""Secretariat pages: organizations and roles."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from engagement.forms.roles import RoleGrantForm
from engagement.selectors import organizations as selectors
from portal.models import RoleGrant
from portal.permissions import SecretariatRequiredMixin
from portal.selectors import role_grants_for_staff
from portal.services.roles import RoleError, role_grant, role_revoke


class StaffOrganizationListView(SecretariatRequiredMixin, TemplateView):
    template_name = "engagement/staff/organization_list.html"

    def get_context_data(self, **kwargs):
        organization_filter = selectors.organization_list_for_secretariat(self.request.GET)
        organizations = list(organization_filter.qs)
        return super().get_context_data(
            filter=organization_filter,
            organizations=organizations,
            filtered=any(self.request.GET.get(k) for k in organization_filter.form.fields),
            **kwargs,
        )


class RoleListView(SecretariatRequiredMixin, FormView):
    template_name = "engagement/staff/roles.html"
    form_class = RoleGrantForm

    def get_context_data(self, **kwargs):
        active, revoked = role_grants_for_staff()
        return super().get_context_data(active=active, revoked=revoked, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            grant = role_grant(
                user=data["user"],
                role=data["role"],
                by=self.request.user,
                state=data["state"],
                working_group=data["working_group"],
            )
        except RoleError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Role granted: %(grant)s.") % {"grant": grant})
        return redirect("engagement:staff-roles")


class RoleRevokeView(SecretariatRequiredMixin, TemplateView):
    template_name = "engagement/staff/role_revoke.html"

    def get_context_data(self, **kwargs):
        grant = get_object_or_404(RoleGrant.objects.select_related("user"), pk=self.kwargs["pk"])
        return super().get_context_data(grant=grant, **kwargs)

    def post(self, request, pk):
        try:
            grant = role_revoke(pk, by=request.user)
        except RoleGrant.DoesNotExist:
            return redirect("engagement:staff-roles")
        except RoleError as error:
            messages.error(request, str(error))
            return redirect("engagement:staff-roles")
        messages.success(request, _("Role revoked: %(grant)s.") % {"grant": grant})
        return redirect("engagement:staff-roles")
