"""The secretariat's bulk export of letters, with progress and expiring download links."""

from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from engagement.forms.letters import ExportForm
from engagement.models import LetterExport
from engagement.services.letters import letter_export_request
from engagement.workflows import letter_exports as workflow
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
        return super().get_context_data(
            export=export,
            expired=workflow.is_expired(export),
            actions=workflow.allowed_actions(export, self.request.user),
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
        if workflow.DOWNLOAD not in workflow.allowed_actions(export, request.user):
            raise Http404
        file = {"zip": export.archive, "pdf": export.merged}.get(part)
        if not file:
            raise Http404
        return FileResponse(
            file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1]
        )
