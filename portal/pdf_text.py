"""The text of a stored PDF, read safely, for checks such as the country-mention rule.

    from portal.pdf_text import pdf_text, PdfTextError
    try:
        extracted = pdf_text(application.written_comment)   # a FieldFile, path, bytes or file
    except PdfTextError as error:
        ...  # error.code: "too_large", "not_pdf", "encrypted", "unreadable"
    extracted.text, extracted.pages_read, extracted.pages_total, extracted.truncated

Uploaded PDFs are untrusted: the file is read only up to ``max_bytes`` (one byte more tells it
is too large), pages beyond ``max_pages`` are not read, and extraction stops once
``max_chars`` characters are gathered; ``truncated`` says a cap cut the text short. A page
whose text cannot be extracted is skipped and counted in ``pages_failed``, so one broken page
does not hide the others. A PDF that needs a password cannot be read (one encrypted with an
empty password, as some tools do, is). pypdf does the parsing; it needs no network and runs
no code from the file. Extraction of a long document takes a noticeable time (tens of
milliseconds a page): call it from a task, or at upload time within these caps.
"""

import io
import logging
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024  # the upload limit of written comments (engagement.uploads)
MAX_PAGES = 60
MAX_CHARS = 300_000  # ten pages are about 30,000 characters


class PdfTextError(ValueError):
    """The PDF's text cannot be read; ``code`` says why."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class PdfText:
    text: str
    pages_read: int
    pages_total: int
    pages_failed: int = 0
    truncated: bool = False


def _read_bytes(source, max_bytes: int) -> bytes:
    if isinstance(source, bytes | bytearray):
        data = bytes(source[: max_bytes + 1])
    elif isinstance(source, str | Path):
        with open(source, "rb") as fh:
            data = fh.read(max_bytes + 1)
    else:  # a Django File/FieldFile or any binary file object
        opened_here = getattr(source, "closed", False) and hasattr(source, "open")
        if opened_here:
            source.open("rb")
        try:
            if hasattr(source, "seek"):
                source.seek(0)
            data = source.read(max_bytes + 1)
        finally:
            if opened_here:
                source.close()
            elif hasattr(source, "seek"):
                source.seek(0)
    if len(data) > max_bytes:
        raise PdfTextError("too_large", f"the file is larger than {max_bytes} bytes")
    return data


def pdf_text(
    source,
    *,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    max_chars: int = MAX_CHARS,
) -> PdfText:
    """The text of the PDF in ``source`` (bytes, a path, or a binary file or Django file),
    pages joined by blank lines, within the caps described in the module's docstring."""

    data = _read_bytes(source, max_bytes)
    if b"%PDF-" not in data[:1024]:
        raise PdfTextError("not_pdf", "this file is not a PDF document")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfTextError("encrypted", "this PDF needs a password")
        pages_total = len(reader.pages)
    except PdfTextError:
        raise
    except (FileNotDecryptedError, NotImplementedError) as error:
        raise PdfTextError("encrypted", "this PDF's encryption cannot be opened") from error
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise PdfTextError("unreadable", "this PDF could not be read") from error

    pieces: list[str] = []
    gathered = failed = read = 0
    truncated = pages_total > max_pages
    for page in reader.pages[:max_pages]:
        try:
            text = page.extract_text() or ""
        # pypdf raises many kinds of error on a damaged page (and may recurse too deep on a
        # crafted one); skip that page and keep the rest.
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                ZeroDivisionError, RecursionError, OSError) as error:  # fmt: skip
            logger.info("pdf_text: page %d skipped: %r", read + 1, error)
            failed += 1
            read += 1
            continue
        read += 1
        if gathered + len(text) > max_chars:
            pieces.append(text[: max_chars - gathered])
            truncated = True
            break
        pieces.append(text)
        gathered += len(text) + 2
    return PdfText(
        text="\n\n".join(pieces),
        pages_read=read,
        pages_total=pages_total,
        pages_failed=failed,
        truncated=truncated,
    )
