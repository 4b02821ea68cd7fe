"""The secretariat's view of the email outbox: what went, what failed, resend."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from portal.models import OutboundEmail
from portal.outbox import OutboxError, email_resend

from .mixins import SecretariatRequiredMixin


class OutboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *OutboundEmail.Status.choices],
    )
    q = forms.CharField(label=gettext_lazy("Recipient or subject"), required=False, max_length=200)


class OutboxView(SecretariatRequiredMixin, TemplateView):
    """Messages are listed by recipient and subject only: bodies can hold sign-in links."""

    template_name = "engagement/staff/outbox.html"

    def get_context_data(self, **kwargs):
        form = OutboxFilterForm(self.request.GET or None)
        emails = OutboundEmail.objects.only(
            "to", "subject", "template", "status", "attempts", "last_error", "created_at", "sent_at"
        )
        if form.is_valid():
            if form.cleaned_data["status"]:
                emails = emails.filter(status=form.cleaned_data["status"])
            if form.cleaned_data["q"]:
                text = form.cleaned_data["q"]
                emails = emails.filter(Q(to__icontains=text) | Q(subject__icontains=text))
        page = Paginator(emails.order_by("-created_at", "-id"), 50).get_page(
            self.request.GET.get("page")
        )
        counts = dict(
            OutboundEmail.objects.values_list("status").annotate(n=Count("id")).order_by()
        )
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(
            form=form,
            page=page,
            filter_query=params.urlencode(),
            counts=[
                (value, label, counts.get(value, 0))
                for value, label in OutboundEmail.Status.choices
            ],
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
