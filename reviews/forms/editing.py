"""Forms of the review data: groups' dates, a State's data, reviewers, steps and contacts."""

from django import forms
from django.forms import (
    BaseInlineFormSet,
    BaseModelFormSet,
    inlineformset_factory,
    modelformset_factory,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.deadlines import vienna_date
from portal.validation import formset_limit

from ..models import (
    PreparatoryPhase,
    ReviewContact,
    ReviewerAssignment,
    ReviewGroup,
    State,
    TreatyParticipation,
    UnLanguage,
)
from ..models.states import name_sort_key
from ..services.country_reviews import MAX_REVIEWERS, too_many_reviewers_message
from ..validation import ReviewDatesMixin, done_on_problem, signature_problem

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RowsFormSetMixin:
    """A row that someone else deleted after the page was shown says so, on the row."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row_id = form.fields.get(self.model._meta.pk.name)
        if row_id is not None:
            row_id.error_messages["invalid_choice"] = _(
                "Someone else deleted this row meanwhile; reload the page to see the rows as "
                "they are."
            )


class ReviewGroupForm(ReviewDatesMixin, forms.ModelForm):
    class Meta:
        model = ReviewGroup
        fields = ["starts_on", "years_per_cluster", "note"]
        widgets = {
            "starts_on": DATE,
            "years_per_cluster": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_years_per_cluster(self):
        years = self.cleaned_data["years_per_cluster"]
        if not 1 <= years <= 5:
            raise forms.ValidationError(_("A phase lasts between one and five years."))
        return years


class ReviewGroupBaseFormSet(RowsFormSetMixin, BaseModelFormSet):
    pass


ReviewGroupFormSet = modelformset_factory(
    ReviewGroup,
    form=ReviewGroupForm,
    formset=ReviewGroupBaseFormSet,
    extra=0,
    edit_only=True,
    **formset_limit(20),
)


class PreparatoryPhaseForm(ReviewDatesMixin, forms.ModelForm):
    class Meta:
        model = PreparatoryPhase
        fields = ["starts_on", "ends_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("The preparatory phase ends after it starts."))
        return data


class StateReviewForm(forms.ModelForm):
    review_languages = forms.MultipleChoiceField(
        label=_("Review languages"),
        choices=UnLanguage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One or two of the six UN languages, exceptionally a third."),
    )

    class Meta:
        model = State
        fields = ["regional_group", "review_group", "review_languages", "review_source"]

    def clean_review_languages(self):
        languages = self.cleaned_data["review_languages"]
        if len(languages) > 3:
            raise forms.ValidationError(_("Choose at most three languages."))
        return languages


class ParticipationForm(ReviewDatesMixin, forms.ModelForm):
    class Meta:
        model = TreatyParticipation
        fields = ["treaty", "signature_date", "consent_date", "consent_type", "source"]
        widgets = {
            "signature_date": DATE,
            "consent_date": DATE,
            "source": forms.TextInput,
        }

    def clean(self):
        data = super().clean()
        problem = signature_problem(data.get("signature_date"), data.get("consent_date"))
        if problem:
            self.add_error("signature_date", problem)
        return data


class UniqueTreatyFormSet(RowsFormSetMixin, BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            treaty = form.cleaned_data.get("treaty")
            if treaty in seen:
                form.add_error("treaty", _("This instrument is listed twice."))
            seen.add(treaty)


ParticipationFormSet = inlineformset_factory(
    State,
    TreatyParticipation,
    form=ParticipationForm,
    formset=UniqueTreatyFormSet,
    extra=1,
    can_delete=True,
    **formset_limit(20),
)


class ReviewerForm(forms.ModelForm):
    class Meta:
        model = ReviewerAssignment
        fields = ["instrument", "reviewer", "note"]

    def __init__(self, *args, reviewer_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = State.objects.order_by("name")
        if reviewer_choices is not None:  # read once for all the rows of the formset
            self.fields["reviewer"].choices = reviewer_choices


class ReviewerFormSet(RowsFormSetMixin, BaseInlineFormSet):
    """A State's reviewers: no self-review, no pair twice (each refused on its row), at most
    four reviewers in all."""

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        states = State.objects.order_by("name")
        if instance is not None:
            states = states.exclude(pk=instance.pk)
        named = sorted(states.values_list("pk", "name"), key=lambda row: name_sort_key(row[1]))
        choices = [("", "---------"), *named]
        kwargs["form_kwargs"] = {"reviewer_choices": choices, **kwargs.get("form_kwargs", {})}
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        seen, reviewers = set(), set()
        for form in self.forms:
            reviewer = form.cleaned_data.get("reviewer")
            if not reviewer or (self.can_delete and self._should_delete_form(form)):
                continue
            pair = (reviewer.pk, form.cleaned_data["instrument"])
            if reviewer.pk == self.instance.pk:
                form.add_error("reviewer", _("A State does not review itself."))
            elif pair in seen:
                form.add_error("reviewer", _("This reviewer is entered twice for one instrument."))
            seen.add(pair)
            reviewers.add(reviewer.pk)
        if len(reviewers) > MAX_REVIEWERS:
            raise forms.ValidationError(too_many_reviewers_message())

    def validate_unique(self):
        # Duplicates are reported by clean() in the words of the rules.
        return None


ReviewerAssignmentFormSet = inlineformset_factory(
    State,
    ReviewerAssignment,
    fk_name="state_under_review",
    form=ReviewerForm,
    formset=ReviewerFormSet,
    extra=2,
    can_delete=True,
    **formset_limit(20),
)


class StepForm(ReviewDatesMixin, forms.Form):
    step = forms.IntegerField(widget=forms.HiddenInput)
    done_on = forms.DateField(label=_("Done on"), required=False, widget=DATE)
    due_on = forms.DateField(
        label=_("Due date set by the secretariat"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty to follow the rule."),
    )
    note = forms.CharField(
        label=_("Public note"),
        required=False,
        max_length=300,
        help_text=_("Shown to everyone on the State's page."),
    )

    def clean_done_on(self):
        done_on = self.cleaned_data["done_on"]
        problem = done_on_problem(done_on, vienna_date(timezone.now()))
        if problem:
            raise forms.ValidationError(problem)
        return done_on


StepFormSet = forms.formset_factory(StepForm, extra=0, **formset_limit(100))


class ContactsPublicForm(forms.ModelForm):
    class Meta:
        model = State
        fields = ["contacts_public"]
        labels = {
            "contacts_public": _(
                "The State makes the names and contacts of its focal point and experts public"
            )
        }


class ContactForm(ReviewDatesMixin, forms.ModelForm):
    class Meta:
        model = ReviewContact
        fields = ["role", "name", "position", "institution", "email", "phone", "appointed_on"]
        widgets = {"appointed_on": DATE}


class ContactFormSet(RowsFormSetMixin, BaseInlineFormSet):
    """A State's focal point (one) and governmental experts."""

    def clean(self):
        super().clean()
        focal_points = [
            form
            for form in self.forms
            if form.cleaned_data.get("role") == ReviewContact.Role.FOCAL_POINT
            and not (self.can_delete and self._should_delete_form(form))
        ]
        for form in focal_points[1:]:
            form.add_error("role", _("A State has one focal point; enter the others as experts."))


ContactFormSet = inlineformset_factory(
    State,
    ReviewContact,
    form=ContactForm,
    formset=ContactFormSet,
    extra=1,
    can_delete=True,
    **formset_limit(100),
)
