"""Cells of the CSV and XLSX files the portal writes, made safe to open in a spreadsheet.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula: an organization named
``=HYPERLINK("http://x","y")`` would become a live link (or worse) on the computer of whoever
opens the list. Such a cell is written with a leading single quote, as OWASP advises ("CSV
injection"), which spreadsheets show as text. Numbers stay numbers: an ``int``, ``float`` or
``Decimal``, and a text that is only a number (``-12``, ``-3.5``), are written as they are.

The quote is reversible: a text that already begins with quotes before such a character gets
one more, and ``cell_read`` takes one away, so a file exported and imported again (the review
data) changes nothing.
"""

import csv
import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def cell_safe(value):
    """``value`` as it may go into a spreadsheet cell (see the module text)."""
    if not isinstance(value, str) or NUMBER.fullmatch(value):
        return value
    if value.lstrip(QUOTE).startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def row_safe(values: Iterable) -> list:
    return [cell_safe(value) for value in values]


def cell_read(text: str) -> str:
    """The value ``cell_safe`` was given, from the text of a cell it wrote."""
    if text.startswith(QUOTE) and text.lstrip(QUOTE).startswith(FORMULA_STARTS):
        return text[1:]
    return text


class SafeWriter:
    """``csv.writer`` whose every cell passes ``cell_safe``."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, values: Iterable):
        return self._writer.writerow(row_safe(values))

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for values in rows:
            self.writerow(values)


def csv_writer(stream, **options) -> SafeWriter:
    """A CSV writer for files people open in a spreadsheet (arguments of ``csv.writer``)."""
    return SafeWriter(stream, **options)
