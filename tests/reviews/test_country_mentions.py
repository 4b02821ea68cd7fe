"""The country-mention check: every State in every language, the data table, and the API."""

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviews import state_names
from reviews.country_mentions import (
    LANGUAGES,
    find_country_mentions,
    highlight_segments,
    mentioned_codes,
)
from reviews.country_mentions.lexicon import BRACKETED, FLAGS, KINDS, data_dir

# A neutral sentence around a name in each language (a preposition before it, so that rules
# reading the word before, such as the Arabic cue for مالي, see a plain context).
SENTENCES = {
    "en": "We work with partners in {} every day.",
    "fr": "Nous travaillons avec des partenaires : {} est concerné.",
    "es": "Trabajamos con socios en {} cada día.",
    "ru": "Мы работаем с партнерами в {} и других странах.",
    "ar": "نعمل مع شركاء في {} كل يوم.",
    "zh-hans": "我们与{}的伙伴合作。",
}


def _rows(language):
    return state_names._table(language).items()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_state_is_found_by_its_names_in_every_language(language):
    missed = []
    for code, row in _rows(language):
        forms = {BRACKETED.sub(" ", row["short"]).strip(), row["name"]}
        if language == "ru":
            forms |= {row["name_gen"], row["name_dat"]}
        for form in forms:
            text = SENTENCES[language].format(form)
            mentions = find_country_mentions(text)
            if not any(code in m.codes and m.text in form for m in mentions):
                missed.append((code, form, [(m.code, m.text) for m in mentions]))
    assert missed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_state_is_found_by_its_government_form_and_nothing_else(language):
    for code, row in _rows(language):
        mentions = find_country_mentions(SENTENCES[language].format(row["government"]))
        assert [code in m.codes for m in mentions] == [True], (code, row["government"])


def _data_rows(language):
    with (data_dir() / f"{language}.csv").open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


NOUN_AFTER = {"en": "{} authorities", "fr": "les autorités {}", "es": "las autoridades {}",
              "ru": "{} власти", "ar": "السلطات {}", "zh-hans": "{}"}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_form_of_the_data_table_is_found_with_its_states(language):
    missed = []
    for row in _data_rows(language):
        if row["kind"] == "block":
            continue
        for form in row["forms"].split("|"):
            form = form.split("/")[0]
            phrase = NOUN_AFTER[language].format(form) if row["kind"] == "demonym" else form
            text = SENTENCES[language].format(phrase)
            mentions = find_country_mentions(text)
            wanted = row["code"].split()
            if not any(set(wanted) <= set(m.codes) for m in mentions):
                missed.append((row["code"], form, [(m.codes, m.text) for m in mentions]))
    assert missed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_phrase_of_the_block_list_is_a_state(language):
    for row in _data_rows(language):
        if row["kind"] != "block":
            continue
        for form in row["forms"].split("|"):
            form = form.split("/")[0]
            assert find_country_mentions(SENTENCES[language].format(form)) == [], form


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_table_names_known_states_kinds_and_flags(language):
    known = state_names.known_codes(language)
    for row in _data_rows(language):
        assert row["kind"] in KINDS, row
        assert set(row["flags"].split()) <= set(FLAGS), row
        assert set(row["code"].split()) <= known, row
        assert (row["kind"] == "block") == (row["code"] == ""), row
        assert all(form.strip() == form and form for form in row["forms"].split("|")), row


SAMPLE = (
    "Kenya and its neighbours: Uganda, the United Republic of Tanzania, Somalia. "
    "En français : le Kenya et l'Ouganda. В Кении и Уганде. في كينيا وأوغندا. 肯尼亚和乌干达。"
)


def test_spans_are_the_original_text():
    mentions = find_country_mentions(SAMPLE)
    assert len(mentions) == 12
    assert all(SAMPLE[m.start : m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_excluding_the_states_under_review():
    assert mentioned_codes(find_country_mentions(SAMPLE, exclude_codes=["ken", "UGA"])) == (
        "TZA",
        "SOM",
    )
    assert mentioned_codes(find_country_mentions(SAMPLE)) == ("KEN", "UGA", "TZA", "SOM")


def test_mentioned_codes_lists_every_candidate_of_an_ambiguous_mention_once():
    mentions = find_country_mentions("the Congo, the DRC, Korea and Kenya; Kenya again")
    assert mentioned_codes(mentions) == ("COG", "COD", "KOR", "PRK", "KEN")


def test_highlight_segments_cut_the_text_around_the_mentions():
    text = "Partners in Kenya & <Uganda>."
    segments = highlight_segments(text, find_country_mentions(text))
    assert "".join(piece for piece, _ in segments) == text
    assert [(piece, mention.code if mention else None) for piece, mention in segments] == [
        ("Partners in ", None),
        ("Kenya", "KEN"),
        (" & <", None),
        ("Uganda", "UGA"),
        (">.", None),
    ]
    assert highlight_segments("", []) == []


def test_languages_limit_the_forms_searched():
    text = "the Kenyan police, la policía keniana"
    assert [m.text for m in find_country_mentions(text, languages=["es"])] == ["keniana"]
    assert [m.languages for m in find_country_mentions("Kenya")] == [("en", "fr", "es")]
    with pytest.raises(ValueError, match="unknown languages"):
        find_country_mentions(text, languages=["de"])


def test_a_mention_says_its_kind():
    mentions = find_country_mentions("Kenya, Kenyan, кенийский, 肯尼亚")
    assert [(m.kind, m.ambiguous) for m in mentions] == [
        ("name", False),
        ("demonym", False),
        ("demonym", False),
        ("name", False),
    ]


def test_empty_and_plain_texts_have_no_mention():
    assert find_country_mentions("") == []
    assert find_country_mentions("The working group met in Vienna on trafficking.") == []


PIECES = st.sampled_from(
    ["Kenya", "Guinea-\nBissau", "Nige-\nria", "Côte d’Ivoire", "e\u0301", "\u00ad", "\u200b",
     "كينيا", "وبالسودان", "ـ", "َ", "Кении", "ё", "肯尼亚", "İ", " ", "\n", "-", "'", "."]
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=30))
def test_any_text_is_scanned_and_every_span_is_the_original(pieces):
    text = "".join(pieces)
    for mention in find_country_mentions(text):
        assert text[mention.start : mention.end] == mention.text
        assert mention.text.strip() == mention.text and mention.text
