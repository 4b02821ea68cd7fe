"""State party representatives see circulated lists and object; the Bureau decides."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from engagement.forms.applications import ObjectionForm, ReasonForm
from engagement.models import Application
from engagement.selectors import applications as selectors
from engagement.services import applications as services
from portal import deadlines
from portal.permissions import is_bureau_member, is_secretariat, represented_state_ids
from reviews.models import State


class StateRepresentativeMixin:
    def dispatch(self, request, *args, **kwargs):
        ids = represented_state_ids(request.user)
        if not ids:
            raise Http404
        self.state = State.objects.get(pk=min(ids))
        return super().dispatch(request, *args, **kwargs)


class CirculatedDialoguesView(StateRepresentativeMixin, TemplateView):
    template_name = "engagement/states/dialogues.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            dialogues=selectors.dialogues_circulated(), state=self.state, **kwargs
        )


class CirculatedListView(StateRepresentativeMixin, TemplateView):
    template_name = "engagement/states/list.html"

    def get_dialogue(self):
        return get_object_or_404(selectors.dialogues_circulated(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        dialogue = self.get_dialogue()
        return super().get_context_data(
            dialogue=dialogue,
            state=self.state,
            applications=selectors.circulated_list_for_state(
                dialogue, self.request.user, self.state
            ),
            window_open=deadlines.is_open(dialogue.objection_deadline, timezone.now()),
            form=kwargs.pop("form", None) or ObjectionForm(),
            **kwargs,
        )

    def post(self, request, pk):
        dialogue = self.get_dialogue()
        application = get_object_or_404(
            Application, pk=request.POST.get("application"), dialogue=dialogue
        )
        form = ObjectionForm(request.POST)
        if form.is_valid():
            try:
                services.objection_record(
                    application.pk,
                    state=self.state,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except services.ApplicationError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Your objection to %(org)s is recorded; the matter goes to the Bureau.")
                    % {"org": application.organization},
                )
            return redirect("engagement:state-list", pk=dialogue.pk)
        return self.render_to_response(self.get_context_data(form=form))


class BureauReferralsView(TemplateView):
    """Referred applications with their objections: the Bureau decides; the secretariat, the
    only other body that sees objections, reads."""

    template_name = "engagement/states/referrals.html"

    def dispatch(self, request, *args, **kwargs):
        self.can_decide = is_bureau_member(request.user)
        if not (self.can_decide or is_secretariat(request.user)):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            applications=selectors.referrals(),
            can_decide=self.can_decide,
            form=kwargs.pop("form", None) or ReasonForm(),
            **kwargs,
        )

    def post(self, request):
        if not self.can_decide:
            raise Http404
        application = get_object_or_404(Application, pk=request.POST.get("application"))
        form = ReasonForm(request.POST)
        approve = request.POST.get("decision") == "approve"
        if form.is_valid():
            try:
                decided = services.bureau_decide(
                    application.pk,
                    approve=approve,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except services.ApplicationError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _decided_message(decided))
        return redirect("engagement:bureau-referrals")


def _decided_message(application) -> str:
    if application.reserve_position is not None:
        return _("Decision recorded for %(org)s: approved on the reserve list, position %(n)s.") % {
            "org": application.organization,
            "n": application.reserve_position,
        }
    return _("Decision recorded for %(org)s.") % {"org": application.organization}
