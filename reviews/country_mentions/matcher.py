"""The compiled search: one regular expression per script, built once from the lexicon.

Python's ``re`` tries the alternatives of a pattern one after another, so thousands of names
in a flat alternation would be slow. The keys are put in a trie and the trie written as nested
groups ("guinea(?:[ -]*bissau)?|..."): at each place in the text the engine follows one
branch a character at a time. Where a key continues (Guinea -> Guinea-Bissau, Guinea ->
Guinea pig), the longer one is tried first, so the longest name at a place wins; and matches
never overlap, so the leftmost wins ("Papua New Guinea" before "Guinea", "South Sudan" before
"Sudan"). A space or hyphen in a key matches any run of spaces, hyphens and line breaks (or
none); an apostrophe or full stop in a key is optional ("Cote dIvoire", "St Lucia").

Latin, Cyrillic and Arabic keys match whole words: the pattern starts with the non-word
character before the word (the text is searched with a space in front), which lets the engine
skip ahead quickly; a word character must not follow. Arabic words take attached prefixes
(و ف, then ب ل ك) and the article (ال, or ل after the prefix ل: للسودان), captured in groups
that ``context`` checks. Chinese has no spaces between words: Han keys match anywhere.
"""

import re
from functools import cache

from reviews.country_mentions import lexicon
from reviews.country_mentions.russian import ADJECTIVE_ENDINGS

SEPARATOR = r"[\s\-]*"
ENDINGS = "(?:" + "|".join(sorted(ADJECTIVE_ENDINGS, key=len, reverse=True)) + ")"
OPTIONAL = {" ": SEPARATOR, "'": "'?", ".": r"\.?", lexicon.ADJECTIVE: ENDINGS}
ARABIC_PREFIX = "[وف]?[بلك]?"
ARABIC_ARTICLE = "ال|ل"


def trie_pattern(keys) -> str:
    """A regular expression matching exactly ``keys`` (and their separator variants), as a
    trie of nested groups."""
    root: dict = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(root)


def _render(node: dict) -> str:
    ends_here = "" in node
    branches = []
    # Literal characters first, then the atoms that may match the same text (an adjective's
    # endings): at one place the longest key must be tried first.
    for char in sorted((c for c in node if c), key=lambda c: (c in OPTIONAL, c)):
        atom = OPTIONAL.get(char, re.escape(char))
        branches.append(atom + _render(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


@cache
def pattern(script: str) -> re.Pattern:
    """The compiled pattern for one script (built on first use, then kept)."""
    body = trie_pattern(lexicon.build().keys[script])
    if script == "han":
        return re.compile(f"(?P<key>{body})")
    if script == "arabic":
        return re.compile(
            rf"\W(?P<prefix>{ARABIC_PREFIX})(?P<article>{ARABIC_ARTICLE})?(?P<key>{body})(?!\w)"
        )
    return re.compile(rf"\W(?P<key>{body})(?!\w)")


SCRIPT_RANGES = {
    "cyrillic": "\u0400-\u04ff",
    "arabic": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
}
NON_LATIN = re.compile("[" + "".join(SCRIPT_RANGES.values()) + "]")
SCRIPT_PRESENT = {script: re.compile(f"[{chars}]") for script, chars in SCRIPT_RANGES.items()}


def scripts_in(text: str) -> list[str]:
    """The scripts whose patterns are worth running on ``text`` (Latin always)."""
    first = NON_LATIN.search(text)
    if first is None:
        return ["latin"]
    rest = text[first.start() :]
    return ["latin"] + [script for script, probe in SCRIPT_PRESENT.items() if probe.search(rest)]


def search(script: str, folded: str):
    """Matches of one script's pattern in a folded text, as ``(start, end, match)`` where the
    offsets are those of the key in ``folded``."""
    if script == "han":
        for match in pattern(script).finditer(folded):
            yield match.start("key"), match.end("key"), match
        return
    for match in pattern(script).finditer(" " + folded):
        yield match.start("key") - 1, match.end("key") - 1, match
