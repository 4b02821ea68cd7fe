"""The State-name table: every entry, every language, every form, and the letters' grammar."""

import csv
import re
import unicodedata

import pytest
from django.conf import settings
from django.utils import translation
from django_countries import countries

from reviews.models import State
from reviews.state_names import (
    FORMS,
    LANGUAGES,
    UnknownStateName,
    known_codes,
    normalize_language,
    state_name,
    state_name_source,
    state_names,
)

PARTIES = settings.BASE_DIR / "fixtures" / "parties" / "regional_groups.csv"
SOURCES = {"unterm", "unterm-renamed", "un-documents"}
SCRIPTS = {"ar": "ARABIC", "ru": "CYRILLIC", "zh-hans": "CJK"}


def portal_codes():
    with PARTIES.open(encoding="utf-8") as fh:
        return {row["iso3"] or "EUU": row["country"] for row in csv.DictReader(fh)}


ALL_CODES = sorted(portal_codes())


def test_the_table_covers_exactly_the_198_entries_in_every_language():
    assert len(ALL_CODES) == 198
    for language in LANGUAGES:
        assert known_codes(language) == set(ALL_CODES), language


@pytest.mark.django_db
def test_the_table_covers_every_state_loaded_from_the_reference_data():
    assert set(State.objects.values_list("code", flat=True)) == set(ALL_CODES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_form_is_present_and_clean(language):
    for code in ALL_CODES:
        forms = state_names(code, language)
        assert tuple(forms) == FORMS[language]
        for form, value in forms.items():
            assert value, (code, language, form)
            assert value == value.strip() and "  " not in value, (code, language, form)
        assert state_name_source(code, language) in SOURCES


def test_english_short_names_are_the_portals_state_names():
    for code, name in portal_codes().items():
        assert state_name(code, "en") == name


@pytest.mark.parametrize("language", ["ar", "ru", "zh-hans"])
def test_non_latin_languages_have_no_latin_letters_left(language):
    for code in ALL_CODES:
        for form, value in state_names(code, language).items():
            letters = [char for char in value if char.isalpha()]
            assert letters, (code, form)
            assert all(SCRIPTS[language] in unicodedata.name(char) for char in letters), (
                code,
                form,
                value,
            )


# Names the UN writes as in English although CLDR translates them (UNTERM: "Kenya" in Spanish,
# "Iraq" in French and Spanish, "Viet Nam", "Timor-Leste", "Türkiye" ...).
UN_SAME_AS_ENGLISH = {
    "fr": {"BLZ", "CPV", "GTM", "GUY", "IRQ", "MMR", "SLV", "SWZ", "TLS", "TUR", "VNM"},
    "es": {
        "AND",
        "BEN",
        "BGD",
        "BRN",
        "BWA",
        "CIV",
        "DJI",
        "FJI",
        "GNB",
        "IRQ",
        "KEN",
        "LSO",
        "MMR",
        "MWI",
        "PLW",
        "QAT",
        "RWA",
        "SUR",
        "SWZ",
        "TCD",
        "TLS",
        "TUR",
        "VNM",
        "ZWE",
    },
}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_english_name_is_left_where_a_translation_exists(language):
    """Where CLDR (django-countries) has a name other than the English one, so does the table."""
    english = {code: state_name(code, "en") for code in ALL_CODES}
    for code in ALL_CODES:
        alpha2 = countries.alpha2(code)
        if not alpha2:
            continue  # the European Union has no ISO 3166 code; checked by hand below
        with translation.override(language):
            cldr_translated = str(countries.name(alpha2))
        if cldr_translated != english[code] and code not in UN_SAME_AS_ENGLISH[language]:
            assert state_name(code, language) != english[code], code


def test_the_issues_examples_exactly():
    assert state_name("KEN", "fr", "name") == "le Kenya"
    assert state_name("KEN", "fr", "name_de") == "du Kenya"
    assert state_name("KEN", "fr", "name_a") == "au Kenya"
    assert state_name("NLD", "fr", "name") == "les Pays-Bas"
    assert state_name("NLD", "fr", "name_de") == "des Pays-Bas"
    assert state_name("NLD", "fr", "name_a") == "aux Pays-Bas"
    assert state_name("CIV", "fr", "name") == "la Côte d'Ivoire"
    assert state_name("CIV", "fr", "name_de") == "de la Côte d'Ivoire"
    assert state_name("CIV", "fr", "name_a") == "à la Côte d'Ivoire"
    assert state_name("KEN", "fr", "government") == "le Gouvernement du Kenya"
    assert state_name("NLD", "fr", "government") == "le Gouvernement des Pays-Bas"
    assert state_name("CIV", "fr", "government_de") == "du Gouvernement de la Côte d'Ivoire"
    assert state_name("KEN", "es", "name") == "Kenya"
    assert state_name("NLD", "es", "name_a") == "a los Países Bajos"
    assert state_name("KEN", "es", "government_a") == "al Gobierno de Kenya"
    assert state_name("KEN", "es", "government_de") == "del Gobierno de Kenya"
    assert state_name("NLD", "es", "government") == "el Gobierno de los Países Bajos"
    assert state_name("KEN", "ru", "government") == "Правительство Кении"
    assert state_name("NLD", "ru", "government_dat") == "Правительству Нидерландов"
    assert state_name("NLD", "en", "government") == "the Government of the Netherlands"
    assert state_name("KEN", "ar", "government") == "حكومة كينيا"
    assert state_name("KEN", "zh-hans", "government") == "肯尼亚政府"


def test_french_names_without_article_elide_or_not_as_french_does():
    assert state_name("ISR", "fr", "name") == "Israël"
    assert state_name("ISR", "fr", "name_de") == "d'Israël"
    assert state_name("CUB", "fr", "government") == "le Gouvernement de Cuba"
    assert state_name("MDG", "fr", "name_a") == "à Madagascar"
    assert state_name("HND", "fr", "name_de") == "du Honduras"  # h aspiré: no elision


def test_spanish_contractions_and_the_article_inside_el_salvador():
    assert state_name("PER", "es", "name_de") == "del Perú"
    assert state_name("ARG", "es", "government") == "el Gobierno de la Argentina"
    assert state_name("SLV", "es", "government") == "el Gobierno de El Salvador"
    assert state_name("USA", "es", "name_a") == "a los Estados Unidos de América"


def test_russian_declension_of_compound_and_indeclinable_names():
    assert state_name("GBR", "ru", "name_gen") == (
        "Соединенного Королевства Великобритании и Северной Ирландии"
    )
    assert state_name("PER", "ru", "government") == "Правительство Перу"
    assert state_name("EGY", "ru", "name_gen") == "Египта"
    assert state_name("PHL", "ru", "name_dat") == "Филиппинам"


@pytest.mark.parametrize(
    ("language", "form", "expected"),
    [
        ("en", "government", "the European Union"),
        ("fr", "government", "l'Union européenne"),
        ("fr", "government_de", "de l'Union européenne"),
        ("fr", "government_a", "à l'Union européenne"),
        ("es", "government_a", "a la Unión Europea"),
        ("ru", "government_dat", "Европейскому союзу"),
        ("ar", "government", "الاتحاد الأوروبي"),
        ("zh-hans", "government", "欧洲联盟"),
    ],
)
def test_the_european_union_is_addressed_as_itself(language, form, expected):
    assert state_name("EUU", language, form) == expected


def test_only_the_holy_see_and_the_eu_are_addressed_without_a_government():
    patterns = {
        "en": r"^the Government of ",
        "fr": r"^le Gouvernement (du |des |de |d')",
        "es": r"^el Gobierno de",
        "ru": r"^Правительство ",
        "ar": r"^حكومة ",
        "zh-hans": r"政府$",
    }
    for language, pattern in patterns.items():
        without = {
            c for c in ALL_CODES if not re.search(pattern, state_name(c, language, "government"))
        }
        assert without == {"VAT", "EUU"}, language


def test_french_contractions_agree_with_the_article_of_every_name():
    expected = {"le ": ("du ", "au "), "les ": ("des ", "aux "), "la ": ("de la ", "à la ")}
    for code in ALL_CODES:
        name, de, a = (state_name(code, "fr", form) for form in ("name", "name_de", "name_a"))
        for article, (after_de, after_a) in expected.items():
            if name.startswith(article):
                rest = name.removeprefix(article)
                assert (de, a) == (after_de + rest, after_a + rest), code


def test_lookups_accept_djangos_language_codes_and_say_what_is_wrong():
    assert normalize_language("zh-Hans") == "zh-hans"
    assert normalize_language("zh_Hans") == "zh-hans"
    assert normalize_language("es-419") == "es"
    assert state_name("ken", "zh_Hans") == "肯尼亚"
    with pytest.raises(UnknownStateName, match="no form 'name_de' in ru"):
        state_name("KEN", "ru", "name_de")
    with pytest.raises(UnknownStateName, match="no State with code 'XXX'"):
        state_name("XXX", "fr")
    with pytest.raises(UnknownStateName, match="no State names in 'de'"):
        state_name("KEN", "de")
