"""The secretariat's view of the email outbox: what went, what failed, resend."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from portal import selectors
from portal.forms import OutboxFilterForm
from portal.models import OutboundEmail
from portal.permissions import SecretariatRequiredMixin
from portal.services.outbox import email_resend
from portal.workflows.outbox import OutboxError


class OutboxView(SecretariatRequiredMixin, TemplateView):
    """Messages are listed by recipient and subject only: bodies can hold sign-in links."""

    template_name = "engagement/staff/outbox.html"

    def get_context_data(self, **kwargs):
        form = OutboxFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(
            form=form,
            page=selectors.outbox_page(
                self.request.user,
                status=filters.get("status", ""),
                text=filters.get("q", ""),
                page=self.request.GET.get("page"),
            ),
            filter_query=params.urlencode(),
            counts=selectors.outbox_counts(),
            **kwargs,
        )


class OutboxResendView(SecretariatRequiredMixin, View):
    def post(self, request, pk):
        try:
            email_resend(pk)
        except (OutboxError, OutboundEmail.DoesNotExist) as error:
            messages.error(request, str(error) or _("No such message."))
        else:
            messages.success(request, _("The message is queued again."))
        return redirect("engagement:staff-outbox")
