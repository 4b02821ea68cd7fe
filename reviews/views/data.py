"""The secretariat's review data: CSV export and import (preview, then confirm)."""

from collections import Counter

from django.contrib import messages
from django.core.cache import cache
from django.db.models import Count
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from portal.permissions import SecretariatRequiredMixin

from .. import imports
from ..forms.data import KIND_CHOICES, KIND_HELP, ImportUploadForm
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
