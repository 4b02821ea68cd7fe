"""Applicants: apply to one or several dialogues, follow, edit, withdraw, confirm, comment."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from engagement.forms.applications import (
    ApplicationForm,
    CommentForm,
    RepresentativeFormSet,
)
from engagement.models import Application
from engagement.permissions import is_member
from engagement.selectors import applications as selectors
from engagement.selectors.organizations import organization_missing
from engagement.services import applications as services
from engagement.services.notifications import (
    ConfirmLinkError,
    application_from_confirm_token,
    confirm_token,
)
from engagement.workflows import applications as workflow
from engagement.workflows.applications import dialogues_accepting_applications
from portal.validation import parse_id

from .mixins import ActingOrganizationMixin


class ApplyView(ActingOrganizationMixin, TemplateView):
    """One form for one or several dialogues; "Save as draft" or "Submit"."""

    template_name = "engagement/applications/apply.html"

    no_organization_message = gettext_lazy("Register your organization, or join it, to apply.")

    def existing(self):
        """The application being edited (``?dialogue=``), if the organization has one."""
        dialogue = parse_id(self.request.GET.get("dialogue"))
        if dialogue is None:
            return None
        return (
            self.organization.applications.filter(dialogue_id=dialogue)
            .prefetch_related("representatives", "expertise_instruments", "expertise_clusters")
            .first()
        )

    def initial(self, application):
        source = application or self.organization
        initial = {
            **source.expertise_initial(),
            "dialogues": [pk for pk in [parse_id(self.request.GET.get("dialogue"))] if pk],
            "statement": application.statement if application else source.expertise_text,
        }
        if application:
            initial.update(
                {
                    name: getattr(application, name)
                    for name in (
                        "travel_support_requested",
                        "travel_support_justification",
                        "wants_to_speak",
                        "speaking_topic",
                    )
                }
            )
        return initial

    def render_form(self, form, people):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                people=people,
                organization=self.organization,
                organizations=self.organizations,
                missing=organization_missing(self.organization),
            )
        )

    def get(self, request, *args, **kwargs):
        application = self.existing()
        form = ApplicationForm(
            initial=self.initial(application), dialogues=dialogues_accepting_applications()
        )
        if application:
            people_initial = [
                {
                    "name": p.name,
                    "function": p.function,
                    "email": p.email,
                    "attendance": p.attendance,
                }
                for p in application.representatives.all()
            ]
        else:
            people_initial = [{"name": request.user.full_name, "email": request.user.email}]
        people = RepresentativeFormSet(prefix="people", initial=people_initial)
        return self.render_form(form, people)

    def post(self, request, *args, **kwargs):
        form = ApplicationForm(
            request.POST, request.FILES, dialogues=dialogues_accepting_applications()
        )
        people = RepresentativeFormSet(request.POST, prefix="people")
        valid = [form.is_valid(), people.is_valid()]
        submit = "submit" in request.POST
        missing = organization_missing(self.organization)
        if submit and missing:
            form.add_error(None, _("Complete the organization's profile before submitting."))
            valid.append(False)
        if not all(valid):
            return self.render_form(form, people)
        representatives = [
            p.cleaned_data for p in people if p.cleaned_data and not p.cleaned_data.get("DELETE")
        ]
        try:
            saved = services.applications_save(
                organization=self.organization,
                dialogues=form.cleaned_data["dialogues"],
                by=request.user,
                fields=form.model_fields(),
                representatives=representatives,
                submit=submit,
            )
        except services.ApplicationError as error:
            form.add_error(None, str(error))
            return self.render_form(form, people)
        if submit:
            messages.success(
                request,
                _("Submitted: %(n)s application(s). Each dialogue decides separately.")
                % {"n": len(saved)},
            )
        else:
            messages.success(
                request, _("Saved as draft: %(n)s application(s).") % {"n": len(saved)}
            )
        return redirect("engagement:application-list")


class ApplicationListView(TemplateView):
    template_name = "engagement/applications/list.html"

    def get_context_data(self, **kwargs):
        applications = selectors.applications_with_next_action(self.request.user)
        return super().get_context_data(
            applications=applications, open_dialogues=dialogues_accepting_applications(), **kwargs
        )


class ApplicationDetailView(TemplateView):
    template_name = "engagement/applications/detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        application = selectors.application_get_for_member(user, self.kwargs["pk"])
        return super().get_context_data(
            application=application,
            next=selectors.next_action(application, user),
            actions=workflow.allowed_actions(application, user),
            is_active=application.status in workflow.ACTIVE,
            comment_form=kwargs.pop("comment_form", None) or CommentForm(),
            confirm_token=confirm_token(application),
            **kwargs,
        )


class ApplicationWithdrawView(TemplateView):
    template_name = "engagement/applications/withdraw.html"

    def get_context_data(self, **kwargs):
        application = selectors.application_get_for_member(self.request.user, self.kwargs["pk"])
        return super().get_context_data(application=application, **kwargs)

    def post(self, request, pk):
        application = selectors.application_get_for_member(request.user, pk)
        try:
            services.application_withdraw(application.pk, by=request.user)
        except services.ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The application is withdrawn."))
        return redirect(application)


class CommentCreateView(View):
    def post(self, request, pk):
        application = selectors.application_get_for_member(request.user, pk)
        form = CommentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.comment_add(
                    application.pk,
                    by=request.user,
                    text=form.cleaned_data["text"],
                    document=form.cleaned_data["document"],
                )
            except services.ApplicationError as error:
                form.add_error("text" if error.field == "text" else None, str(error))
            else:
                messages.success(request, _("Your written comments are received."))
                return redirect(application)
        view = ApplicationDetailView.as_view()
        request.method = "GET"
        return view(request, pk=pk, comment_form=form)


class ApplicationConfirmView(TemplateView):
    """The one-click link of the approval email: a page with one button (no change on GET,
    so that mail scanners opening links confirm nothing)."""

    template_name = "engagement/applications/confirm.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.application = application_from_confirm_token(kwargs["token"])
        except ConfirmLinkError as error:
            self.application, self.error = None, str(error)
        else:
            self.error = None
        return super().dispatch(request, *args, **kwargs)

    dispatch.login_required = False

    def get_context_data(self, **kwargs):
        actions = (
            workflow.allowed_actions(self.application, workflow.LINK_HOLDER)
            if self.application
            else frozenset()
        )
        refusal = ""
        approved = self.application and self.application.status == Application.Status.APPROVED
        if approved and workflow.Action.CONFIRM not in actions:
            refusal = workflow.refusal(self.application, workflow.Action.CONFIRM, now())
        return super().get_context_data(
            application=self.application,
            error=self.error,
            actions=actions,
            refusal=refusal,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if self.application is None:
            return self.get(request, *args, **kwargs)
        by = request.user if request.user.is_authenticated else None
        try:
            services.application_confirm(self.application.pk, by=by)
        except services.ApplicationError as error:
            self.error = str(error)
            return self.get(request, *args, **kwargs)
        self.application.refresh_from_db()
        if by and is_member(by, self.application.organization):
            messages.success(request, _("Attendance confirmed."))
            return redirect(self.application)
        return self.get(request, *args, **kwargs)
