"""Forms of the application workflow."""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from engagement.forms.expertise import ExpertiseFields
from engagement.models import Application, Representative
from engagement.uploads import validate_pdf
from portal.validation import ModelIdChoiceField, ModelIdsField, formset_limit


class ApplicationForm(ExpertiseFields, forms.Form):
    """The fields an organization gives once for one or several dialogues."""

    dialogues = ModelIdsField(
        label=_("Dialogues to apply to"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one dialogue.")},
    )
    statement = forms.CharField(
        label=_("Your expertise on the working group's topic"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Priority goes to proven expertise on the group's topic. At most 4,000 characters."
        ),
    )
    travel_support_requested = forms.BooleanField(
        label=_("We request travel support"), required=False
    )
    travel_support_justification = forms.CharField(
        label=_("Why travel support is needed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    nomination_letter = forms.FileField(
        label=_("Nomination letter (PDF, at most 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    wants_to_speak = forms.BooleanField(
        label=_("We would like to deliver a statement"), required=False
    )
    speaking_topic = forms.CharField(
        label=_("Topic of the statement"), required=False, max_length=300
    )

    FIELDS_FOR_MODEL = [
        "statement",
        "expertise_instruments",
        "expertise_clusters",
        "travel_support_requested",
        "travel_support_justification",
        "nomination_letter",
        "wants_to_speak",
        "speaking_topic",
    ]

    field_order = ["dialogues", *FIELDS_FOR_MODEL]

    def __init__(self, *args, dialogues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dialogues"].queryset = dialogues

    def clean_nomination_letter(self):
        letter = self.cleaned_data.get("nomination_letter")
        if letter and hasattr(letter, "content_type"):
            validate_pdf(letter)
        return letter

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("travel_support_requested")
            and not cleaned.get("travel_support_justification", "").strip()
        ):
            self.add_error("travel_support_justification", _("Say why you need travel support."))
        if cleaned.get("wants_to_speak") and not cleaned.get("speaking_topic", "").strip():
            self.add_error("speaking_topic", _("Give the topic of your statement."))
        return cleaned

    def model_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.FIELDS_FOR_MODEL}


class RepresentativeForm(forms.ModelForm):
    class Meta:
        model = Representative
        fields = ["name", "function", "email", "attendance"]


RepresentativeFormSet = formset_factory(
    RepresentativeForm, extra=2, min_num=1, validate_min=True, **formset_limit(10)
)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class BulkDecisionForm(forms.Form):
    ACTIONS = [
        (Application.Status.SCREENED_IN, _("Screen in")),
        (Application.Status.REJECTED, _("Reject")),
        (Application.Status.CIRCULATED, _("Circulate to States parties")),
        (Application.Status.REFERRED, _("Refer to the Bureau")),
    ]
    applications = ModelIdsField(
        queryset=Application.objects.none(),
        error_messages={"required": _("Select at least one application.")},
    )
    action = forms.ChoiceField(label=_("Decision"), choices=ACTIONS)
    reason = forms.CharField(
        label=_("Reason (required to reject)"), required=False, max_length=2000
    )

    def __init__(self, *args, dialogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = dialogue.applications.all()


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Written comments"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    document = forms.FileField(label=_("Or a PDF (at most 10 MB)"), required=False)

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            validate_pdf(document)
        return document


class ApplicationChoiceField(ModelIdChoiceField):
    """One application of a list the page shows, posted as its id in a hidden field: any other
    value (another list's, text, a number out of range) is the field's ``invalid`` message."""

    widget = forms.HiddenInput

    def __init__(self, *, invalid, **kwargs):
        super().__init__(
            queryset=Application.objects.none(),
            error_messages={"required": invalid, "invalid_choice": invalid},
            **kwargs,
        )


class ObjectionForm(forms.Form):
    """A State's objection to one application of a circulated list (``applications``)."""

    application = ApplicationChoiceField(invalid=_("Choose an organization of this list."))
    reason = forms.CharField(
        label=_("Reason for the objection"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications


class BureauDecisionForm(forms.Form):
    """The Bureau's decision on one referred application (``applications``)."""

    DECISIONS = [("approve", _("Approve")), ("reject", _("Reject"))]

    application = ApplicationChoiceField(invalid=_("Choose an application referred to the Bureau."))
    decision = forms.ChoiceField(
        choices=DECISIONS,
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose to approve or to reject."),
            "invalid_choice": _("Choose to approve or to reject."),
        },
    )
    reason = ReasonForm.base_fields["reason"]

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications
