"""Checks of uploaded files by their content, not their name."""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

MAX_PDF_BYTES = 10 * 1024 * 1024


def validate_pdf(upload) -> None:
    """Accept a real PDF of at most 10 MB: the header and a parse by pypdf decide."""

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


MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 600


def validate_logo(upload) -> None:
    """Accept a PNG, JPEG, GIF or WebP image of at most 2 MB, decided by its content."""

    if upload.size > MAX_LOGO_BYTES:
        raise ValidationError(
            _("The logo is %(size).1f MB; the limit is 2 MB."),
            params={"size": upload.size / 1024 / 1024},
            code="too_large",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("This file is not an image we can read. Upload a PNG, JPEG, GIF or WebP file."),
            code="not_image",
        ) from None
    finally:
        upload.seek(0)
    if kind not in {"PNG", "JPEG", "GIF", "WEBP"}:
        raise ValidationError(
            _("Upload a PNG, JPEG, GIF or WebP image (this one is %(kind)s)."),
            params={"kind": kind},
            code="image_type",
        )


def logo_normalized(upload):
    """The logo resized to fit ``LOGO_MAX_SIDE`` pixels and stored as PNG (metadata dropped)."""

    upload.seek(0)
    with Image.open(upload) as image:
        image = image.convert("RGBA")
        image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
        buffer = BytesIO()
        image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name="logo.png")
