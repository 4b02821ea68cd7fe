"""Generating letters and keeping each with its exact input; exporting them in bulk."""

import io
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pypdf import PdfWriter

from engagement import letters
from engagement.files import letter_name
from engagement.models import Application, Letter, LetterExport, Organization
from engagement.workflows.letter_exports import export_transition
from portal.tasking import task_after_commit

BLANK = "______"  # shown in a preview where the letter still needs words


def letter_input(organization: Organization, fields: dict) -> dict:
    """The letter's complete input as plain values: what it was made from, kept for ever."""
    language = fields["language"]
    state = fields["state"]
    government = fields.get("government") or letters.default_government(language, state.code)
    return {
        "kind": fields["kind"],
        "language": language,
        "state": state.code,
        "date": fields["date"].isoformat(),
        "government": government,
        "recipient_name": fields.get("recipient_name", ""),
        "recipient_title": fields.get("recipient_title", ""),
        "recipient_address": fields.get("recipient_address", ""),
        "issues": fields.get("issues") or BLANK,
        "intro": fields.get("intro") or letters.default_intro(language, state.code, government),
        "review_context": fields.get("review_context", ""),
        "signatory_name": fields["signatory_name"],
        "signatory_function": fields.get("signatory_function", ""),
        "contact_details": fields.get("contact_details", ""),
        "organization_name": organization.name,
        "organization_address": organization.postal_address,
        "organization_email": organization.email,
        "organization_phone": organization.phone,
        "organization_website": organization.website,
        "organization_logo": organization.logo.name if organization.logo else "",
    }


@transaction.atomic
def letter_generate(
    *, organization: Organization, state, by, data: dict, archival: bool = False
) -> Letter:
    """Render the letter to PDF and keep it, with its input, in the organization's history."""
    pdf = letters.letter_pdf(data, archival=archival)
    letter = Letter(
        organization=organization,
        state=state,
        kind=data["kind"],
        language=data["language"],
        input=data,
        archival=archival,
        created_by=by,
    )
    letter.pdf.save("letter.pdf", ContentFile(pdf), save=False)  # stored as letters/<random>.pdf
    letter.save()
    return letter


EXPORT_LINK_HOURS = 24


def letters_for_export(criteria: dict):
    """The letters an export covers: one State, a dialogue's applicant organizations, or a
    period (dates inclusive, Vienna time)."""
    queryset = Letter.objects.select_related("organization", "state").order_by("created_at")
    if criteria.get("state"):
        queryset = queryset.filter(state__code=criteria["state"])
    if criteria.get("dialogue"):
        organizations = Application.objects.filter(dialogue_id=criteria["dialogue"]).values(
            "organization_id"
        )
        queryset = queryset.filter(organization_id__in=organizations)
    if criteria.get("since"):
        queryset = queryset.filter(created_at__date__gte=criteria["since"])
    if criteria.get("until"):
        queryset = queryset.filter(created_at__date__lte=criteria["until"])
    return queryset


@transaction.atomic
def letter_export_request(*, by, criteria: dict, description: str) -> LetterExport:
    """Record an export and have a worker make it after commit (``engagement.export_letters``);
    with the task queue unreachable, the export says so (failed, with the reason)."""
    export = LetterExport.objects.create(
        requested_by=by,
        criteria=criteria,
        description=description,
        total=letters_for_export(criteria).count(),
    )
    task_after_commit(
        "engagement.export_letters",
        export_id=export.pk,
        if_not_queued=lambda: export_transition(
            export.pk,
            LetterExport.Status.FAILED,
            error=_("The task queue is unreachable: request the export again in a few minutes."),
        ),
    )
    return export


def letter_export_build(export_id: int) -> None:
    """Put every letter's stored PDF into one ZIP and one merged PDF, counting progress.

    Starts only if the export is still queued, in one conditional UPDATE: of two workers given
    the same export, one makes it and the other returns."""
    if not export_transition(export_id, LetterExport.Status.RUNNING):
        return  # already made, or being made by another worker
    export = LetterExport.objects.get(pk=export_id)
    letters_qs = list(letters_for_export(export.criteria))
    archive_buffer, merger = io.BytesIO(), PdfWriter()
    with zipfile.ZipFile(archive_buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, letter in enumerate(letters_qs, start=1):
            with letter.pdf.open("rb") as handle:
                data = handle.read()
            archive.writestr(f"{index:04d}-{letter_name(letter)}", data)
            merger.append(io.BytesIO(data))
            if index % 10 == 0 or index == len(letters_qs):
                LetterExport.objects.filter(pk=export.pk).update(done=index, total=len(letters_qs))
    merged_buffer = io.BytesIO()
    merger.write(merged_buffer)
    # Stored under random names (exports/<random>.zip|pdf); only the secretariat fetches them.
    export.archive.save("letters.zip", ContentFile(archive_buffer.getvalue()), save=False)
    export.merged.save("letters.pdf", ContentFile(merged_buffer.getvalue()), save=False)
    export_transition(
        export.pk,
        LetterExport.Status.DONE,
        archive=export.archive.name,
        merged=export.merged.name,
        done=len(letters_qs),
        total=len(letters_qs),
        expires_at=timezone.now() + timedelta(hours=EXPORT_LINK_HOURS),
    )
