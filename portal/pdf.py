"""PDF rendering with WeasyPrint, safe for documents that hold text users typed.

Templates live under ``templates/pdf/`` and link their print CSS from ``static/css/print/``
with ``{% static %}``. The URL fetcher serves only the portal's own static files (from disk)
and stored files (from the file storage, under ``MEDIA_URL`` of the renderer's own origin);
every other URL (``http(s)://`` elsewhere, ``file://``, ``data:``) is refused.
WeasyPrint is imported inside the functions: its import is slow.

Text of one direction inside text of the other is marked up with ``<bdi>``, as on pages;
WeasyPrint ignores that element (and ``unicode-bidi: isolate``) but honours the Unicode
isolates, so ``render_pdf`` puts FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE inside each
``<bdi>``: "1 Main Street" keeps its order in an Arabic letter.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

# Documents are rendered as if served from this origin; only its /static/ and /media/ resolve.
PDF_ORIGIN = "https://portal.pdf.invalid"
MIME_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}

# Of the stored files, a document may show images only (organizations' logos).
STORED_IMAGE_TYPES = {"image/png", "image/jpeg", "image/webp"}


BDI_OPEN = re.compile(r"<bdi(\s[^>]*)?>")
FSI, PDI = "\u2068", "\u2069"


def isolate_bdi(html: str) -> str:
    """``html`` with the Unicode isolates inside each ``<bdi>`` element (see above)."""
    return BDI_OPEN.sub(lambda match: match.group(0) + FSI, html).replace("</bdi>", PDI + "</bdi>")


class ResourceRefused(ValueError):
    """A document asked for a resource outside the portal's static and media files."""


def _inside(root: Path, relative: str) -> Path | None:
    root = root.resolve()
    candidate = (root / relative).resolve()
    return candidate if candidate.is_relative_to(root) and candidate.is_file() else None


def _media_name(relative: str) -> str | None:
    """The storage name under MEDIA_URL, if it is a plain relative name."""
    parts = Path(relative).parts
    if not parts or relative.startswith("/") or ".." in parts or "\\" in relative:
        return None
    return relative


def fetch_resource(url: str) -> tuple[bytes, str]:
    """The bytes and type of a portal static file (from disk) or stored file (from the file
    storage, wherever ``STORAGES`` puts it); ResourceRefused for anything else."""
    parts = urlsplit(url)
    origin = urlsplit(PDF_ORIGIN)
    if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
        raise ResourceRefused(f"refused: {url}")
    path = unquote(parts.path)
    mime = MIME_TYPES.get(Path(path).suffix.lower())
    if mime is None:
        raise ResourceRefused(f"refused: {url}")
    if path.startswith(settings.STATIC_URL):
        relative = path.removeprefix(settings.STATIC_URL)
        if ".." not in Path(relative).parts:
            found = finders.find(relative)
            found = Path(found) if found else _inside(Path(settings.STATIC_ROOT), relative)
            if found:
                return found.read_bytes(), mime
    elif path.startswith(settings.MEDIA_URL) and mime in STORED_IMAGE_TYPES:
        name = _media_name(path.removeprefix(settings.MEDIA_URL))
        try:
            if name:
                with default_storage.open(name, "rb") as handle:
                    return handle.read(), mime
        except (OSError, SuspiciousFileOperation):
            pass
    raise ResourceRefused(f"refused: {url}")


def url_fetcher():
    """A WeasyPrint URL fetcher limited to ``fetch_resource``."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415 - slow import, only when rendering

    class PortalFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            data, mime = fetch_resource(url)
            return URLFetcherResponse(url, data, {"Content-Type": mime})

    return PortalFilesFetcher(timeout=5, allow_redirects=False)


def render_pdf(template_name: str, context: dict, *, pdf_variant: str | None = None) -> bytes:
    """Render ``template_name`` to PDF bytes. Title and author come from the template's
    ``<title>`` and ``<meta name="author">``; ``pdf_variant`` may be e.g. ``"pdf/a-3b"``."""
    from weasyprint import HTML  # noqa: PLC0415 - slow import (about a second), only when rendering

    html = isolate_bdi(render_to_string(template_name, context))
    document = HTML(string=html, base_url=PDF_ORIGIN + "/", url_fetcher=url_fetcher())
    options = {"pdf_variant": pdf_variant} if pdf_variant else {}
    return document.write_pdf(**options)
