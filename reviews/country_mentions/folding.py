"""Folding text for matching: case, accents and spelling variants removed, offsets kept.

Matching runs on a folded copy of the text in which every character stands at the offset it
had in the original, so a match's span is the original's span. Folding maps one character to
one character: lower case, Latin letters without their accents ("Côte" -> "cote", "Türkiye"
-> "turkiye"), Russian "ё" -> "е", the Arabic hamza forms of alef -> "ا", "ى" -> "ي", "ة" -> "ه"
(how people type them varies), typographic apostrophes and dashes -> "'" and "-", full-width
brackets -> "(" and ")".

A few characters carry nothing for matching and are removed: combining accents (text in
decomposed form, as PDFs often give it), Arabic short vowels and tatweel, soft hyphens,
zero-width spaces and joiners, and a hyphen that breaks a word across a line ("Nige-\\nria").
Only a text that contains one of these takes the slower path, which keeps a map from folded
to original offsets.
"""

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"

# Both patterns start with a character class, so the engine skips ahead to candidates fast;
# a line-break hyphen also needs a word character before it, checked where one is found.
REMOVED_MARKS = re.compile(
    "[\u0300-\u036f\u064b-\u065f\u0670\u0640\u00ad\u200b-\u200d\u2060\ufeff]+"
)
LINE_BREAK_HYPHEN = re.compile(rf"[-{DASHES}][ \t]*\r?\n[ \t]*(?=\w)")


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [(0x00C0, 0x0250), (0x1E00, 0x1F00)]
    for low, high in ranges:
        for point in range(low, high):
            char = chr(point)
            decomposed = unicodedata.normalize("NFD", char)
            base = decomposed[0]
            if len(decomposed) > 1 and base.isascii() and base.isalpha():
                table[point] = base.lower()
    table.update(
        {ord(k): v for k, v in {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d"}.items()}
    )
    table.update({ord("ı"): "i", ord("İ"): "i", ord("ё"): "е", ord("Ё"): "е"})
    table.update({ord(c): "ا" for c in "أإآٱ"})
    table.update({ord("ى"): "ي", ord("ی"): "ي", ord("ک"): "ك", ord("ة"): "ه"})
    table.update({ord(c): "'" for c in APOSTROPHES})
    table.update({ord(c): "-" for c in DASHES})
    table.update({ord("（"): "(", ord("）"): ")", ord("\u00a0"): " "})
    return table


# Characters frequent in running text are replaced one by one (str.replace scans in C); the
# rest of the table (accented Latin letters, rarer dashes) goes through one pattern.
FREQUENT = "أإآىةیکё’‘–—"


@cache
def _foldable() -> re.Pattern:
    rare = "".join(
        re.escape(chr(point)) for point in sorted(_table()) if chr(point) not in FREQUENT
    )
    return re.compile(f"[{rare}]")


def _fold_same_length(text: str) -> str:
    if not text.isascii():
        table = _table()
        for char in FREQUENT:
            if char in text:
                text = text.replace(char, table[ord(char)])
        text = _foldable().sub(lambda match: table[ord(match.group())], text)
    folded = text.lower()
    if len(folded) != len(text):  # no known character does this; keep offsets safe anyway
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return folded


def _removed_spans(text: str) -> list[tuple[int, int]]:
    spans = [match.span() for match in REMOVED_MARKS.finditer(text)]
    spans += [
        match.span()
        for match in LINE_BREAK_HYPHEN.finditer(text)
        if match.start() > 0 and (text[match.start() - 1].isalnum())
    ]
    return sorted(spans)


@dataclass(frozen=True)
class Folded:
    """A folded text and the way back to the original's offsets."""

    text: str
    _folded_starts: tuple[int, ...] = ()
    _original_starts: tuple[int, ...] = ()

    def original_offset(self, index: int) -> int:
        if not self._folded_starts:
            return index
        segment = bisect.bisect_right(self._folded_starts, index) - 1
        return self._original_starts[segment] + index - self._folded_starts[segment]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded ``[start, end)``; ``end`` maps to just after the last
        character kept, so a removed character at the edge stays outside the span."""
        if end <= start:
            return self.original_offset(start), self.original_offset(start)
        return self.original_offset(start), self.original_offset(end - 1) + 1


def fold(text: str) -> Folded:
    """Fold ``text`` for matching (see the module's docstring)."""
    removed = _removed_spans(text)
    if not removed:
        return Folded(_fold_same_length(text))
    pieces, folded_starts, original_starts = [], [], []
    position = length = 0
    for removed_start, removed_end in removed:
        if removed_start < position:  # overlapping spans: already skipped
            position = max(position, removed_end)
            continue
        if removed_start > position:
            folded_starts.append(length)
            original_starts.append(position)
            pieces.append(text[position:removed_start])
            length += removed_start - position
        position = removed_end
    if position < len(text):
        folded_starts.append(length)
        original_starts.append(position)
        pieces.append(text[position:])
    return Folded(_fold_same_length("".join(pieces)), tuple(folded_starts), tuple(original_starts))


def fold_key(form: str) -> str:
    """A name's folded form, spaces and hyphens collapsed to one space."""
    return re.sub(r"[\s\-]+", " ", fold(form).text).strip()


COMPACT = re.compile(r"[\s\-'.]+")


def compact(folded: str) -> str:
    """The key by which a folded match is looked up: letters only, so "Guinea-Bissau",
    "Guinea Bissau" and "Guinea-\\nBissau" are one key, as are "U.S." and "US"."""
    return COMPACT.sub("", folded)
