from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.models import PledgeSignature
from engagement.uploads import validate_pdf
from reviews.models import RegionalGroup


class PledgeFilterForm(forms.Form):
    q = forms.CharField(label=_("State"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Pledge"),
        required=False,
        choices=[
            ("", _("Any")),
            ("signed", _("Signature recorded")),
            ("not_signed", _("No signature recorded")),
        ],
    )
    regional_group = forms.ChoiceField(
        label=_("Regional group"),
        required=False,
        choices=[("", _("All groups")), *RegionalGroup.choices],
    )


class PledgeSignatureForm(forms.ModelForm):
    source_url = forms.URLField(
        label=_("Source address"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = PledgeSignature
        fields = [
            "signed_on",
            "signatory",
            "signatory_title",
            "source_document",
            "source_url",
            "note",
        ]
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_source_document(self):
        document = self.cleaned_data.get("source_document")
        if document and hasattr(document, "content_type"):
            validate_pdf(document)
        return document

    def clean(self):
        cleaned = super().clean()
        has_document = cleaned.get("source_document") or (
            self.instance.pk
            and self.instance.source_document
            and cleaned.get("source_document") is not False
        )
        if not has_document and not cleaned.get("source_url"):
            raise forms.ValidationError(
                _("Give a source: upload the signed document or give its address.")
            )
        return cleaned
