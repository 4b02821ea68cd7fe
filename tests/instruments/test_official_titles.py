"""Official titles in six languages: what is covered; nothing else poses as official."""

import json
import unicodedata

from django.conf import settings

SOURCES = settings.BASE_DIR / "fixtures" / "sources"
LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
SCRIPTS = {"ar": "ARABIC", "ru": "CYRILLIC", "zh-hans": "CJK"}


def _load(name):
    return json.loads((SOURCES / name).read_text(encoding="utf-8"))


def _instruments():
    fixture = json.loads((settings.BASE_DIR / "fixtures" / "instruments.json").read_text())
    return {
        row["fields"]["code"]: row["fields"]
        for row in fixture
        if row["model"].endswith("instrument")
    }


def test_every_instrument_has_its_official_title_in_all_six_languages():
    titles = _load("instrument_titles.json")["instruments"]
    assert set(titles) == set(_instruments()) == {"UNTOC", "TIP", "SOM", "FIREARMS"}
    for code, per_language in titles.items():
        assert set(per_language) == set(LANGUAGES)
        assert per_language["en"]["title"] == _instruments()[code]["name"]
        for language, entry in per_language.items():
            assert entry["official"] is True and entry["title"] and entry["source"], (
                code,
                language,
            )
            if language in SCRIPTS:
                letters = [c for c in entry["title"] if c.isalpha()]
                assert all(SCRIPTS[language] in unicodedata.name(c) for c in letters), (
                    code,
                    language,
                )
            elif language != "en":
                assert entry["title"] != per_language["en"]["title"], (code, language)


def test_protocol_titles_name_the_convention_they_supplement():
    convention = {
        "en": "United Nations Convention against Transnational Organized Crime",
        "fr": "Convention des Nations Unies contre la criminalité transnationale organisée",
        "es": "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
        "ru": "Конвенцию Организации Объединенных Наций против транснациональной организованной",
        "ar": "لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
        "zh-hans": "联合国打击跨国有组织犯罪公约",
    }
    titles = _load("instrument_titles.json")["instruments"]
    for code in ("TIP", "SOM", "FIREARMS"):
        for language, name in convention.items():
            assert name in titles[code][language]["title"], (code, language)


def test_every_article_title_is_covered_and_only_english_is_marked_official():
    articles = json.loads((SOURCES / "articles.json").read_text())
    titles = _load("article_titles.json")["articles"]
    assert [(t["instrument"], t["number"]) for t in titles] == [
        (a["instrument"], a["number"]) for a in articles
    ]
    assert len(titles) == 107
    for entry, article in zip(titles, articles, strict=True):
        assert entry["en"] == {**entry["en"], "title": article["title"], "official": True}
        for language in ("ar", "zh-hans", "fr", "ru", "es"):
            translated = entry[language]
            if translated["official"]:
                assert translated.get("source") and translated["title"] != article["title"]
            else:
                # Shown in English, marked as English: never an own translation posing as official.
                assert translated == {
                    "title": article["title"],
                    "official": False,
                    "english_only": True,
                }
    official = sum(
        entry[lang]["official"] for entry in titles for lang in LANGUAGES if lang != "en"
    )
    assert official == 0  # coverage achieved: no non-English article heading was at hand
