"""PDF rendering: text, metadata, fonts, page numbers, and a fetcher that refuses the outside."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PdfReader

from portal import pdf

TEST_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@pytest.fixture(autouse=True)
def test_templates(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEST_TEMPLATES]}
    ]


def _render(**context):
    values = {
        "title": "Sample letter",
        "author": "Demo NGO",
        "user_text": "Plain words",
        "arabic": "اتفاقية الأمم المتحدة",
    }
    values.update(context)
    return pdf.render_pdf("pdf/test/sample.html", values)


def test_text_is_selectable_with_metadata_and_page_numbers():
    reader = PdfReader(io.BytesIO(_render()))
    text = reader.pages[0].extract_text()
    assert "Sample letter" in text and "Plain words" in text
    assert "1 / 1" in text
    assert reader.metadata.title == "Sample letter"
    assert reader.metadata.author == "Demo NGO"
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


def test_fonts_are_embedded():
    reader = PdfReader(io.BytesIO(_render()))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any(name.endswith("+Noto-Sans") for name in names), names
    assert any(name.endswith("+Amiri") for name in names), names  # Debian's, see base.css
    for font in fonts.values():
        descendant = font.get_object().get("/DescendantFonts")
        descriptor = (descendant[0].get_object() if descendant else font.get_object())[
            "/FontDescriptor"
        ]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_user_text_is_escaped_and_cannot_fetch_anything():
    hostile = (
        '<img src="http://169.254.169.254/latest"><link rel=stylesheet href="file:///etc/passwd">'
    )
    text = PdfReader(io.BytesIO(_render(user_text=hostile))).pages[0].extract_text()
    assert "<img" in text  # shown as text, not markup


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/logo.png",
        "https://portal.pdf.invalid/static/../../etc/passwd",
        "https://portal.pdf.invalid/media/../../etc/passwd",
        "file:///etc/passwd",
        "https://portal.pdf.invalid/admin/",
        "https://portal.pdf.invalid/static/missing.css",
        "data:text/css,body{}",
    ],
)
def test_fetcher_refuses_everything_but_portal_files(url):
    with pytest.raises(pdf.ResourceRefused):
        pdf.fetch_resource(url)


def test_fetcher_serves_static_files_and_stored_images(settings, tmp_path):
    css, mime = pdf.fetch_resource("https://portal.pdf.invalid/static/css/print/base.css")
    assert css.decode().startswith("/* Print styles") and mime == "text/css"
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "a.png").write_bytes(b"\x89PNG\r\n")
    found = pdf.fetch_resource("https://portal.pdf.invalid/media/logos/a.png")
    assert found == (b"\x89PNG\r\n", "image/png")
    (tmp_path / "secret.txt").write_text("x")
    (tmp_path / "style.css").write_text("x")
    for name in ("secret.txt", "style.css", "missing.png"):
        with pytest.raises(pdf.ResourceRefused):
            pdf.fetch_resource(f"https://portal.pdf.invalid/media/{name}")


def test_fetcher_reads_stored_images_from_any_storage(settings):
    """With object storage there is no file on disk: logos are read through the storage."""

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    name = default_storage.save("logos/b.png", ContentFile(b"\x89PNG stored"))
    found = pdf.fetch_resource(f"https://portal.pdf.invalid/media/{name}")
    assert found == (b"\x89PNG stored", "image/png")


def test_archival_variant():
    data = pdf.render_pdf(
        "pdf/test/sample.html",
        {"title": "Archived", "author": "Demo", "user_text": "x", "arabic": ""},
        pdf_variant="pdf/a-3b",
    )
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Archived"
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert "pdfaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()


def test_bdi_elements_get_the_unicode_isolates_weasyprint_honours():
    html = '<p dir="rtl">عنوان: <bdi>1 Main St</bdi> <bdi class="x">B</bdi></p>'
    assert pdf.isolate_bdi(html) == (
        '<p dir="rtl">عنوان: <bdi>\u20681 Main St\u2069</bdi> '
        '<bdi class="x">\u2068B\u2069</bdi></p>'
    )
