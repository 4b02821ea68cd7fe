"""The signed-in user's own data: what is kept, download, delete."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from engagement.forms.accounts import DeleteAccountForm
from engagement.services.privacy import account_delete, personal_data_export


class PrivacyView(FormView):
    template_name = "engagement/account/privacy.html"
    form_class = DeleteAccountForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = self.request.user
        logout(self.request)
        account_delete(user)
        messages.success(self.request, _("Your account and personal data have been deleted."))
        return redirect("home")


class PersonalDataExportView(View):
    def get(self, request):
        data = personal_data_export(request.user)
        data["exported_at"] = timezone.now().isoformat()
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        return response
