"""The letter builder, its live preview, and the organization's history of letters."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from engagement import letters
from engagement.files import PDF, letter_name
from engagement.forms.letters import LetterForm
from engagement.letters.review import start_values
from engagement.models import Letter
from engagement.permissions import can_view_organization, memberships
from engagement.services.letters import letter_generate, letter_input
from portal.files import file_response
from portal.permissions import is_secretariat
from reviews.models import State

from .mixins import ActingOrganizationMixin


def _logo_url(organization, data: dict) -> str:
    """The checked address of the logo a letter was made with, while it is still the
    organization's logo (a replaced logo is deleted; the letter's PDF keeps it)."""
    logo = organization.logo
    return logo.url if logo and logo.name == data.get("organization_logo") else ""


def _letter_for(user, pk) -> Letter:
    letter = get_object_or_404(Letter.objects.select_related("organization", "state"), pk=pk)
    if not can_view_organization(user, letter.organization):
        raise Http404
    return letter


class LetterListView(TemplateView):
    template_name = "engagement/letters/list.html"

    def get_context_data(self, **kwargs):
        letters_qs = Letter.objects.select_related("organization", "state", "created_by")
        if not is_secretariat(self.request.user):
            letters_qs = letters_qs.filter(
                organization_id__in=[m.organization_id for m in memberships(self.request.user)]
            )
        return super().get_context_data(letters=letters_qs[:200], **kwargs)


class LetterBuilderView(ActingOrganizationMixin, TemplateView):
    template_name = "engagement/letters/builder.html"

    no_organization_message = gettext_lazy(
        "Letters are sent by organizations: register or join yours first."
    )

    def initial(self) -> dict:
        user, organization = self.request.user, self.organization
        copy = self.request.GET.get("copy")
        if copy and copy.isascii() and copy.isdigit():
            source = _letter_for(user, int(copy)).input
            initial = {
                key: value for key, value in source.items() if not key.startswith("organization_")
            }
            initial["state"] = State.objects.filter(code=source["state"]).first()
            initial["date"] = date.today()
            return initial
        state = State.objects.filter(code=(self.request.GET.get("state") or "").upper()).first()
        contact = "\n".join(part for part in (user.email, organization.phone) if part)
        language = letters.letter_language(user.language)  # the user's language, if chosen
        return self.review_initial(state, language) | {
            "kind": self.request.GET.get("kind") or Letter.Kind.FOCAL_POINT,
            "state": state,
            "language": language,
            "date": date.today(),
            "issues": organization.expertise_text,
            "signatory_name": user.full_name,
            "contact_details": contact,
        }

    def review_initial(self, state, language: str) -> dict:
        """What the portal knows of the State's review: a sentence on the cluster under way
        and the next step due (in the letter's language), and its focal point where the State
        has made it public."""
        if state is None:
            return {}
        values = start_values(state, language)
        self.portal_values = {key: value for key, value in values.items() if value}
        return self.portal_values

    def render_form(self, form, preview=""):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                organization=self.organization,
                organizations=self.organizations,
                preview=preview,
            )
        )

    portal_values: dict = {}

    def get(self, request, *args, **kwargs):
        form = LetterForm(initial=self.initial())
        for name, value in self.portal_values.items():  # what the portal filled in, for the
            form.fields[name].widget.attrs["data-portal-value"] = value  # script to replace
        preview = ""
        if form.initial.get("state"):
            values = {k: getattr(v, "pk", v) for k, v in form.initial.items() if v is not None}
            bound = LetterForm(values, preview=True)
            if bound.is_valid():
                data = letter_input(self.organization, bound.cleaned_data)
                preview = letters.letter_html(data, logo_url=_logo_url(self.organization, data))
        return self.render_form(form, preview)

    def post(self, request, *args, **kwargs):
        form = LetterForm(request.POST)
        if not form.is_valid():
            return self.render_form(form)
        data = letter_input(self.organization, form.cleaned_data)
        letter = letter_generate(
            organization=self.organization,
            state=form.cleaned_data["state"],
            by=request.user,
            data=data,
            archival=form.cleaned_data["archival"],
        )
        messages.success(request, _("The letter is ready and kept in your organization's history."))
        return redirect(letter)


class LetterPreviewView(LetterBuilderView):
    """The live preview: the letter's HTML for the form as it stands (same body as the PDF)."""

    def post(self, request, *args, **kwargs):
        form = LetterForm(request.POST, preview=True)
        if not form.is_valid():
            problems = "; ".join(
                f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errors)}"
                for name, errors in form.errors.items()
            )
            return HttpResponse(
                format_html('<p class="muted">{}</p>', _("Preview waits for: %s") % problems)
            )
        data = letter_input(self.organization, form.cleaned_data)
        return HttpResponse(letters.letter_html(data, logo_url=_logo_url(self.organization, data)))


class LetterDetailView(TemplateView):
    template_name = "engagement/letters/detail.html"

    def get_context_data(self, **kwargs):
        letter = _letter_for(self.request.user, self.kwargs["pk"])
        return super().get_context_data(
            letter=letter,
            preview=letters.letter_html(
                letter.input, logo_url=_logo_url(letter.organization, letter.input)
            ),
            **kwargs,
        )


class LetterDownloadView(View):
    def get(self, request, pk):
        letter = _letter_for(request.user, pk)
        return file_response(letter.pdf, filename=letter_name(letter), content_type=PDF)


class LetterContextView(View):
    """What the letter builder may start from for a State: ``?state=<id>&language=<code>``
    gives JSON with ``review_context`` (a sentence on its review) and, where the State made
    them public, its focal point's ``recipient_name`` and ``recipient_title`` (empty strings
    where the portal knows nothing)."""

    def get(self, request):
        state_id = request.GET.get("state", "")
        digits = state_id.isascii() and state_id.isdigit()
        state = State.objects.filter(pk=state_id).first() if digits else None
        language = request.GET.get("language", "en")
        if language not in dict(letters.LANGUAGES):
            language = "en"
        if state is None:
            return JsonResponse({"review_context": "", "recipient_name": "", "recipient_title": ""})
        return JsonResponse(start_values(state, language))
