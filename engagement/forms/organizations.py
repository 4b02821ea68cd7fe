"""Organization profile, invitation and filter forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.forms.expertise import ExpertiseFields
from engagement.models import Organization
from engagement.uploads import validate_logo
from portal.files import ServedFileInput
from portal.validation import ModelBoundsMixin


class OrganizationForm(ModelBoundsMixin, ExpertiseFields, forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", max_length=200
    )

    FIELDSETS = [
        (_("Identity"), ["name", "acronym", "kind", "country", "countries_of_work"]),
        (_("ECOSOC consultative status"), ["ecosoc_status", "ecosoc_year"]),
        (_("Contact and letterhead"), ["email", "phone", "website", "postal_address", "logo"]),
        (
            _("Mission and expertise"),
            ["mission", "expertise_instruments", "expertise_clusters", "expertise_text"],
        ),
        (_("Travel-support priority"), ["is_grassroots", "is_victim_led", "is_youth_led"]),
    ]

    class Meta:
        model = Organization
        fields = [
            "name",
            "acronym",
            "kind",
            "country",
            "countries_of_work",
            "ecosoc_status",
            "ecosoc_year",
            "website",
            "email",
            "phone",
            "postal_address",
            "logo",
            "mission",
            "expertise_instruments",
            "expertise_clusters",
            "expertise_text",
            "is_grassroots",
            "is_victim_led",
            "is_youth_led",
        ]
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "mission": forms.Textarea(attrs={"rows": 4}),
            "expertise_text": forms.Textarea(attrs={"rows": 3}),
            "logo": ServedFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
        }
        # A plain file field: Django's image field would open the image before our check of
        # its pixel count (validate_logo), and answer a huge one with a vague message.
        field_classes = {"logo": forms.FileField}
        help_texts = {
            "logo": _("PNG, JPEG, GIF or WebP, at most 2 MB; resized to fit 600 pixels."),
            "countries_of_work": _("Hold Ctrl (or ⌘) to choose several."),
        }

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):
            validate_logo(logo)
        return logo

    def clean(self):
        cleaned = super().clean()
        status, year = cleaned.get("ecosoc_status"), cleaned.get("ecosoc_year")
        if status == Organization.EcosocStatus.NONE and year:
            self.add_error("ecosoc_year", _("Leave the year empty when there is no status."))
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's email address"))
