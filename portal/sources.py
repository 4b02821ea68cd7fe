"""The sources registry: every document a public page cites, and how a citation reads.

The documents live in ``fixtures/documents.json``, each under a key (a short name such as
``guide``, or a UN document symbol such as ``A/RES/45/121``) with its author, title or
description, symbol, date and address. Data and templates cite them with a short text::

    guide: Part 2, Figure 2; A/RES/45/121: first preambular paragraph

that is, references separated by ``;``, each a key and, after ``": "``, a locator (paragraph,
section, figure, page, footnote: what a reader needs to find the place in the document, never
the line numbers of a text copy). A web address may stand for a key. Pages show the author,
title, symbol and date of each document, linked where it has an address, then the locator.

Text entered by people (a source the secretariat types) that does not read as citations is
shown as it is; the reference data, loaded from ``fixtures/``, must cite registered documents
only: ``reference_data_problems`` lists every citation that does not, and the reference data's
loader refuses to load while there is one.
"""

import csv
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.html import format_html, format_html_join

REGISTRY_FILE = "documents.json"
URL = re.compile(r"^https?://\S+$")
# Working notes that must never reach a reader: our line numbers, notes to self.
LINE_REFERENCE = re.compile(r"\bL\d+\b|\blines? \d+(?:\s*[-\u2013,]\s*\d+)*\b", re.IGNORECASE)
WORKING_NOTE = re.compile(
    r"\bseeds?\b|\bseed ?\d{3}|\bverify\b|\bcheck against\b|\bprobably\b|\bTODO\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Document:
    """One source document, as readers see it named."""

    key: str
    author: str = ""
    title: str = ""
    description: str = ""
    symbol: str = ""
    date: str = ""
    url: str = ""
    kind: str = ""

    def __post_init__(self):
        if not (self.title or self.description or self.symbol):
            raise ValueError(f"document {self.key!r} needs a title, a description or a symbol")


@dataclass(frozen=True)
class Reference:
    """A place in a document: the document (or a web address) and a locator."""

    document: Document | None
    locator: str = ""
    url: str = ""


class CitationError(ValueError):
    """A citation names no registered document."""


def registry_path() -> Path:
    return Path(settings.BASE_DIR) / "fixtures" / REGISTRY_FILE


@cache
def registry() -> dict[str, Document]:
    """Every registered document by key (read once per process)."""
    rows = json.loads(registry_path().read_text(encoding="utf-8"))
    documents = {}
    for row in rows:
        document = Document(**row)
        if document.key in documents:
            raise ValueError(f"document {document.key!r} is registered twice")
        documents[document.key] = document
    return documents


def get(key: str) -> Document:
    try:
        return registry()[key]
    except KeyError:
        raise CitationError(f"no registered document {key!r}") from None


def parse(text: str) -> list[Reference]:
    """The references of a citation text; ``CitationError`` if any part names no registered
    document or web address."""
    references = []
    for part in str(text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        key, _, locator = part.partition(": ")
        key, locator = key.strip(), locator.strip()
        if URL.match(key):
            references.append(Reference(None, locator, url=key))
        else:
            references.append(Reference(get(key), locator))
    if not references:
        raise CitationError("empty citation")
    return references


def problems(text: str) -> list[str]:
    """What keeps ``text`` from being a citation readers can check (empty when none)."""
    try:
        references = parse(text)
    except CitationError as error:
        return [f"{text!r}: {error}"]
    found = []
    for reference in references:
        for pattern in (LINE_REFERENCE, WORKING_NOTE):
            if pattern.search(reference.locator):
                found.append(f"{text!r}: locator {reference.locator!r} reads as a working note")
    return found


def _document_html(document: Document):
    name = (
        format_html("<cite>{}</cite>", document.title)
        if document.title
        else format_html("[{}]", document.description or document.symbol)
    )
    if document.url:
        name = format_html('<a href="{}" rel="noopener">{}</a>', document.url, name)
    parts = [format_html("{}", document.author)] if document.author else []
    parts.append(name)
    if document.symbol and document.symbol != document.title:
        parts.append(format_html("{}", document.symbol))
    html = format_html_join(", ", "{}", ((part,) for part in parts))
    if document.date:
        html = format_html("{} ({})", html, document.date)
    return html


def _reference_html(reference: Reference):
    if reference.document is None:
        host = reference.url.split("//", 1)[1].split("/", 1)[0].removeprefix("www.")
        html = format_html('<a href="{}" rel="noopener">{}</a>', reference.url, host)
    else:
        html = _document_html(reference.document)
    if reference.locator:
        html = format_html("{}, {}", html, reference.locator)
    return html


def render(text: str):
    """The citation as HTML (safe): each reference's document, then its locator. Text that
    does not read as citations is returned escaped, as typed."""
    try:
        references = parse(text)
    except CitationError:
        return format_html("{}", str(text or ""))
    return format_html_join("; ", "{}", ((_reference_html(r),) for r in references))


def cite(key: str, locator: str = ""):
    """One reference as HTML, for a page that cites a document in its own words."""
    return _reference_html(Reference(get(key), locator))


def reference_data_citations() -> list[tuple[str, str]]:
    """Every citation of the reference data in ``fixtures/``, as ``(where, citation)``."""
    fixtures = Path(settings.BASE_DIR) / "fixtures"
    found = []
    for name in ("timeline.json", "recommendations.json", "articles.json"):
        for index, row in enumerate(json.loads((fixtures / "sources" / name).read_text())):
            found.append((f"sources/{name}[{index}].source", row["source"]))
            for position, document in enumerate(row.get("documents") or []):
                found.append((f"sources/{name}[{index}].documents[{position}]", document))
    for name in ("instruments.json", "reference.json"):
        for row in json.loads((fixtures / name).read_text()):
            for field in ("source", "parties_count_source", "facts_source", "count_source"):
                if field in row["fields"]:
                    found.append(
                        (f"{name} {row['model']} {row['pk']}.{field}", row["fields"][field])
                    )
    for path in sorted((fixtures / "parties").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if "status" in row:  # a list of parties (regional_groups.csv cites no row)
                    found.append((f"parties/{path.name} {row['country']}", row["source"]))
    return found


def reference_data_problems() -> list[str]:
    """Every citation in the reference data that names no registered document or reads as a
    working note; empty when the reference data cite only what readers can check."""
    found = []
    for where, text in reference_data_citations():
        found.extend(f"{where}: {problem}" for problem in problems(text))
    return found
