"""Reading the text of a stored PDF safely, within caps, and passing it to the mention check."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from portal.pdf_text import PdfTextError, pdf_text
from reviews.country_mentions import find_country_mentions


def _pdf(*pages: str) -> bytes:

    body = "".join(f'<p style="break-after: page">{page}</p>' for page in pages)
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    return _pdf(
        "Written comment of a demo organization on trafficking in persons.",
        "Our partners in Kenya and the Kenyan police cooperate.",
        "In Nigeria the situation differs.",
    )


def test_text_of_every_page_and_the_mentions_in_it(three_pages):
    extracted = pdf_text(three_pages)
    assert (extracted.pages_read, extracted.pages_total, extracted.truncated) == (3, 3, False)
    assert "Kenyan police" in extracted.text
    mentions = find_country_mentions(extracted.text, exclude_codes={"KEN"})
    assert [(m.code, m.text) for m in mentions] == [("NGA", "Nigeria")]


def test_reads_a_stored_file_and_leaves_it_usable(three_pages, tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("comment.pdf", ContentFile(three_pages))
    with storage.open(name, "rb") as stored:
        assert "Nigeria" in pdf_text(stored).text
        assert stored.read(5) == b"%PDF-"  # rewound for whoever reads it next
    assert "Nigeria" in pdf_text(tmp_path / name).text


def test_page_cap_reads_the_first_pages_and_says_so(three_pages):
    extracted = pdf_text(three_pages, max_pages=2)
    assert (extracted.pages_read, extracted.pages_total, extracted.truncated) == (2, 3, True)
    assert "Kenya" in extracted.text and "Nigeria" not in extracted.text


def test_character_cap_cuts_the_text(three_pages):
    extracted = pdf_text(three_pages, max_chars=40)
    assert extracted.truncated
    assert len(extracted.text) == 40
    assert extracted.pages_read == 1


def test_a_file_over_the_size_cap_is_refused_before_parsing(three_pages):
    with pytest.raises(PdfTextError) as error:
        pdf_text(three_pages, max_bytes=len(three_pages) - 1)
    assert error.value.code == "too_large"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"Kenya, Nigeria: plain text, not a PDF", "not_pdf"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 100, "unreadable"),
    ],
)
def test_what_is_not_a_readable_pdf_gets_a_clear_error(data, code):
    with pytest.raises(PdfTextError) as error:
        pdf_text(data)
    assert error.value.code == code


def _encrypted(data: bytes, password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_that_needs_a_password_is_refused(three_pages):
    with pytest.raises(PdfTextError) as error:
        pdf_text(_encrypted(three_pages, "secret"))
    assert error.value.code == "encrypted"


def test_a_pdf_encrypted_with_an_empty_password_is_read(three_pages):
    assert "Nigeria" in pdf_text(_encrypted(three_pages, "")).text
