"""PDF rendering with WeasyPrint, safe for documents that hold text users typed.

Templates live under ``templates/pdf/`` and link their print CSS from ``static/css/print/``
with ``{% static %}``. The URL fetcher serves only the portal's own static and media files,
read from disk; every other URL (``http(s)://`` elsewhere, ``file://``, ``data:``) is refused.
WeasyPrint is imported inside the functions: its import is slow.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
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


class ResourceRefused(ValueError):
    """A document asked for a resource outside the portal's static and media files."""


def _inside(root: Path, relative: str) -> Path | None:
    root = root.resolve()
    candidate = (root / relative).resolve()
    return candidate if candidate.is_relative_to(root) and candidate.is_file() else None


def resolve_resource(url: str) -> Path:
    """The file on disk for a portal static or media URL; ResourceRefused for anything else."""
    parts = urlsplit(url)
    origin = urlsplit(PDF_ORIGIN)
    if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
        raise ResourceRefused(f"refused: {url}")
    path = unquote(parts.path)
    found = None
    if path.startswith(settings.STATIC_URL):
        relative = path.removeprefix(settings.STATIC_URL)
        if ".." not in Path(relative).parts:
            found = finders.find(relative)
            found = Path(found) if found else _inside(Path(settings.STATIC_ROOT), relative)
    elif path.startswith(settings.MEDIA_URL):
        found = _inside(Path(settings.MEDIA_ROOT), path.removeprefix(settings.MEDIA_URL))
    if not found or Path(found).suffix.lower() not in MIME_TYPES:
        raise ResourceRefused(f"refused: {url}")
    return Path(found)


def url_fetcher():
    """A WeasyPrint URL fetcher limited to ``resolve_resource``."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415 - slow import, only when rendering

    class PortalFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = resolve_resource(url)
            return URLFetcherResponse(
                url, path.read_bytes(), {"Content-Type": MIME_TYPES[path.suffix.lower()]}
            )

    return PortalFilesFetcher(timeout=5, allow_redirects=False)


def render_pdf(template_name: str, context: dict, *, pdf_variant: str | None = None) -> bytes:
    """Render ``template_name`` to PDF bytes. Title and author come from the template's
    ``<title>`` and ``<meta name="author">``; ``pdf_variant`` may be e.g. ``"pdf/a-3b"``."""
    from weasyprint import HTML  # noqa: PLC0415 - slow import (about a second), only when rendering

    html = render_to_string(template_name, context)
    document = HTML(string=html, base_url=PDF_ORIGIN + "/", url_fetcher=url_fetcher())
    options = {"pdf_variant": pdf_variant} if pdf_variant else {}
    return document.write_pdf(**options)
