"""Pages where the secretariat (and, for contacts, a State's representatives) edit a State's
review data. Every save goes through the services, which log each change."""

import hashlib

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from portal.deadlines import vienna_date
from portal.permissions import SecretariatRequiredMixin

from .. import selectors, services
from ..forms.editing import (
    ContactFormSet,
    ContactsPublicForm,
    ParticipationFormSet,
    PreparatoryPhaseForm,
    ReviewerAssignmentFormSet,
    ReviewGroupFormSet,
    StateReviewForm,
    StepFormSet,
)
from ..models import PreparatoryPhase, ReviewDataChange, ReviewGroup, ReviewStep, State
from ..permissions import can_edit_review_contacts
from ..steps import RULE_BY_KIND

FORM = ReviewDataChange.Via.FORM


class StateMixin:
    """The State named by ``code`` in the URL, as ``self.state``."""

    def dispatch(self, request, *args, **kwargs):
        self.state = get_object_or_404(State, code=kwargs["code"].upper())
        if not self.state_allowed(request.user, self.state):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def state_allowed(self, user, state) -> bool:
        """Whether ``user`` may use this page for ``state`` (else: 404)."""
        return True

    def get_context_data(self, **kwargs):
        return super().get_context_data(state=self.state, **kwargs)

    def lock(self):
        services.state_lock(self.state)
        self.state.refresh_from_db()

    def done(self, message):
        messages.success(self.request, message)
        return redirect(self.state.get_absolute_url())


class FormsPageMixin:
    """GET shows the page's forms; POST saves them all when all are valid, else shows them
    again with their errors and everything the user typed.

    The page carries a ``version`` of the data it shows. The rows are locked, read afresh and
    compared with that version before anything is validated: if someone else saved in
    between, nothing is saved and the user is told, with their entries kept. A page shown
    again with errors keeps the version it was opened with, so a later save still notices.

    Each page defines ``lock()`` (lock the rows it edits until the end of the transaction and
    read them afresh), ``version_data()``, ``build_forms(data)`` and ``save(**forms)``.
    """

    def version(self) -> str:
        rows = repr(self.version_data()).encode()
        return hashlib.sha256(rows).hexdigest()[:20]

    def get(self, request, *args, **kwargs):
        return self.render(self.build_forms(None))

    def render(self, forms, version=None):
        return self.render_to_response(
            self.get_context_data(version=version or self.version(), **forms)
        )

    def post(self, request, *args, **kwargs):
        posted_version = request.POST.get("version", "")
        forms = {}
        try:
            with transaction.atomic():
                self.lock()
                forms = self.build_forms(request.POST)
                if posted_version != self.version():
                    raise services.StaleReviewData
                valid = [form.is_valid() for form in forms.values()]  # all show their errors
                if not all(valid):
                    raise InvalidForms
                return self.save(**forms)
        except InvalidForms:
            messages.error(request, _("Nothing was saved: please correct the errors below."))
            return self.render(forms, version=posted_version)
        except services.StaleReviewData:
            messages.error(
                request,
                _(
                    "Nothing was saved: someone else saved changes to these data after you "
                    "opened this page (see the change log). Your entries are kept below; "
                    "saving again replaces those changes."
                ),
            )
        except (IntegrityError, services.ReviewDataError) as error:  # after StaleReviewData
            messages.error(
                request,
                _("Nothing was saved: %(reason)s")
                % {
                    "reason": str(error)
                    if isinstance(error, services.ReviewDataError)
                    else _("two rows clash (the same entry twice, or swapped); save in two steps")
                },
            )
            return self.render(forms, version=posted_version)
        return self.render(forms)


class InvalidForms(Exception):
    """A form of the page has errors."""


class ReviewGroupsEditView(SecretariatRequiredMixin, FormsPageMixin, TemplateView):
    template_name = "reviews/staff/groups.html"

    def build_forms(self, data):
        return {
            "preparatory": PreparatoryPhaseForm(
                data, instance=PreparatoryPhase.objects.first(), prefix="preparatory"
            ),
            "formset": ReviewGroupFormSet(data, queryset=ReviewGroup.objects.all()),
        }

    def lock(self):
        services.review_groups_lock()

    def version_data(self):
        return (
            list(PreparatoryPhase.objects.values_list("starts_on", "ends_on")),
            list(ReviewGroup.objects.values_list("pk", "starts_on", "years_per_cluster", "note")),
        )

    def save(self, preparatory, formset):
        if preparatory.has_changed():
            services.save_with_log(preparatory.instance, actor=self.request.user, via=FORM)
        moved = 0
        for form in formset.initial_forms:  # the three groups: a tampered form adds none
            if form.instance.pk and form.has_changed():
                moved += services.review_group_update(
                    form.instance,
                    actor=self.request.user,
                    **{name: form.cleaned_data[name] for name in form.Meta.fields},
                )
        messages.success(
            self.request,
            _("Saved. %(count)s due dates were recomputed.") % {"count": moved},
        )
        return redirect("reviews:overview")


