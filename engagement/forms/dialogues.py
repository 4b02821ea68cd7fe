"""Staff forms for sessions, dialogues, their programme and panel, and status changes."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from engagement import deadlines
from engagement.models import AgendaItem, Dialogue, PanelMember, WorkingGroupSession
from engagement.services.dialogues import dialogue_dates_errors
from engagement.uploads import validate_pdf

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class ViennaDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class WorkingGroupSessionForm(forms.ModelForm):
    class Meta:
        model = WorkingGroupSession
        fields = ["working_group", "number", "starts_on", "ends_on", "venue", "report_adopted_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "report_adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day must not come before the first day."))
        return cleaned


OPTIONAL_DATES = [
    "applications_open_at",
    "application_deadline",
    "circulation_at",
    "objection_deadline",
]


class DialogueForm(forms.ModelForm):
    """Dates are Vienna time. Deadlines left empty take the sourced defaults."""

    class Meta:
        model = Dialogue
        fields = [
            "session",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "format",
            "venue",
            "capacity_in_person",
            "capacity_online",
            "applications_open_at",
            "application_deadline",
            "circulation_at",
            "objection_deadline",
            "confirmation_days_before",
            "minimum_applications",
            "background_paper",
            "chair_summary",
        ]
        widgets = {
            name: ViennaDateTimeInput() for name in ["starts_at", "ends_at", *OPTIONAL_DATES]
        }
        help_texts = {
            "application_deadline": _("Empty: 23:59:59 eight weeks before the dialogue."),
            "circulation_at": _("Empty: six weeks before the dialogue."),
            "objection_deadline": _("Empty: four weeks before the dialogue."),
            "applications_open_at": _("Empty: fourteen weeks before the dialogue."),
            "confirmation_days_before": _(
                "The cut-off is 23:59:59 Vienna time on that day. Default 15 (paragraph 53 "
                "of the Procedures and Rules)."
            ),
        }

    FIELDSETS = [
        (_("The dialogue"), ["session", "title", "description"]),
        (
            _("When and where"),
            ["starts_at", "ends_at", "format", "venue", "capacity_in_person", "capacity_online"],
        ),
        (
            _("Deadlines"),
            [
                "applications_open_at",
                "application_deadline",
                "circulation_at",
                "objection_deadline",
                "confirmation_days_before",
                "minimum_applications",
            ],
        ),
        (_("Documents"), ["background_paper", "chair_summary"]),
    ]

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in OPTIONAL_DATES:
            self.fields[name].required = False
        self.fields["session"].queryset = WorkingGroupSession.objects.select_related(
            "working_group"
        )

    def clean_background_paper(self):
        paper = self.cleaned_data.get("background_paper")
        if paper and hasattr(paper, "content_type"):  # a new upload
            validate_pdf(paper)
        return paper

    def clean(self):
        cleaned = super().clean()
        starts = cleaned.get("starts_at")
        if starts:
            defaults = deadlines.default_dates(starts)
            for name in OPTIONAL_DATES:
                if not cleaned.get(name) and name not in self.errors:
                    cleaned[name] = getattr(defaults, name)
        for field, message in dialogue_dates_errors(
            {
                k: v
                for k, v in cleaned.items()
                if k in [*OPTIONAL_DATES, "starts_at", "ends_at", "confirmation_days_before"]
            }
        ):
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return cleaned


AgendaFormSet = inlineformset_factory(
    Dialogue,
    AgendaItem,
    fields=["position", "starts_at", "title", "description"],
    extra=2,
    can_delete=True,
    widgets={
        "starts_at": forms.TimeInput(attrs={"type": "time"}),
        "description": forms.Textarea(attrs={"rows": 2}),
    },
)
PanelFormSet = inlineformset_factory(
    Dialogue,
    PanelMember,
    fields=["position", "name", "function", "affiliation"],
    extra=2,
    can_delete=True,
)


class TransitionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
