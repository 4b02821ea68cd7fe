"""Checks of uploaded files by their content, not their name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_PDF_BYTES = 10 * 1024 * 1024


def validate_pdf(upload) -> None:
    """Accept a real PDF of at most 10 MB: the header and a parse by pypdf decide."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is 10 MB."),
            params={"size": upload.size / 1024 / 1024},
            code="too_large",
        )
    upload.seek(0)
    header = upload.read(1024)
    upload.seek(0)
    if b"%PDF-" not in header:
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
    try:
        pages = len(PdfReader(upload).pages)
    except (PdfReadError, ValueError, KeyError, TypeError):
        raise ValidationError(
            _("This PDF could not be read; it may be damaged."), code="broken_pdf"
        ) from None
    finally:
        upload.seek(0)
    if pages == 0:
        raise ValidationError(_("This PDF has no pages."), code="empty_pdf")


KEEP_CURRENT_FILE = object()


def file_field_update(value):
    """What to store from a ClearableFileInput's cleaned value: ``KEEP_CURRENT_FILE`` when no
    file was uploaded (None), an empty name when "clear" was ticked (False), else the upload."""
    if value is None:
        return KEEP_CURRENT_FILE
    return value or ""
