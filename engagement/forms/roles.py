from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Role, User
from reviews.models import State, WorkingGroup


class RoleGrantForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the user"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    state = forms.ModelChoiceField(
        label=_("State represented"),
        queryset=State.objects.all(),
        required=False,
        help_text=_("Only for State party representatives."),
    )
    working_group = forms.ModelChoiceField(
        label=_("Working group chaired"),
        queryset=WorkingGroup.objects.all(),
        required=False,
        help_text=_("Only for working-group chairs."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("No account uses this address. The person must sign up first.")
            )
        self.cleaned_data["user"] = user
        return email

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role == Role.STATE_REPRESENTATIVE and not cleaned.get("state"):
            self.add_error("state", _("Choose the State this person represents."))
        if role == Role.CHAIR and not cleaned.get("working_group"):
            self.add_error("working_group", _("Choose the working group this person chairs."))
        if role != Role.STATE_REPRESENTATIVE:
            cleaned["state"] = None
        if role != Role.CHAIR:
            cleaned["working_group"] = None
        return cleaned
