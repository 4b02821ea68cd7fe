"""Every written form of every State the matcher looks for, with what each form means.

Two sources, both under ``fixtures/``:

- ``state_names/<language>.csv`` (read through ``reviews.state_names``): the UN short and
  formal names of the 198 entries in the six languages; the Russian genitive and dative.
- ``country_mentions/<language>.csv``: what the UN table does not hold: common short forms
  ("Syria", "Россия", "美国"), adjectives and nouns of nationality ("Kenyan", "kényan",
  "keniano", "кенийский", "كيني"), forms that are also a common word, a given name or a
  language, and phrases that contain a State's name but are not one ("American Samoa",
  "Gulf of Guinea", "发展中国家"). Its README says where they come from.

Each form is folded (``folding.fold_key``) and inflected by its language's rules; forms that
fold to the same key are merged into one ``Reading``: the States it may name (more than one
when it is ambiguous: "Congo", "Korean"), its flags, and whether it is a name or a demonym.
"""

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

from reviews import state_names
from reviews.country_mentions import russian
from reviews.country_mentions.folding import compact, fold_key

LANGUAGES = state_names.LANGUAGES

# Flags a form may carry in ``country_mentions/<language>.csv``.
FLAGS = {
    "cap": "also a common word in lower case: a mention only when capitalized (Turkey, Chad)",
    "person": "also a given name: not a mention when it reads as a person's name (Georgia Smith)",
    "language": "also a language's name: not a mention where it names the language (in French)",
    "as-written": "an abbreviation: a mention only with this exact case (US, EU, DRC)",
    "cue": "also a common word: a mention only after a preposition or 'Republic of' (Arabic مالي)",
    "initial": "not a mention at the start of a sentence (Russian Того, also 'of that')",
    "no-inflection": "the forms listed are all the forms; none is derived",
}
KINDS = ("name", "demonym", "block")

# Arabic: whether a key may, must not or needs to follow the article "ال".
ARTICLE_OPTIONAL, ARTICLE_FORBIDDEN = "optional", "forbidden"

# Stands for "any ending of an adjective" at the end of a Russian key (the pattern spells the
# endings out once per stem instead of once per form).
ADJECTIVE = "\x01"

ARABIC_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


@dataclass
class Reading:
    """What a folded key may mean: the States (most likely first), the languages whose forms
    produced it, its kinds and flags; a ``block`` reading means "not a State".

    A key can be a name in one language and a demonym in another (Spanish "armenia", "siria",
    "china" are feminine adjectives): the name's flags then decide, since a capitalized word
    spelled as a State's name is read as the name."""

    codes: list[str] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    flags_by_kind: dict[str, set[str]] = field(default_factory=dict)
    languages_by_kind: dict[str, set[str]] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)  # exact spellings for "as-written"
    article: str = ARTICLE_FORBIDDEN  # Arabic only

    def add(self, codes, language, kind, flags, written, article=None):
        for code in codes:
            if code not in self.codes:
                self.codes.append(code)
        self.languages.add(language)
        self.kinds.add(kind)
        self.flags_by_kind.setdefault(kind, set()).update(flags)
        self.languages_by_kind.setdefault(kind, set()).add(language)
        if "as-written" in flags:
            self.written.add(compact(written))
        if article == ARTICLE_OPTIONAL:
            self.article = ARTICLE_OPTIONAL

    def finish(self) -> None:
        """Fix what every scan reads."""
        self.language_order = tuple(lang for lang in LANGUAGES if lang in self.languages)
        self.codes_tuple = tuple(self.codes)
        self.flags = frozenset(self.flags_by_kind.get(self.kind, ()))
        self.rule_languages = frozenset(self.languages_by_kind.get(self.kind, ()))

    @property
    def blocked(self) -> bool:
        return "block" in self.kinds

    @property
    def kind(self) -> str:
        return "name" if "name" in self.kinds else "demonym"


@dataclass(frozen=True)
class Lexicon:
    """The keys to search for, by script, and what each compact key means."""

    keys: dict[str, frozenset[str]]  # script -> folded keys ("latin", "cyrillic", "arabic", "han")
    readings: dict[str, dict[str, Reading]]  # script -> compact key and folded key -> reading

    def reading(self, script: str, key: str) -> Reading | None:
        readings = self.readings[script]
        found = readings.get(key) or readings.get(compact(key))
        if found is None and script == "cyrillic":
            stem = russian.adjective_stem_of(key)
            found = readings.get(compact(stem) + ADJECTIVE) if stem else None
        return found


def data_dir() -> Path:
    return settings.BASE_DIR / "fixtures" / "country_mentions"


def script_of(language: str) -> str:
    return {"ru": "cyrillic", "ar": "arabic", "zh-hans": "han"}.get(language, "latin")


