"""PDFs in Arabic and Chinese: every glyph present, Arabic shaped, text extracted as written.

WeasyPrint warns ".notdef glyph rendered for Unicode string unsupported by fonts" for every
character no font has (and draws a box for it); the tests fail on that warning, and read the
glyph ids (Identity-H, two bytes each) from the content stream to see which font drew what.
"""

import io
import logging
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from pypdf import PdfReader
from pypdf.generic import ContentStream

from portal import pdf

TEST_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
ARABIC = "ندعو حكومة كينيا إلى التوقيع على التعهد"
ARABIC_COP = "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"
CHINESE = "我们邀请肯尼亚政府签署本承诺。联合国打击跨国有组织犯罪公约缔约方会议"


@pytest.fixture(autouse=True)
def test_templates(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEST_TEMPLATES]}
    ]


def _render(language, *paragraphs):
    direction = "rtl" if language == "ar" else "ltr"
    data = pdf.render_pdf(
        "pdf/test/scripts.html",
        {"language": language, "direction": direction, "title": "t", "paragraphs": paragraphs},
    )
    return PdfReader(io.BytesIO(data))


def _raw(string):
    original = getattr(string, "_original_bytes", None)
    return original if original is not None else bytes(string)


def glyphs_by_font(reader):
    """{font name without subset prefix: [glyph ids in drawing order]} for every page."""
    found = {}
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = str(fonts[operands[0]].get_object()["/BaseFont"]).split("+")[-1]
            elif operator in (b"Tj", b"TJ"):
                strings = [operands[0]] if operator == b"Tj" else operands[0]
                for item in strings:
                    if isinstance(item, str | bytes):
                        raw = _raw(item)
                        ids = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
                        found.setdefault(current, []).extend(ids)
    return found


@pytest.fixture
def notdef_warnings(caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    return lambda: [r.getMessage() for r in caplog.records if ".notdef" in r.getMessage()]


def test_arabic_letter_text_has_every_glyph_and_extracts_as_written(notdef_warnings):
    reader = _render("ar", ARABIC, ARABIC_COP, "Kenya CTOC/COP/2020/10")
    assert notdef_warnings() == []
    glyphs = glyphs_by_font(reader)
    assert "Amiri" in glyphs, glyphs.keys()
    assert "Noto-Naskh-Arabic" not in glyphs  # its shared letter shapes garble the text layer
    text = reader.pages[0].extract_text()
    assert ARABIC in text
    assert ARABIC_COP in text
    assert "CTOC/COP/2020/10" in text


def test_chinese_letter_text_has_every_glyph_and_extracts_as_written(notdef_warnings):
    reader = _render("zh-hans", CHINESE, "Kenya 2026")
    assert notdef_warnings() == []
    assert "Noto-Sans-CJK-SC" in glyphs_by_font(reader)
    assert CHINESE in reader.pages[0].extract_text().replace("\n", "")


def test_chinese_font_is_embedded_as_a_subset():
    reader = _render("zh-hans", CHINESE)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    cjk = next(f.get_object() for f in fonts.values() if "CJK" in str(f.get_object()["/BaseFont"]))
    descriptor = cjk["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    program = next(descriptor[key] for key in ("/FontFile2", "/FontFile3") if key in descriptor)
    # A subset of the characters used, not the 20 MB collection.
    assert len(program.get_object().get_data()) < 500_000


def test_arabic_letters_are_joined():
    """Beh three times in a word takes three shapes (initial, medial, final); apart, one."""
    joined = set(glyphs_by_font(_render("ar", "ببب"))["Amiri"])
    alone = set(glyphs_by_font(_render("ar", "ب"))["Amiri"])
    assert len(joined) == 3
    assert len(alone) == 1 and alone.isdisjoint(joined)


def test_a_missing_glyph_is_detected(notdef_warnings):
    """The check can fail: a character no installed font has (a private-use one) is reported."""
    _render("en", "x \U000f0000 y")
    assert len(notdef_warnings()) == 1


def test_web_pages_never_load_the_pdf_fonts(settings):
    """The Arabic and Chinese PDF fonts are system fonts named in the print CSS only: no
    @font-face downloads them, and only PDF templates link that CSS."""

    base = Path(finders.find("css/print/base.css")).read_text()
    faces = [line for line in base.splitlines() if line.startswith("@font-face")]
    assert faces and not any("Amiri" in face or "CJK" in face for face in faces)
    for css in Path(settings.BASE_DIR / "static" / "css").rglob("*.css"):
        if css.name != "base.css" or css.parent.name != "print":
            text = css.read_text()
            assert "Amiri" not in text and "CJK" not in text, css
    linking = {
        path.relative_to(settings.BASE_DIR / "templates").parts[0]
        for path in (settings.BASE_DIR / "templates").rglob("*.html")
        if "css/print/base.css" in path.read_text()
    }
    assert linking == {"pdf"}
