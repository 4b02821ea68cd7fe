"""The secretariat's bulk export of letters, with progress and expiring download links."""

from django import forms
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from engagement.files import PDF, letter_export_available, letter_export_name
from engagement.models import Dialogue, LetterExport
from engagement.services.letters import letter_export_request
from portal.files import file_response
from reviews.models import State

from .mixins import SecretariatRequiredMixin


class ExportForm(forms.Form):
    state = forms.ModelChoiceField(
        label=gettext_lazy("Letters to one State"),
        required=False,
        queryset=State.objects.all(),
        to_field_name="code",
    )
    dialogue = forms.ModelChoiceField(
        label=gettext_lazy("Letters of a dialogue's applicants"),
        required=False,
        queryset=Dialogue.objects.all(),
    )
    since = forms.DateField(
        label=gettext_lazy("Made from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=gettext_lazy("Made until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("state", "dialogue", "since", "until")):
            raise forms.ValidationError(_("Choose a State, a dialogue or a period."))
        if cleaned.get("since") and cleaned.get("until") and cleaned["until"] < cleaned["since"]:
            self.add_error("until", _("The end of the period comes before its start."))
        return cleaned


class ExportCreateView(SecretariatRequiredMixin, FormView):
    template_name = "engagement/staff/letter_export_form.html"
    form_class = ExportForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            exports=LetterExport.objects.select_related("requested_by")[:20], **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        criteria = {
            "state": data["state"].code if data["state"] else None,
            "dialogue": data["dialogue"].pk if data["dialogue"] else None,
            "since": data["since"].isoformat() if data["since"] else None,
            "until": data["until"].isoformat() if data["until"] else None,
        }
        parts = [str(value) for value in (data["state"], data["dialogue"]) if value]
        if data["since"] or data["until"]:
            parts.append(f"{data['since'] or '…'} to {data['until'] or '…'}")
        export = letter_export_request(
            by=self.request.user, criteria=criteria, description=", ".join(parts)
        )
        return redirect("engagement:staff-letter-export", pk=export.pk)


class ExportDetailView(SecretariatRequiredMixin, TemplateView):
    template_name = "engagement/staff/letter_export.html"

    def get_context_data(self, **kwargs):
        export = get_object_or_404(LetterExport, pk=self.kwargs["pk"])
        # Expired: past its time, or its files already deleted by the sweep.
        expired = not (letter_export_available(export) and export.archive and export.merged)
        return super().get_context_data(export=export, expired=expired, **kwargs)


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
        if not file or not letter_export_available(export):
            raise Http404
        return file_response(
            file,
            filename=letter_export_name(export, part),
            content_type={"zip": "application/zip", "pdf": PDF}[part],
        )
