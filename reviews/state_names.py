"""State names in the six UN languages, with the grammatical forms a letter needs.

The table lives in ``fixtures/state_names/<language>.csv`` (one row per State, keyed by the
``State.code``: ISO 3166-1 alpha-3, ``EUU`` for the European Union). Every form is stored in
full, so a letter never builds "de" + "le Kenya" itself; ``fixtures/state_names/README.md``
says where each name comes from and what each form means.

    state_name("KEN", "fr", "government_a")   -> "au Gouvernement du Kenya"
    state_name("NLD", "es", "name_a")         -> "a los Países Bajos"
    state_name("NLD", "ru", "government_dat") -> "Правительству Нидерландов"

The Holy See and the European Union are addressed as themselves: their ``government*`` forms
hold the entity's own name ("le Saint-Siège", "l'Union européenne"), not "the Government of".
"""

import csv
from functools import cache
from pathlib import Path

from django.conf import settings

LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")

# The forms each language's table holds. All have ``short`` (the UN list form, as in a table
# of States), ``name`` (the name inside a sentence, with its article where the language uses
# one) and ``government`` (the government, nominative). French and Spanish add the forms after
# "de" and "à"/"a", which contract with the article; Russian adds the genitive and dative.
FORMS = {
    "ar": ("short", "name", "government"),
    "zh-hans": ("short", "name", "government"),
    "en": ("short", "name", "government"),
    "fr": ("short", "name", "name_de", "name_a", "government", "government_de", "government_a"),
    "es": ("short", "name", "name_de", "name_a", "government", "government_de", "government_a"),
    "ru": (
        "short",
        "name",
        "name_gen",
        "name_dat",
        "government",
        "government_gen",
        "government_dat",
    ),
}


class UnknownStateName(LookupError):
    """No name for this State, language or form in the table."""


def table_dir() -> Path:
    return settings.BASE_DIR / "fixtures" / "state_names"


def normalize_language(language: str) -> str:
    """The table's key for a Django language code: "zh-Hans", "zh_Hans" and "zh" give
    "zh-hans"; a regional variant ("fr-ch", "es-419") gives its base language."""
    code = language.replace("_", "-").lower()
    if code.startswith("zh"):
        return "zh-hans"
    return code.split("-")[0]


@cache
def _table(language: str) -> dict[str, dict[str, str]]:
    path = table_dir() / f"{language}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def _row(code: str, language: str) -> dict[str, str]:
    lang = normalize_language(language)
    if lang not in FORMS:
        raise UnknownStateName(f"no State names in {language!r}; the table has {LANGUAGES}")
    try:
        return _table(lang)[code.upper()]
    except KeyError:
        raise UnknownStateName(f"no State with code {code!r} in the {lang} table") from None


def state_name(code: str, language: str, form: str = "short") -> str:
    """The State's name in ``language`` in the grammatical ``form`` (see ``FORMS``)."""
    lang = normalize_language(language)
    row = _row(code, lang)
    if form not in FORMS[lang]:
        raise UnknownStateName(f"no form {form!r} in {lang}; it has {', '.join(FORMS[lang])}")
    return row[form]


def state_names(code: str, language: str) -> dict[str, str]:
    """Every form of the State's name in ``language``, keyed by form."""
    row = _row(code, language)
    return {form: row[form] for form in FORMS[normalize_language(language)]}


def state_name_source(code: str, language: str) -> str:
    """Where the row comes from: a key explained in ``fixtures/state_names/README.md``."""
    return _row(code, language)["source"]


def known_codes(language: str = "en") -> frozenset[str]:
    return frozenset(_table(normalize_language(language)))
