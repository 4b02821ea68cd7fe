"""The pledge tracker: public table and State pages, and the secretariat's record form."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from engagement.forms.pledges import PledgeFilterForm, PledgeSignatureForm
from engagement.selectors import pledges as selectors
from engagement.services.pledges import pledge_signature_record
from portal.permissions import SecretariatRequiredMixin
from portal.views import PublicViewMixin


class PledgeListView(PublicViewMixin, TemplateView):
    template_name = "engagement/pledge_list.html"

    def get_context_data(self, **kwargs):
        form = PledgeFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        states = list(selectors.pledge_states(**filters))
        return super().get_context_data(
            form=form,
            states=states,
            signed_count=sum(1 for state in states if hasattr(state, "pledge_signature")),
            filtered=any(filters.values()),
            convention_list=selectors.convention_party_list(),
            **kwargs,
        )


class PledgeStateView(PublicViewMixin, TemplateView):
    template_name = "engagement/pledge_state.html"

    def get_context_data(self, **kwargs):
        state = selectors.pledge_state_get(self.kwargs["code"])
        return super().get_context_data(
            state=state,
            signature=getattr(state, "pledge_signature", None),
            convention_list=selectors.convention_party_list(),
            **kwargs,
        )


class PledgeRecordView(SecretariatRequiredMixin, FormView):
    form_class = PledgeSignatureForm
    template_name = "engagement/staff/pledge_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.state = selectors.pledge_state_get(kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": getattr(self.state, "pledge_signature", None),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(state=self.state, **kwargs)

    def form_valid(self, form):
        pledge_signature_record(state=self.state, by=self.request.user, **form.cleaned_data)
        messages.success(
            self.request, _("The signature of %(state)s is recorded.") % {"state": self.state}
        )
        return redirect("engagement:pledge-state", code=self.state.code)
