"""The secretariat's bulk export of letters, with progress and expiring download links."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from engagement.files import PDF, letter_export_name
from engagement.forms.letters import ExportForm
from engagement.models import LetterExport
from engagement.services.letters import letter_export_request
from engagement.workflows import letter_exports as workflow
from portal.files import file_response
from portal.permissions import SecretariatRequiredMixin


class ExportCreateView(SecretariatRequiredMixin, FormView):
    template_name = "engagement/staff/letter_export_form.html"
    form_class = ExportForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            exports=LetterExport.objects.select_related("requested_by")[:20], **kwargs
        )

    def form_valid(self, form):
        export = letter_export_request(
            by=self.request.user, criteria=form.criteria(), description=form.description()
        )
        return redirect("engagement:staff-letter-export", pk=export.pk)


class ExportDetailView(SecretariatRequiredMixin, TemplateView):
    template_name = "engagement/staff/letter_export.html"

    def get_context_data(self, **kwargs):
        export = get_object_or_404(LetterExport, pk=self.kwargs["pk"])
        # Expired: past its time, or its files already deleted by the sweep.
        actions = workflow.allowed_actions(export, self.request.user)
        return super().get_context_data(
            export=export,
            expired=workflow.DOWNLOAD not in actions,
            actions=actions,
            **kwargs,
        )


class ExportStatusView(SecretariatRequiredMixin, View):
    def get(self, request, pk):
        export = get_object_or_404(LetterExport, pk=pk)
        return JsonResponse(
            {
                "status": export.status,
                "done": export.done,
                "total": export.total,
                "percent": export.percent,
            }
        )


class ExportDownloadView(SecretariatRequiredMixin, View):
    def get(self, request, pk, part):
        export = get_object_or_404(LetterExport, pk=pk)
        file = {"zip": export.archive, "pdf": export.merged}.get(part)
        if not file or workflow.DOWNLOAD not in workflow.allowed_actions(export, request.user):
            raise Http404
        return file_response(
            file,
            filename=letter_export_name(export, part),
            content_type={"zip": "application/zip", "pdf": PDF}[part],
        )
