"""The drawing-of-lots simulator: a public page and its CSV download."""

import secrets
from datetime import date

from django import forms
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from portal.views import PublicViewMixin

from .. import lots
from ..validation import check_review_date

MAX_SEED = 999_999_999
CONVENTION_IN_FORCE = date(2003, 9, 29)  # the Convention, article 38; UNTOC at 20


class SimulatorForm(forms.Form):
    seed = forms.IntegerField(
        label=_("Draw number"),
        min_value=0,
        max_value=MAX_SEED,
        # A text box keeps whatever was typed, so an error can be shown next to it.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("A whole number. The same number and date give the same draw."),
    )
    as_of = forms.DateField(
        label=_("Parties as of"),
        widget=forms.DateInput(attrs={"placeholder": "YYYY-MM-DD"}, format="%Y-%m-%d"),
        help_text=_("YYYY-MM-DD. The parties to the Convention on this date are drawn."),
    )

    state = forms.CharField(
        label=_("Find a State in the draw"),
        required=False,
        max_length=120,
        help_text=_("Optional: a name or an ISO3 code, e.g. Kenya or KEN."),
    )

    def clean_as_of(self):
        as_of = self.cleaned_data["as_of"]
        if as_of < CONVENTION_IN_FORCE:
            raise forms.ValidationError(
                _(
                    "The Convention entered into force on 29 September 2003: choose that day "
                    "or a later one."
                )
            )
        check_review_date(as_of)
        return as_of


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
