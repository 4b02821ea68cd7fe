"""Secretariat pages to prepare dialogues and move them through their statuses."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, FormView, TemplateView

from engagement.forms.dialogues import (
    AgendaFormSet,
    DialogueForm,
    PanelFormSet,
    TransitionForm,
    WorkingGroupSessionForm,
)
from engagement.models import Dialogue, WorkingGroupSession
from engagement.services.dialogues import (
    dialogue_announce_documents,
    dialogue_create,
    dialogue_update,
)
from engagement.workflows import dialogues as dialogue_workflow
from engagement.workflows.dialogues import DialogueError, dialogue_transition
from portal.permissions import SecretariatRequiredMixin


class StaffDialogueListView(SecretariatRequiredMixin, TemplateView):
    template_name = "engagement/staff/dialogue_list.html"

    def get_context_data(self, **kwargs):
        dialogues = Dialogue.objects.select_related("session__working_group").order_by("-starts_at")
        counts = dict(Dialogue.objects.values_list("status").annotate(n=Count("id")).order_by())
        statuses = [
            (value, label, counts.get(value, 0)) for value, label in Dialogue.Status.choices
        ]
        return super().get_context_data(dialogues=dialogues, statuses=statuses, **kwargs)


class SessionCreateView(SecretariatRequiredMixin, CreateView):
    model = WorkingGroupSession
    form_class = WorkingGroupSessionForm
    template_name = "engagement/staff/session_form.html"

    def form_valid(self, form):
        session = form.save()
        messages.success(self.request, _("Session saved: %(session)s.") % {"session": session})
        return redirect(reverse("engagement:staff-dialogue-create") + f"?session={session.pk}")


class DialogueEditMixin(SecretariatRequiredMixin):
    template_name = "engagement/staff/dialogue_form.html"

    def formsets(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return (
            AgendaFormSet(data, instance=instance, prefix="agenda"),
            PanelFormSet(data, instance=instance, prefix="panel"),
        )

    @staticmethod
    def all_valid(*forms) -> bool:
        """Validate every form (no short-circuit), so that all their errors show at once."""
        results = [form.is_valid() for form in forms]
        return all(results)

    def render_form(self, form, agenda, panel, dialogue=None):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                agenda=agenda,
                panel=panel,
                dialogue=dialogue,
                wide_fields=["title", "description", "chair_summary"],
            )
        )

    def save(self, form, agenda, panel, dialogue=None):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            with transaction.atomic():
                if dialogue is None:
                    had_programme, previous_paper = False, ""
                    dialogue = dialogue_create(by=self.request.user, **fields)
                else:
                    had_programme = dialogue.agenda_items.exists()
                    previous_paper = dialogue.background_paper.name or ""
                    dialogue = dialogue_update(dialogue.pk, by=self.request.user, **fields)
                agenda.instance = panel.instance = dialogue
                agenda.save()
                panel.save()
                dialogue_announce_documents(
                    dialogue, had_programme=had_programme, previous_paper=previous_paper
                )
        except DialogueError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return None
        return dialogue


class DialogueCreateView(DialogueEditMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        form = DialogueForm(initial={"session": request.GET.get("session")})
        agenda, panel = self.formsets(Dialogue())
        return self.render_form(form, agenda, panel)

    def post(self, request, *args, **kwargs):
        form = DialogueForm(request.POST, request.FILES)
        agenda, panel = self.formsets(Dialogue())
        dialogue = self.save(form, agenda, panel) if self.all_valid(form, agenda, panel) else None
        if dialogue:
            messages.success(request, _("Dialogue saved as a draft."))
            return redirect("engagement:staff-dialogue-edit", pk=dialogue.pk)
        return self.render_form(form, agenda, panel)


class DialogueUpdateView(DialogueEditMixin, TemplateView):
    def get_dialogue(self):
        return get_object_or_404(Dialogue.objects.select_related("session"), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        dialogue = self.get_dialogue()
        agenda, panel = self.formsets(dialogue)
        return self.render_form(DialogueForm(instance=dialogue), agenda, panel, dialogue)

    def post(self, request, *args, **kwargs):
        dialogue = self.get_dialogue()
        form = DialogueForm(request.POST, request.FILES, instance=dialogue)
        agenda, panel = self.formsets(dialogue)
        if self.all_valid(form, agenda, panel) and self.save(form, agenda, panel, dialogue):
            messages.success(request, _("Dialogue saved."))
            return redirect("engagement:staff-dialogue-edit", pk=dialogue.pk)
        dialogue.refresh_from_db()
        return self.render_form(form, agenda, panel, dialogue)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dialogue = context.get("dialogue")
        if dialogue:
            actions = dialogue_workflow.allowed_actions(dialogue, self.request.user)
            context["transitions"] = [
                (target, Dialogue.Status(target).label)
                for target in dialogue_workflow.targets(actions)
            ]
            context["dialogue_public"] = dialogue.status in dialogue_workflow.PUBLIC
            context["history"] = dialogue.status_changes.select_related("by")
        return context


class DialogueTransitionView(SecretariatRequiredMixin, FormView):
    """GET asks for confirmation (and a reason where one is needed); POST changes the status."""

    form_class = TransitionForm
    template_name = "engagement/staff/dialogue_transition.html"

    def dispatch(self, request, *args, **kwargs):
        self.dialogue = get_object_or_404(Dialogue, pk=kwargs["pk"])
        if kwargs["target"] not in Dialogue.Status.values:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        target = self.kwargs["target"]
        return super().get_context_data(
            dialogue=self.dialogue,
            target=target,
            target_label=Dialogue.Status(target).label,
            reason_required=target in dialogue_workflow.REASON_REQUIRED,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            dialogue_transition(
                self.dialogue.pk,
                self.kwargs["target"],
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except DialogueError as error:
            if error.field == "reason":
                form.add_error("reason", str(error))
                return self.form_invalid(form)
            messages.error(self.request, str(error))
            return redirect("engagement:staff-dialogue-edit", pk=self.dialogue.pk)
        messages.success(
            self.request,
            _("The dialogue is now “%(status)s”.")
            % {"status": Dialogue.Status(self.kwargs["target"]).label},
        )
        return redirect("engagement:staff-dialogue-edit", pk=self.dialogue.pk)
