"""The letter builder's form (the parts a letter leaves open, within a letter's limits) and
the secretariat's bulk export form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from engagement import letters
from engagement.models import Dialogue, Letter
from reviews.models import State
from reviews.models.states import name_sort_key


def _text(label, name, *, required=False, rows=None, help_text=""):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        required=required,
        max_length=letters.LIMITS[name],
        widget=widget,
        help_text=help_text,
    )


class LetterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Letter"), choices=Letter.Kind.choices)
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.all())
    language = forms.ChoiceField(label=_("Language of the letter"), choices=letters.LANGUAGES)
    date = forms.DateField(
        label=_("Date of the letter"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    government = _text(
        _("The government, as the letter names it"),
        "government",
        help_text=_("Empty: “the Government of …” in the letter's language."),
    )
    recipient_name = _text(_("Recipient (e.g. the review focal point)"), "recipient_name")
    recipient_title = _text(_("Recipient's function or ministry"), "recipient_title")
    recipient_address = _text(_("Recipient's address"), "recipient_address", rows=3)
    issues = _text(
        _("The issues your organization works on"),
        "issues",
        rows=3,
        help_text=_(
            "Completes: “As an active organization focused on the issue(s) "
            "of …”. Needed for the letter to a focal point."
        ),
    )
    intro = _text(
        _("Opening paragraph of the pledge request"),
        "intro",
        rows=4,
        help_text=_("Empty: a standard request to sign the pledge."),
    )
    review_context = _text(_("Sentence on the review (optional)"), "review_context", rows=2)
    signatory_name = _text(_("Signatory"), "signatory_name", required=True)
    signatory_function = _text(_("Signatory's function"), "signatory_function")
    contact_details = _text(_("Contact details under the signature"), "contact_details", rows=2)
    archival = forms.BooleanField(label=_("Archival PDF (PDF/A)"), required=False)

    def __init__(self, *args, preview=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview = preview  # a preview shows blanks where the letter is not complete yet
        self.fields["date"].initial = timezone.localdate()
        if not preview:  # the State list as readers sort it (accented names in place)
            states = State.objects.values_list("pk", "name")
            named = sorted(states, key=lambda row: name_sort_key(row[1]))
            self.fields["state"].choices = [("", "---------"), *named]

    def clean(self):
        cleaned = super().clean()
        missing_issues = not cleaned.get("issues")
        if cleaned.get("kind") == Letter.Kind.FOCAL_POINT and missing_issues and not self.preview:
            self.add_error("issues", _("Say which issues your organization works on."))
        return cleaned


class ExportForm(forms.Form):
    state = forms.ModelChoiceField(
        label=_("Letters to one State"),
        required=False,
        queryset=State.objects.all(),
        to_field_name="code",
    )
    dialogue = forms.ModelChoiceField(
        label=_("Letters of a dialogue's applicants"),
        required=False,
        queryset=Dialogue.objects.all(),
    )
    since = forms.DateField(
        label=_("Made from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    until = forms.DateField(
        label=_("Made until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("state", "dialogue", "since", "until")):
            raise forms.ValidationError(gettext("Choose a State, a dialogue or a period."))
        if cleaned.get("since") and cleaned.get("until") and cleaned["until"] < cleaned["since"]:
            self.add_error("until", gettext("The end of the period comes before its start."))
        return cleaned

    def criteria(self) -> dict:
        """What the export covers, as plain values (kept on the export)."""
        data = self.cleaned_data
        return {
            "state": data["state"].code if data["state"] else None,
            "dialogue": data["dialogue"].pk if data["dialogue"] else None,
            "since": data["since"].isoformat() if data["since"] else None,
            "until": data["until"].isoformat() if data["until"] else None,
        }

    def description(self) -> str:
        data = self.cleaned_data
        parts = [str(value) for value in (data["state"], data["dialogue"]) if value]
        if data["since"] or data["until"]:
            parts.append(f"{data['since'] or '…'} to {data['until'] or '…'}")
        return ", ".join(parts)
