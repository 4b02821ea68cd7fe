"""Mentions of States in a text, for the rule that no specific country situation may be
mentioned in a constructive dialogue except by the State under review.

    from reviews.country_mentions import find_country_mentions
    mentions = find_country_mentions(comment, exclude_codes={"KEN"})
    for mention in mentions:
        mention.code, mention.codes, mention.start, mention.end, mention.text

It finds the 198 entries of the State-name table (``reviews.state_names``) in the six UN
languages, in their short and formal names, common short forms ("Syria", "UK", "美国"),
inflected forms (Russian cases: "в Кении", "из Нидерландов"; Arabic with attached prefixes and
the article: "وكينيا", "بالسودان") and adjectives and nouns of nationality ("Kenyan",
"kényane", "keniano", "кенийского", "الكينية"), in any case, with or without accents, across
hyphens and line breaks. Where a form may name two States ("Congo", "Korea", "Congolese",
"Dominican"), the mention is ambiguous and ``codes`` holds both, the likelier first. The
rules for words that are not always States (Turkey the bird, Georgia the given name, French the
language) are in ``context``; the data in ``fixtures/country_mentions/`` (see its README).

The matcher is built once per process on first use (about a second; ``warm_up()`` does it
ahead) and then scans a 30,000-character comment in a few milliseconds
(``bench/country_mentions.py``). It is pure: no database, no settings beyond ``BASE_DIR``.
"""

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from reviews.country_mentions import context, lexicon, matcher
from reviews.country_mentions.folding import fold
from reviews.country_mentions.lexicon import LANGUAGES

__all__ = [
    "LANGUAGES",
    "Mention",
    "find_country_mentions",
    "highlight_segments",
    "mentioned_codes",
    "warm_up",
]


class Mention(NamedTuple):
    """One mention of a State: ``text == original[start:end]``.

    ``code`` is the State's code (ISO 3166-1 alpha-3 as ``State.code``; ``EUU`` for the
    European Union); ``codes`` every State the words may name, ``code`` first: more than one
    when the form is ambiguous ("the Congo": COG, COD). ``kind`` is "name" or "demonym";
    ``languages`` the languages whose forms it matched (a name may be spelled alike in several).
    """

    code: str
    codes: tuple[str, ...]
    start: int
    end: int
    text: str
    kind: str
    languages: tuple[str, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.codes) > 1


def find_country_mentions(
    text: str, exclude_codes: Iterable[str] = (), *, languages: Iterable[str] | None = None
) -> list[Mention]:
    """Every mention of a State in ``text``, in order, except those of ``exclude_codes``
    (the States under review named by the dialogue: they may be mentioned).

    An ambiguous mention is left out when any State it may name is excluded: "the Congo" in a
    dialogue with either Congo under review is taken to mean that State. ``languages``
    (codes from ``LANGUAGES``) limits the search to those languages' forms; by default all
    six are searched, since a comment in one language often names States in another.
    """
    if not text:
        return []
    excluded = {code.upper() for code in exclude_codes}
    wanted = set(LANGUAGES if languages is None else languages)
    unknown = wanted - set(LANGUAGES)
    if unknown:
        raise ValueError(f"unknown languages {sorted(unknown)}; use {LANGUAGES}")
    all_languages = wanted == set(LANGUAGES)
    folded = fold(text)
    lex = lexicon.build()
    words = _state_words()
    mentions = []
    for script in matcher.scripts_in(text):
        for key_start, key_end, match in matcher.search(script, folded.text):
            reading = lex.reading(script, match.group("key"))
            if reading is None or reading.blocked:
                continue
            if not all_languages and reading.languages.isdisjoint(wanted):
                continue
            span_start = key_start
            word_start = key_start
            if script == "arabic":
                word_start = match.start("prefix") - 1
                if match.group("article"):
                    span_start = match.start("article") - 1
            start, end = folded.original_span(span_start, key_end)
            key_start_original, _ = folded.original_span(key_start, key_end)
            word_start_original = folded.original_offset(word_start)
            if not context.accepts(
                reading, script, text, key_start_original, end, match, words, word_start_original
            ):
                continue
            codes = reading.codes_tuple
            if not codes or (excluded and not excluded.isdisjoint(codes)):
                continue
            mentions.append(
                Mention(
                    code=codes[0],
                    codes=codes,
                    start=start,
                    end=end,
                    text=text[start:end],
                    kind=reading.kind,
                    languages=reading.language_order,
                )
            )
    mentions.sort(key=lambda mention: mention.start)
    return mentions


def mentioned_codes(mentions: Iterable[Mention]) -> tuple[str, ...]:
    """Every State the mentions may name (an ambiguous one gives all its candidates), once
    each, in order of first mention: what a flag on an application lists."""
    seen: dict[str, None] = {}
    for mention in mentions:
        for code in mention.codes:
            seen.setdefault(code, None)
    return tuple(seen)


def highlight_segments(text: str, mentions: Iterable[Mention]) -> list[tuple[str, Mention | None]]:
    """``text`` cut into consecutive pieces, each with the mention it is (or None), so that a
    template can mark the mentions while escaping everything::

        {% for piece, mention in segments %}
          {% if mention %}<mark>{{ piece }}</mark>{% else %}{{ piece }}{% endif %}
        {% endfor %}
    """
    segments: list[tuple[str, Mention | None]] = []
    position = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < position:
            continue
        if mention.start > position:
            segments.append((text[position : mention.start], None))
        segments.append((text[mention.start : mention.end], mention))
        position = mention.end
    if position < len(text):
        segments.append((text[position:], None))
    return segments


@cache
def _state_words() -> frozenset[str]:
    """Every word of a Latin-script key, and words of institutions, which after a given name
    make it read as the State ("Georgia Police") rather than a person ("Georgia Smith")."""
    words = set(context.INSTITUTION_WORDS)
    for key in lexicon.build().keys["latin"]:
        words.update(key.split())
    return frozenset(words)


def warm_up() -> None:
    """Build the lexicon and every script's pattern now rather than on the first scan."""
    for script in ("latin", "cyrillic", "arabic", "han"):
        matcher.pattern(script)
    _state_words()
