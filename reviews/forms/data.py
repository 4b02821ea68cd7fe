"""Forms of the secretariat's review data pages: the CSV import and the change log's filter."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import imports
from ..models import ReviewDataChange
from ..validation import ReviewDatesMixin

KIND_CHOICES = [
    ("states", gettext_lazy("States: groups and languages")),
    ("parties", gettext_lazy("Party status")),
    ("reviewers", gettext_lazy("Reviewers")),
    ("steps", gettext_lazy("Review steps")),
]
KIND_HELP = {
    "states": gettext_lazy(
        "One row per State: its UN regional group, its review group (1, 2 or 3; empty while "
        "not known), its review languages (at most three of ar, zh, en, fr, ru, es, separated "
        "by spaces or semicolons) and where these data come from. The country column is for "
        "reading; it is not imported."
    ),
    "parties": gettext_lazy(
        "One row per State and treaty it is party to (UNTOC, TIP, SOM, FIREARMS, UNCAC): the "
        "reference files' columns plus the treaty, dates as YYYY-MM-DD. The status column says "
        "how firm a row is; on import it is ignored, as every row imported becomes “entered "
        "or corrected by the secretariat”. An import creates or changes rows, it never deletes "
        "one."
    ),
    "reviewers": gettext_lazy(
        "One row per reviewing State and instrument (UNTOC, TIP, SOM, FIREARMS) of a State "
        "under review, with ISO3 codes. For each State under review in the file, the import "
        "replaces its whole set of reviewers with the file's (a row with the State under "
        "review alone removes them all); States not in the file keep theirs. A State never "
        "reviews itself and has at most four reviewers."
    ),
    "steps": gettext_lazy(
        "One row per step of each phase of a State's review (States with a review group "
        "only). The due column holds a date the secretariat sets; empty, the rule's date "
        "applies. done_on is the date the step was done."
    ),
}


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8 text (Excel: “CSV UTF-8”), at most 2 MB, with one of the four headers below."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of data"),
        required=False,
        choices=[("", gettext_lazy("Detect from the header")), *KIND_CHOICES],
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            try:
                self.parsed = imports.upload_read(upload, kind=data.get("kind") or "")
            except ValidationError as error:
                self.add_error("file", error)
        return data


class ChangeLogFilterForm(ReviewDatesMixin, forms.Form):
    state = forms.CharField(
        label=gettext_lazy("State"),
        required=False,
        max_length=120,
        help_text=gettext_lazy("ISO3 code or part of the name"),
    )
    via = forms.ChoiceField(
        label=gettext_lazy("Through"),
        required=False,
        choices=[("", gettext_lazy("Any")), *ReviewDataChange.Via.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword: these two are named in the query string only.
        for name, label in (("from", gettext_lazy("From")), ("to", gettext_lazy("To"))):
            self.fields[name] = forms.DateField(
                label=label,
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                input_formats=["%Y-%m-%d"],
                error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")},
            )

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", _("The end date is before the start date."))
        return data
