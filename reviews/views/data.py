"""The secretariat's review data: CSV export and import (preview, then confirm)."""

from collections import Counter

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from portal.permissions import SecretariatRequiredMixin

from .. import imports
from ..models import (
    PartyList,
    ReviewerAssignment,
    ReviewStep,
    State,
    TreatyParticipation,
)

PENDING_IMPORT = "review_data_import"  # session key of the file waiting for confirmation
PENDING_SECONDS = 3600  # how long a previewed file waits in the cache for its confirmation


def _pending_save(request, pending: dict) -> None:
    """The file's text waits in the cache (it can be 2 MB); the session keeps only its name,
    kind and token."""
    cache.set(_pending_key(request, pending["token"]), pending["text"], PENDING_SECONDS)
    request.session[PENDING_IMPORT] = {k: v for k, v in pending.items() if k != "text"}


def _pending_load(request) -> dict | None:
    pending = request.session.get(PENDING_IMPORT)
    if not pending:
        return None
    text = cache.get(_pending_key(request, pending.get("token", "")))
    return {**pending, "text": text} if text is not None else None


def _pending_key(request, token: str) -> str:
    return f"review-data-import:{request.user.pk}:{token}"


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


def _data_page(request, *, form=None, error=""):
    totals, by_secretariat = Counter(), Counter()
    for treaty, firmness, count in (
        TreatyParticipation.objects.values_list("treaty", "firmness")
        .annotate(n=Count("id"))
        .order_by()
    ):
        totals[treaty] += count
        if firmness == TreatyParticipation.Firmness.SECRETARIAT:
            by_secretariat[treaty] += count
    party_lists = [
        (party_list, totals[party_list.treaty], by_secretariat[party_list.treaty])
        for party_list in PartyList.objects.all()
    ]
    labels = dict(KIND_CHOICES)
    return render(
        request,
        "reviews/staff/data.html",
        {
            "kinds": [
                (kind, labels[kind], columns, KIND_HELP[kind])
                for kind, columns in imports.KINDS.items()
            ],
            "form": form or ImportUploadForm(initial={"kind": request.GET.get("kind", "")}),
            "error": error,
            "party_lists": party_lists,
            "totals": {
                "states": State.objects.count(),
                "grouped": State.objects.filter(review_group__isnull=False).count(),
                "reviewers": ReviewerAssignment.objects.count(),
                "steps": ReviewStep.objects.count(),
            },
        },
    )


class ReviewDataView(SecretariatRequiredMixin, View):
    def get(self, request):
        return _data_page(request)


class ReviewDataExportView(SecretariatRequiredMixin, View):
    def get(self, request, kind):
        if kind not in imports.KINDS:
            raise Http404
        response = StreamingHttpResponse(
            imports.export_csv(kind), content_type="text/csv; charset=utf-8"
        )
        filename = f"review-data-{kind}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ReviewDataImportView(SecretariatRequiredMixin, View):
    """POST a file: its preview. POST ``token`` (the SHA-256 of the previewed text, kept in
    the session meanwhile): the import applied. GET: the preview of the file waiting."""

    def get(self, request):
        pending = _pending_load(request)
        if not pending:
            return redirect("reviews:staff-data")
        return self._preview(request, pending)

    def post(self, request):
        if "token" in request.POST:
            return self._confirm(request)
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return _data_page(request, form=form)
        kind, text = form.parsed
        pending = {
            "token": imports.content_token(text),
            "kind": kind,
            "text": text,
            "name": form.cleaned_data["file"].name[:200],
        }
        _pending_save(request, pending)
        return self._preview(request, pending)

    def _preview(self, request, pending, report=None):
        report = report or imports.import_preview(
            pending["kind"], pending["text"], actor=request.user
        )
        unchanged = [row for row in report.rows if row.outcome == imports.UNCHANGED]
        sections = [
            {
                "caption": _("Rows that change something or have an error"),
                "rows": [row for row in report.rows if row.outcome != imports.UNCHANGED],
            },
            {
                "caption": _("Rows that change nothing"),
                "summary": ngettext("%(n)s unchanged row", "%(n)s unchanged rows", len(unchanged))
                % {"n": len(unchanged)},
                "rows": unchanged,
                "collapsed": True,
            },
        ]
        return render(
            request,
            "reviews/staff/import_preview.html",
            {
                "report": report,
                "pending": pending,
                "kind_label": dict(KIND_CHOICES)[report.kind],
                "sections": sections,
            },
        )

    def _confirm(self, request):
        pending = _pending_load(request)
        token = request.POST.get("token", "")
        if (
            not pending
            or not constant_time_compare(token, pending.get("token", ""))
            or imports.content_token(pending.get("text", "")) != token
        ):
            return _data_page(
                request,
                error=_(
                    "This import is no longer waiting for confirmation: it was applied or "
                    "replaced by another file, or your session ended. Nothing was changed. "
                    "Upload the file again."
                ),
                form=ImportUploadForm(initial={"kind": request.POST.get("kind", "")}),
            )
        report = imports.import_apply(pending["kind"], pending["text"], actor=request.user)
        if not report.applied:
            messages.error(
                request,
                _("Nothing was changed: the file has errors. Correct them and upload it again."),
            )
            return self._preview(request, pending, report)
        del request.session[PENDING_IMPORT]
        cache.delete(_pending_key(request, pending["token"]))
        counts = report.counts
        messages.success(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "Import applied: %(created)s created, %(changed)s changed, %(deleted)s "
                    "deleted, %(unchanged)s unchanged."
                )
                % counts,
                reverse("reviews:staff-changes") + "?via=import",
                _("See the change log."),
            ),
        )
        return redirect("reviews:staff-data")
