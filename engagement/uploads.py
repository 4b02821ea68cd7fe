"""Checks of uploaded files by their content, not their name."""

import warnings
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
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
    file was uploaded (None, or the stored file that a model form hands back), an empty name
    when "clear" was ticked (False), else the upload."""
    if value is None or isinstance(value, FieldFile):
        return KEEP_CURRENT_FILE
    return value or ""


MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 600
# Checked from the image header before any pixel is decoded: a small file can declare a huge
# image (a 12 KB PNG of 10000 x 10000 pixels needs about 400 MB once converted to RGBA).
IMAGE_MAX_PIXELS = 25_000_000
IMAGE_MAX_SIDE = 8000


def _too_many_pixels(dimensions) -> ValidationError:
    return ValidationError(
        _(
            "This image is %(dimensions)s pixels; a logo may have at most %(megapixels)s million "
            "pixels and %(side)s pixels on a side. Upload a smaller image (600 pixels across is "
            "plenty)."
        ),
        params={
            "dimensions": dimensions,
            "megapixels": IMAGE_MAX_PIXELS // 1_000_000,
            "side": IMAGE_MAX_SIDE,
        },
        code="too_many_pixels",
    )


def validate_logo(upload) -> None:
    """Accept a PNG, JPEG, GIF or WebP image of at most 2 MB and ``IMAGE_MAX_PIXELS`` pixels
    (at most ``IMAGE_MAX_SIDE`` on a side), decided by its content. Only the header is read
    before the size is known to be safe; ``verify`` then checks the file without decoding it."""

    if upload.size > MAX_LOGO_BYTES:
        raise ValidationError(
            _("The logo is %(size).1f MB; the limit is 2 MB."),
            params={"size": upload.size / 1024 / 1024},
            code="too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns above 89 million pixels and refuses above twice that; ours is lower.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size  # from the header: nothing decoded yet
                if width * height > IMAGE_MAX_PIXELS or max(width, height) > IMAGE_MAX_SIDE:
                    raise _too_many_pixels(f"{width} \N{MULTIPLICATION SIGN} {height}")
                image.verify()
                kind = image.format
    except Image.DecompressionBombError:
        raise _too_many_pixels(_("more than 178 million")) from None
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
        image.draft("RGB", (LOGO_MAX_SIDE, LOGO_MAX_SIDE))  # JPEG: decode at a reduced scale
        image = image.convert("RGBA")
        image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
        buffer = BytesIO()
        image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name="logo.png")