BRACKETED = re.compile(r"\s*[(（][^)）]*[)）]\s*")
ARTICLES = {
    "en": re.compile(r"^the\s+"),
    "fr": re.compile(r"^(?:le|la|les)\s+|^l'"),
    "es": re.compile(r"^(?:el|la|los|las)\s+"),
}


def _without_article(form: str, language: str) -> str:
    pattern = ARTICLES.get(language)
    return pattern.sub("", form) if pattern else form


def _table_forms(language: str):
    """(codes, kind, forms, flags) from the UN State-name table."""
    table = state_names._table(language)
    for code, row in table.items():
        forms = {
            _without_article(BRACKETED.sub(" ", row[name]).strip(), language)
            for name in ("short", "name")
        }
        if language == "ru":
            declined = set()
            for form in forms:
                if form == row["name"]:
                    declined |= russian.name_forms(form, row["name_gen"], row["name_dat"])
                else:
                    declined |= russian.name_forms(form)
            forms = declined
        yield [code], "name", sorted(forms), set()


def _data_forms(language: str):
    path = data_dir() / f"{language}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            codes = row["code"].split()
            kind = row["kind"]
            flags = set(row["flags"].split())
            if kind not in KINDS or not flags <= set(FLAGS):
                raise ValueError(f"{path.name}: bad kind or flag in {row}")
            yield codes, kind, row["forms"].split("|"), flags


def _inflected(form: str, language: str, kind: str, flags: set[str]) -> set[str]:
    """A form's written variants: a demonym's gender and number, a Russian name's cases."""
    if "no-inflection" in flags or "as-written" in flags:
        return {form}
    if language == "ru":
        if kind == "demonym":  # one key for all its endings: see ``ADJECTIVE``
            return {russian.adjective_stem(form) + ADJECTIVE}
        nom, _, gen = form.partition("/")
        return russian.name_forms(nom, gen or None)
    if kind != "demonym":
        return {form}
    key = fold_key(form)
    if language == "en":
        return {form} if re.search(r"(?:s|sh|ch|ese|x|z)$", key) else {form, form + "s"}
    if language == "fr":
        return {key + ending for ending in _french_endings(key)}
    if language == "es":
        return {key + ending for ending in _spanish_endings(key)} | {
            key[:-1] + ending for ending in ("a", "as") if key.endswith("o")
        }
    if language == "ar":
        return {form + ending for ending in ARABIC_NISBA_ENDINGS}
    return {form}


def _french_endings(key: str) -> tuple[str, ...]:
    if key.endswith(("en", "on")):
        return ("", "ne", "s", "nes")
    if key.endswith("s"):
        return ("", "e", "es")
    if key.endswith("e"):
        return ("", "s")
    return ("", "e", "s", "es")


def _spanish_endings(key: str) -> tuple[str, ...]:
    if key.endswith("o"):
        return ("", "s")
    if key.endswith(("a", "e")):
        return ("", "s")
    if key.endswith(("i", "u")):
        return ("", "s", "es")
    return ("", "a", "es", "as")


def _arabic_key(form: str) -> tuple[str, str]:
    """An Arabic form's key without its article "ال", and whether the article may precede
    the key (names written with it: السودان) or must not (names without it: كينيا, مالي)."""
    if form.startswith("ال"):
        return fold_key(form[2:]), ARTICLE_OPTIONAL
    return fold_key(form), ARTICLE_FORBIDDEN


@cache
def build() -> Lexicon:
    """Build the lexicon once per process."""
    keys: dict[str, set[str]] = {"latin": set(), "cyrillic": set(), "arabic": set(), "han": set()}
    readings: dict[str, dict[str, Reading]] = {script: {} for script in keys}
    for language in LANGUAGES:
        script = script_of(language)
        sources = list(_table_forms(language)) + list(_data_forms(language))
        for codes, kind, forms, flags in sources:
            for form in forms:
                for variant in _inflected(form, language, kind, flags):
                    variant_flags = flags
                    if language == "en" and variant != form:  # "Russians" names no language
                        variant_flags = flags - {"language"}
                    article = None
                    if script == "arabic":
                        key, article = _arabic_key(variant)
                        if kind == "demonym":
                            article = ARTICLE_OPTIONAL
                    else:
                        key = fold_key(variant)
                    if not key:
                        continue
                    keys[script].add(key)
                    reading = readings[script].setdefault(compact(key), Reading())
                    reading.add(codes, language, kind, variant_flags, variant, article)
    for script, script_keys in keys.items():
        by_compact = readings[script]
        for reading in by_compact.values():
            reading.finish()
        for key in script_keys:  # the common case: the text spells the key as stored
            by_compact.setdefault(key, by_compact[compact(key)])
    return Lexicon({s: frozenset(k) for s, k in keys.items()}, readings)