class StateEditView(SecretariatRequiredMixin, StateMixin, FormsPageMixin, TemplateView):
    """A State's regional group, review group, languages and party status."""

    template_name = "reviews/staff/state_form.html"

    def build_forms(self, data):
        return {
            "form": StateReviewForm(data, instance=self.state),
            "parties": ParticipationFormSet(data, instance=self.state, prefix="parties"),
        }

    def version_data(self):
        state = State.objects.values_list(
            "regional_group", "review_group", "review_languages", "review_source"
        ).get(pk=self.state.pk)
        parties = self.state.participations.order_by("pk").values_list(
            "pk", "treaty", "signature_date", "consent_date", "consent_type", "source"
        )
        return state, list(parties)

    def save(self, form, parties):
        user = self.request.user
        services.state_review_update(
            self.state,
            actor=user,
            via=FORM,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )
        services.formset_save_with_log(
            parties, actor=user, via=FORM, state=self.state, record=services.participation_record
        )
        return self.done(_("The State's data was saved; every change is in the change log."))


class ReviewersEditView(SecretariatRequiredMixin, StateMixin, FormsPageMixin, TemplateView):
    template_name = "reviews/staff/reviewers.html"

    def build_forms(self, data):
        return {"formset": ReviewerAssignmentFormSet(data, instance=self.state)}

    def version_data(self):
        return list(
            self.state.reviewer_assignments.order_by("pk").values_list(
                "pk", "reviewer", "instrument", "note"
            )
        )

    def save(self, formset):
        user = self.request.user

        def record(assignment, **kwargs):
            assignment.entered_by = assignment.entered_by or user
            return services.save_with_log(assignment, **kwargs)

        services.formset_save_with_log(
            formset,
            actor=user,
            via=FORM,
            state=self.state,
            field="state_under_review",
            record=record,
        )
        for warning in selectors.reviewer_rule_warnings(self.state):
            messages.warning(self.request, warning)
        return self.done(_("The reviewers were saved."))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            warnings=selectors.reviewer_rule_warnings(self.state), **kwargs
        )


class StepsEditView(SecretariatRequiredMixin, StateMixin, FormsPageMixin, TemplateView):
    """The actual dates of a State's steps, and due dates the secretariat sets."""

    template_name = "reviews/staff/steps.html"

    def steps(self):
        return list(ReviewStep.objects.filter(state=self.state).order_by("cluster", "position"))

    def build_forms(self, data):
        steps = self.steps()
        if not steps and data is None:
            messages.info(
                self.request, _("Enter the State's review group first: its steps follow from it.")
            )
        initial = [
            {
                "step": step.pk,
                "done_on": step.done_on,
                "due_on": vienna_date(step.due_at) if step.due_set_by_secretariat else None,
                "note": step.note,
            }
            for step in steps
        ]
        formset = StepFormSet(data, initial=initial)
        by_pk = {str(step.pk): step for step in steps}
        for form in formset.forms:  # each form with the step it names, not its position
            form.step_object = by_pk.get(str(form["step"].value()))
            if form.step_object is not None:
                form.rule = RULE_BY_KIND[form.step_object.kind].rule
                form.overdue = form.step_object.is_overdue()
        return {"formset": formset}

    def version_data(self):
        return list(
            ReviewStep.objects.filter(state=self.state)
            .order_by("pk")
            .values_list("pk", "due_at", "due_set_by_secretariat", "done_on", "note")
        )

    def save(self, formset):
        rows = [form.cleaned_data for form in formset.forms if form.has_changed()]
        services.review_steps_record_rows(self.state, rows, actor=self.request.user, via=FORM)
        return self.done(_("The steps were saved."))


class StateContactsView(StateMixin, FormsPageMixin, TemplateView):
    """The focal point and governmental experts: the secretariat, or the State's own
    representatives, who also decide whether they are public."""

    template_name = "reviews/staff/contacts.html"

    def state_allowed(self, user, state) -> bool:
        return can_edit_review_contacts(user, state)

    def build_forms(self, data):
        return {
            "public_form": ContactsPublicForm(data, instance=self.state),
            "formset": ContactFormSet(data, instance=self.state, prefix="contacts"),
        }

    def version_data(self):
        contacts = self.state.review_contacts.order_by("pk").values_list(
            "pk", "role", "name", "position", "institution", "email", "phone", "appointed_on"
        )
        public = State.objects.values_list("contacts_public", flat=True).get(pk=self.state.pk)
        return public, list(contacts)

    def save(self, public_form, formset):
        user = self.request.user
        if public_form.has_changed():
            services.save_with_log(public_form.instance, actor=user, via=FORM)
        services.formset_save_with_log(formset, actor=user, via=FORM, state=self.state)
        return self.done(_("The contacts were saved."))
