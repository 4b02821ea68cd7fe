"""Forms of the public and editorial pages: an item of the compilation, the simulator's draw."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CompilationItem
from ..validation import check_review_date


class CompilationItemForm(forms.ModelForm):
    tags = forms.CharField(label=_("Topics (comma-separated)"), required=False, max_length=500)

    class Meta:
        model = CompilationItem
        fields = ["kind", "year", "body", "document", "label", "text", "tags", "source"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def clean_tags(self):
        return [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]


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
