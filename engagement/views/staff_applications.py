"""The secretariat's queue of a dialogue: filters, prepared decisions, release, exports."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from engagement import exports
from engagement.forms.applications import BulkDecisionForm
from engagement.models import Application, Dialogue
from engagement.selectors import applications as selectors
from engagement.services import applications as services
from portal.permissions import SecretariatRequiredMixin

# Rows per page of the queue (as pretix lists orders): fast under load, filters do the rest.
QUEUE_PAGE_SIZE = 50


class QueueView(SecretariatRequiredMixin, TemplateView):
    template_name = "engagement/staff/queue.html"

    def get_context_data(self, **kwargs):
        dialogue = get_object_or_404(
            Dialogue.objects.select_related("session__working_group"), pk=self.kwargs["pk"]
        )
        application_filter, counts = selectors.queue(dialogue, self.request.GET)
        paginator = Paginator(application_filter.qs, QUEUE_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        applications = list(page.object_list)
        staged = [a for a in applications if a.staged_status]
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(
            dialogue=dialogue,
            filter=application_filter,
            applications=applications,
            page=page,
            filter_query=params.urlencode(),
            counts=[
                (value, label, counts.get(value, 0))
                for value, label in Application.Status.choices
                if value != "draft"
            ],
            staged=staged,
            staged_total=dialogue.applications.exclude(staged_status="").count(),
            capacity=selectors.capacity(dialogue),
            bulk_form=kwargs.pop("bulk_form", None) or BulkDecisionForm(dialogue=dialogue),
            query=self.request.GET.urlencode(),
            **kwargs,
        )


class BulkDecisionView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        dialogue = get_object_or_404(Dialogue, pk=pk)
        form = BulkDecisionForm(request.POST, dialogue=dialogue)
        query = request.POST.get("query", "")
        back = redirect(
            reverse("engagement:staff-queue", kwargs={"pk": pk}) + (f"?{query}" if query else "")
        )
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return back
        ids = [a.pk for a in form.cleaned_data["applications"]]
        try:
            problems = services.applications_stage(
                ids,
                form.cleaned_data["action"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.ApplicationError as error:
            messages.error(request, str(error))
            return back
        for problem in problems:
            messages.warning(request, problem)
        prepared = len(ids) - len(problems)
        if prepared:
            messages.success(
                request,
                _("%(n)s decision(s) prepared. Nothing is sent until you release them.")
                % {"n": prepared},
            )
        return back


class ReleaseView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        dialogue = get_object_or_404(Dialogue, pk=pk)
        released = services.applications_release(dialogue.pk, by=request.user)
        messages.success(
            request, _("%(n)s decision(s) released; the emails are on their way.") % {"n": released}
        )
        return redirect("engagement:staff-queue", pk=dialogue.pk)


class UnstageView(SecretariatRequiredMixin, View):
    def post(self, request, pk, application_pk):
        application = get_object_or_404(Application, pk=application_pk, dialogue_id=pk)
        services.application_unstage(application.pk)
        messages.success(
            request, _("Prepared decision undone for %(org)s.") % {"org": application.organization}
        )
        return redirect("engagement:staff-queue", pk=pk)


class ExportView(SecretariatRequiredMixin, View):
    """?list=circulation (no personal data) or participants; format csv, xlsx or pdf."""

    def get(self, request, pk, fmt):
        if fmt not in {"csv", "xlsx", "pdf"}:
            raise Http404
        dialogue = get_object_or_404(
            Dialogue.objects.select_related("session__working_group"), pk=pk
        )
        participants = request.GET.get("list") == "participants"
        applications = selectors.applications_for_export(dialogue, participants=participants)
        if participants:
            header, rows = exports.participant_rows(applications)
            name = f"participants-dialogue-{dialogue.pk}"
        else:
            header, rows = exports.circulation_rows(applications)
            name = f"applicants-dialogue-{dialogue.pk}"
        if fmt == "csv":
            body, kind = exports.as_csv(header, rows), "text/csv; charset=utf-8"
        elif fmt == "xlsx":
            body = exports.as_xlsx(header, rows, _("Applicants"))
            kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            body = exports.as_pdf(dialogue, applications, participants=participants)
            kind = "application/pdf"
        response = HttpResponse(body, content_type=kind)
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        return response
