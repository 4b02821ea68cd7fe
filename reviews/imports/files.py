"""Reading an uploaded review data file: the header of each kind (``KINDS``), the checks of
an upload's content, and parsing its text into rows."""

import csv
import hashlib
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.spreadsheets import cell_read

KINDS = {
    "states": (
        "iso3",
        "country",
        "regional_group",
        "review_group",
        "review_languages",
        "review_source",
    ),
    "parties": (
        "iso3",
        "country",
        "treaty",
        "signature",
        "consent_date",
        "consent_type",
        "source",
        "status",
    ),
    "reviewers": ("state_under_review", "instrument", "reviewer", "note"),
    "steps": ("iso3", "cluster", "step", "due", "done_on", "note"),
}
MAX_UPLOAD_BYTES = 2 * 1024 * 1024

# Files people upload by mistake, recognised by their first bytes.
SIGNATURES = (
    (b"\x89PNG", gettext_lazy("a PNG image")),
    (b"\xff\xd8\xff", gettext_lazy("a JPEG image")),
    (b"GIF8", gettext_lazy("a GIF image")),
    (b"%PDF-", gettext_lazy("a PDF document")),
    (b"PK\x03\x04", gettext_lazy("an Excel workbook or another ZIP archive")),
    (b"\xd0\xcf\x11\xe0", gettext_lazy("an older Excel or Word file")),
)


@dataclass
class ParsedFile:
    kind: str
    records: list[tuple[int, dict]]  # (line number, {column: value})


def content_token(text: str) -> str:
    """The SHA-256 of an upload's text: the confirm form carries it, so that what is applied
    is exactly what was previewed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upload_read(upload, kind: str = "") -> tuple[str, str]:
    """The kind and text of an uploaded review data file, checked by its content: at most
    2 MB, not a known binary format, no NUL byte, UTF-8 (with or without a byte-order mark),
    readable as CSV with the header of one of the four kinds (of ``kind`` if given). Raises a
    ``ValidationError`` that says what is wrong. Changes nothing."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is %(size)s KB; the limit is 2 MB (2,048 KB).")
            % {"size": f"{-(-upload.size // 1024):,}"},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    upload.seek(0)
    for magic, label in SIGNATURES:
        if data.startswith(magic):
            raise ValidationError(
                _("This file is %(type)s, not a CSV text file. Save the sheet as “CSV UTF-8”.")
                % {"type": label},
                code="binary",
            )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ValidationError(
            _("Line %(line)s contains a NUL byte: this is not a UTF-8 CSV text file.")
            % {"line": line},
            code="nul_byte",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _(
                "Line %(line)s is not UTF-8 text (byte 0x%(byte)02X cannot be read). "
                "Save the file as “CSV UTF-8” and upload it again."
            )
            % {"line": data[: error.start].count(b"\n") + 1, "byte": data[error.start]},
            code="not_utf8",
        ) from None
    parsed = parse(text)
    if kind and parsed.kind != kind:
        raise ValidationError(
            _("The header is that of a “%(found)s” file, not of the “%(chosen)s” file chosen.")
            % {"found": parsed.kind, "chosen": kind},
            code="other_kind",
        )
    return parsed.kind, text


def parse(text: str) -> ParsedFile:
    """Read ``text`` as CSV (comma-, semicolon- or tab-separated, as the header shows): the
    kind its header names and its non-empty rows. Raises a ``ValidationError``."""
    if not text.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    first_line = next(line for line in text.splitlines() if line.strip())
    header, kind, delimiter = [], None, ","
    for delimiter in (",", ";", "\t"):
        header = _header(next(csv.reader([first_line], delimiter=delimiter)))
        kind = _kind_of(header)
        if kind:
            break
    if kind is None:
        header = _header(next(csv.reader([first_line])))
        raise ValidationError(_header_problem(header), code="header")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, line = [], 0
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                break  # the header
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                records.append((start, _record(header, cells)))
    except csv.Error as error:
        raise ValidationError(
            _("Line %(line)s cannot be read as CSV: %(error)s")
            % {"line": line + 1, "error": error},
            code="csv",
        ) from None
    return ParsedFile(kind, records)


def _header(cells: list[str]) -> list[str]:
    header = [cell.strip().lower() for cell in cells]
    while header and not header[-1]:
        header.pop()  # spreadsheets add empty columns at the end
    return header


def _kind_of(header: list[str]) -> str | None:
    for kind, columns in KINDS.items():
        if len(header) == len(columns) and set(header) == set(columns):
            return kind
    return None


def _header_problem(header: list[str]) -> str:
    twice = sorted({column for column in header if header.count(column) > 1 and column})
    if twice:
        return _("The header names a column twice: %(columns)s.") % {"columns": ", ".join(twice)}
    closest = max(KINDS, key=lambda kind: len(set(header) & set(KINDS[kind])))
    missing = [column for column in KINDS[closest] if column not in header]
    unexpected = [column for column in header if column not in KINDS[closest]]
    details = []
    if missing:
        details.append(_("missing: %(columns)s") % {"columns": ", ".join(missing)})
    if unexpected:
        details.append(
            _("not expected: %(columns)s")
            % {"columns": ", ".join(column or _("(empty)") for column in unexpected)}
        )
    return _(
        "The first line is not the header of a review data file (states, parties, reviewers "
        "or steps). Closest: “%(kind)s”, %(details)s."
    ) % {"kind": closest, "details": "; ".join(details)}


def _record(header: list[str], cells: list[str]) -> dict:
    cells = [cell_read(cell.strip()) for cell in cells]
    values = dict(zip(header, (cells + [""] * len(header))[: len(header)], strict=True))
    if len(cells) < len(header) or any(cells[len(header) :]):
        values["__count__"] = str(len(cells))
    return values
