"""Forms of the portal's foundations: the account's sign-up details and language, the outbox
filter."""

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from .models import OutboundEmail


class SignupDetailsForm(forms.Form):
    """The portal's extra sign-up field (allauth's ACCOUNT_SIGNUP_FORM_CLASS)."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"].strip()
        user.save(update_fields=["full_name"])


class OutboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *OutboundEmail.Status.choices],
    )
    q = forms.CharField(label=_("Recipient or subject"), required=False, max_length=200)


def language_choices() -> list[tuple[str, str]]:
    """Each language named in itself ("Français", "العربيّة"), as the switcher names them
    (capitalized, as at the head of a line of a menu)."""
    names = [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]
    return [("", _("As my browser asks"))] + [(code, capfirst(name)) for code, name in names]


class AccountLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of your pages, emails, calendar and letters"),
        required=False,
        choices=language_choices,
        widget=forms.RadioSelect,
    )
