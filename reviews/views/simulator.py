"""The drawing-of-lots simulator: a public page and its CSV download."""

import secrets

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from portal.views import PublicViewMixin

from .. import lots
from ..forms.pages import MAX_SEED, SimulatorForm


class SimulatorView(PublicViewMixin, TemplateView):
    template_name = "reviews/simulator.html"

    def get(self, request, *args, **kwargs):
        if "seed" in request.GET or "as_of" in request.GET:
            form = SimulatorForm(request.GET)
        else:  # a fresh seed, shown in the form and in the link, so the draw can be repeated
            today = timezone.localdate().isoformat()
            form = SimulatorForm({"seed": secrets.randbelow(MAX_SEED + 1), "as_of": today})
        draw = as_of = found = None
        if form.is_valid():
            as_of = form.cleaned_data["as_of"]
            draw = lots.draw_lots(lots.candidates_as_of(as_of), form.cleaned_data["seed"])
            if request.GET.get("format") == "csv":
                return self.csv_response(draw, as_of)
            found = self.find(form, draw)
        context = self.get_context_data(
            form=form,
            draw=draw,
            as_of=as_of,
            found=found,
            reviewed_by=draw.reviewed_by(found.code) if found else [],
            label=lots.SIMULATION_LABEL,
        )
        return self.render_to_response(context)

    @staticmethod
    def find(form, draw):
        """The review of the State the visitor looks for, or a field error saying why not."""
        text = form.cleaned_data.get("state", "").strip()
        if not text:
            return None
        found = draw.find(text)
        if found is None:
            form.add_error(
                "state",
                _("No single State of this draw matches “%(text)s”: try its full name or code.")
                % {"text": text},
            )
        return found

    def csv_response(self, draw, as_of):
        body = ("\ufeff" + lots.draw_csv(draw, as_of)).encode("utf-8")  # BOM: Excel reads UTF-8
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        name = f"simulated-draw-seed-{draw.seed}-{as_of.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
