"""Organizations: the user's own, creating and editing a profile, members and invitations."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from engagement.forms.organizations import InvitationForm, OrganizationForm
from engagement.models import Membership
from engagement.permissions import can_edit_organization, is_organization_admin
from engagement.selectors import organizations as selectors
from engagement.services import organizations as services


class MyOrganizationsView(TemplateView):
    template_name = "engagement/organizations/mine.html"

    def get_context_data(self, **kwargs):
        organizations = list(selectors.organizations_of(self.request.user))
        for organization in organizations:
            organization.missing = selectors.organization_missing(organization)
        return super().get_context_data(organizations=organizations, **kwargs)


class OrganizationFormMixin:
    template_name = "engagement/organizations/form.html"
    form_class = OrganizationForm

    def get_context_data(self, **kwargs):
        wide = [
            "postal_address",
            "mission",
            "expertise_text",
            "expertise_instruments",
            "expertise_clusters",
            "countries_of_work",
        ]
        return super().get_context_data(wide_fields=wide, **kwargs)

    def save(self, form, organization=None):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if organization is None:
            return services.organization_create(by=self.request.user, **fields)
        return services.organization_update(organization.pk, by=self.request.user, **fields)


class OrganizationCreateView(OrganizationFormMixin, FormView):
    def form_valid(self, form):
        organization = self.save(form)
        messages.success(self.request, _("Organization created. You are its admin."))
        return redirect(organization)


class OrganizationUpdateView(OrganizationFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.organization = selectors.organization_get_for(request.user, kwargs["pk"])
        if not can_edit_organization(request.user, self.organization):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.organization}

    def get_context_data(self, **kwargs):
        return super().get_context_data(organization=self.organization, **kwargs)

    def form_valid(self, form):
        self.save(form, self.organization)
        messages.success(self.request, _("Profile saved."))
        return redirect(self.organization)


class OrganizationDetailView(TemplateView):
    template_name = "engagement/organizations/detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        organization = selectors.organization_get_for(user, self.kwargs["pk"])
        is_admin = is_organization_admin(user, organization)
        return super().get_context_data(
            organization=organization,
            missing=selectors.organization_missing(organization),
            completeness=selectors.organization_completeness(organization),
            is_admin=is_admin,
            invitations=selectors.pending_invitations(organization) if is_admin else [],
            invitation_form=InvitationForm(),
            **kwargs,
        )


class InvitationCreateView(View):
    def post(self, request, pk):
        organization = selectors.organization_get_for(request.user, pk)
        if not is_organization_admin(request.user, organization):
            raise Http404
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                services.invitation_send(
                    organization=organization, email=form.cleaned_data["email"], by=request.user
                )
            except services.OrganizationError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
                )
        else:
            messages.error(request, _("Give a valid email address to invite."))
        return redirect(organization)


class InvitationWithdrawView(View):
    def post(self, request, pk, invitation_pk):
        organization = selectors.organization_get_for(request.user, pk)
        if not is_organization_admin(request.user, organization):
            raise Http404
        get_object_or_404(organization.invitations, pk=invitation_pk)
        services.invitation_withdraw(invitation_pk)
        messages.success(request, _("Invitation withdrawn."))
        return redirect(organization)


class MembershipRemoveView(TemplateView):
    """GET asks for confirmation; POST removes the member (admins, or a member leaving)."""

    template_name = "engagement/organizations/remove_member.html"

    def dispatch(self, request, *args, **kwargs):
        self.organization = selectors.organization_get_for(request.user, kwargs["pk"])
        self.membership = get_object_or_404(
            Membership.objects.select_related("user"),
            pk=kwargs["membership_pk"],
            organization=self.organization,
        )
        leaving = self.membership.user_id == request.user.pk
        if not (leaving or is_organization_admin(request.user, self.organization)):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organization=self.organization, membership=self.membership, **kwargs
        )

    def post(self, request, *args, **kwargs):
        try:
            services.membership_remove(self.membership.pk, by=request.user)
        except services.OrganizationError as error:
            messages.error(request, str(error))
            return redirect(self.organization)
        if self.membership.user_id == request.user.pk:
            messages.success(
                request, _("You have left %(name)s.") % {"name": self.organization.name}
            )
            return redirect("engagement:organization-list")
        messages.success(
            request, _("%(user)s is no longer a member.") % {"user": self.membership.user}
        )
        return redirect(self.organization)


class InvitationAcceptView(TemplateView):
    """Anyone may open the link; accepting needs a signed-in, verified account."""

    template_name = "engagement/organizations/invitation.html"

    def dispatch(self, request, *args, **kwargs):
        self.error = None
        self.invitation = None
        try:
            self.invitation = services.invitation_from_token(kwargs["token"])
        except services.OrganizationError as error:
            self.error = str(error)
        return super().dispatch(request, *args, **kwargs)

    dispatch.login_required = False

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.invitation, error=self.error, **kwargs)

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            membership = services.invitation_accept(token=kwargs["token"], user=request.user)
        except services.OrganizationError as error:
            self.error = str(error)
            return self.render_to_response(self.get_context_data())
        messages.success(request, _("Welcome to %(name)s.") % {"name": membership.organization})
        return redirect(membership.organization)
