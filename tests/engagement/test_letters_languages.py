"""The two letters in the six UN languages, for Kenya, the Netherlands and Côte d'Ivoire.

Each of the 36 PDFs is rendered once for the module (about a quarter of a second each); the
tests read its text (``portal.pdf_text``) and its fonts' glyphs. The State's name must stand in
the expected phrase in the letter's language, in the form the table of State names gives
(``reviews.state_names``), and no character may lack a glyph (WeasyPrint's ".notdef" warning,
and glyph 0 in the content stream).
"""

import io
import logging
import re
from itertools import product

import pytest
from django.template.loader import render_to_string
from pypdf import PdfReader

from engagement import letters
from portal.pdf_text import pdf_text
from reviews.state_names import state_names
from tests.portal.test_pdf_scripts import glyphs_by_font

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
KINDS = [letters.PLEDGE, letters.FOCAL_POINT]
STATES = ["KEN", "NLD", "CIV"]

# Where each letter names the State's government, with the form of the name each phrase takes.
PHRASES = {
    ("ar", letters.PLEDGE): ["ندعو {government} إلى التوقيع", "وُقِّع باسم {government}:"],
    ("ar", letters.FOCAL_POINT): ["عملية استعراض تنفيذ {government} لاتفاقية"],
    ("zh-hans", letters.PLEDGE): ["我们邀请{government}签署", "代表{government}签署："],
    ("zh-hans", letters.FOCAL_POINT): ["{government}即将在"],
    ("en", letters.PLEDGE): ["we invite {government} to sign", "Signed for {government}:"],
    ("en", letters.FOCAL_POINT): ["{Government} will shortly be reviewed"],
    ("fr", letters.PLEDGE): ["nous invitons {government} à signer", "Signé pour {government} :"],
    ("fr", letters.FOCAL_POINT): ["{Government} fera prochainement l'objet d'un examen"],
    ("ru", letters.PLEDGE): ["мы призываем {government} подписать", "За {government}:"],
    ("ru", letters.FOCAL_POINT): ["{Government} в ближайшее время будет проходить обзор"],
    ("es", letters.PLEDGE): [
        "invitamos {government_a} a firmar",
        "Firmado en nombre {government_de}:",
    ],
    ("es", letters.FOCAL_POINT): ["{Government} será objeto próximamente de examen"],
}
UNOFFICIAL = {
    "ar": "ترجمة غير رسمية",
    "zh-hans": "非正式译文",
    "fr": "Traduction non officielle",
    "ru": "Неофициальный перевод",
    "es": "Traducción no oficial",
}
# Latin digits inside an Arabic line come out of the PDF in the order they are drawn in.
DATES = {
    "ar": "(14 مارس 2027|2027 مارس ?14)",
    "zh-hans": "2027年3月14日",
    "en": "14 March 2027",
    "fr": "14 mars 2027",
    "ru": "14 марта 2027 г.",
    "es": "14 de marzo de 2027",
}
# Paragraph 23 of the Procedures and Rules, in another language than English, is the
# letter's own translation and says so; it is not set in quotation marks.
OWN_TRANSLATION = {
    "ar": "التي نوردها هنا في ترجمتنا غير الرسمية",
    "zh-hans": "此处为我们的非正式译文",
    "fr": "que nous citons ici dans notre traduction non officielle",
    "ru": "приводится в нашем неофициальном переводе",
    "es": "que citamos aquí en nuestra traducción no oficial",
}
QUOTATION_MARKS = "«»“”„‘’\"'"
# The glossary's terms (locale/GLOSSARY.md rows 2, 4, 8, 10, 21) as the focal-point letter uses
# them (a Russian noun may be declined, so its stem).
GLOSSARY_TERMS = {
    "ar": ["مؤتمر الأطراف", "آلية الاستعراض", "جهة الوصل", "الدولة الطرف المستعرضة",
           "قائمة التقييم الذاتي"],
    "zh-hans": ["缔约方会议", "审议机制", "联络人", "被审议缔约国", "自评调查表"],
    "fr": ["Conférence des Parties", "Mécanisme d'examen", "point de contact",
           "État partie examiné", "questionnaire d'auto-évaluation"],
    "ru": ["Конференции участников", "Механизма обзора", "координатор",
           "в отношении которого проводится обзор", "вопросник для самооценки"],
    "es": ["Conferencia de las Partes", "Mecanismo de Examen", "coordinador",
           "Estado parte examinado", "cuestionario de autoevaluación"],
}  # fmt: skip


def letter_input(kind: str, language: str, code: str) -> dict:
    government = letters.default_government(language, code)
    return {
        "kind": kind,
        "language": language,
        "state": code,
        "date": "2027-03-14",
        "government": government,
        "recipient_name": "Ms. Focal Point",
        "recipient_title": "Ministry of Justice",
        "recipient_address": "1 Main Street",
        "issues": "trafficking in persons",
        "intro": letters.default_intro(language, code, government),
        "review_context": "",
        "signatory_name": "Amina Example",
        "signatory_function": "Director",
        "contact_details": "amina@example.org",
        "organization_name": "Demo Coalition",
        "organization_address": "PO Box 12",
        "organization_email": "info@example.org",
        "organization_phone": "+43 1 234",
        "organization_website": "https://example.org",
        "organization_logo": "",
    }


def flat(text: str, language: str) -> str:
    """The text on one line: Chinese without spaces (lines break anywhere), other languages
    with single spaces; typographic apostrophes as plain ones; Arabic without its vowel
    marks (a mark stacked on another is extracted twice)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("-\n", "-")
    if language == "ar":
        text = re.sub("[\u064b-\u0652]", "", text)
    return re.sub(r"\s+", "" if language == "zh-hans" else " ", text)


class NotdefWarnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        if ".notdef" in record.getMessage():
            self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def rendered():
    """{(language, kind, code): (text on one line, glyphs by font, .notdef warnings)}."""
    logger = logging.getLogger("weasyprint")
    result = {}
    for language, kind, code in product(LANGUAGES, KINDS, STATES):
        handler = NotdefWarnings()
        logger.addHandler(handler)
        try:
            data = letters.letter_pdf(letter_input(kind, language, code))
        finally:
            logger.removeHandler(handler)
        glyphs = glyphs_by_font(PdfReader(io.BytesIO(data)))
        text = flat(pdf_text(data).text, language)
        result[language, kind, code] = (text, glyphs, handler.messages)
    return result


@pytest.mark.parametrize("code", STATES)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_letter_names_the_state_in_its_language_in_the_expected_phrase(
    rendered, language, kind, code
):
    text = rendered[language, kind, code][0]
    forms = state_names(code, language)
    forms["Government"] = forms["government"][:1].upper() + forms["government"][1:]
    for phrase in PHRASES[language, kind]:
        assert flat(phrase.format(**forms), language) in text


@pytest.mark.parametrize(
    ("language", "code", "words"),
    [
        ("en", "NLD", "we invite the Government of the Netherlands to sign"),
        ("fr", "KEN", "nous invitons le Gouvernement du Kenya à signer"),
        ("fr", "NLD", "Signé pour le Gouvernement des Pays-Bas :"),
        ("fr", "CIV", "nous invitons le Gouvernement de la Côte d'Ivoire à signer"),
        ("es", "KEN", "invitamos al Gobierno de Kenya a firmar"),
        ("es", "NLD", "Firmado en nombre del Gobierno de los Países Bajos:"),
        ("es", "CIV", "invitamos al Gobierno de Côte d'Ivoire a firmar"),
        ("ru", "NLD", "мы призываем Правительство Нидерландов подписать"),
        ("ru", "CIV", "За Правительство Кот-д'Ивуара:"),
        ("ar", "KEN", "ندعو حكومة كينيا إلى التوقيع"),
        ("ar", "NLD", "ندعو حكومة هولندا إلى التوقيع"),
        ("zh-hans", "CIV", "我们邀请科特迪瓦政府签署"),
    ],
)
def test_the_pledge_s_grammar_word_for_word(rendered, language, code, words):
    """The same phrases, written out: articles and prepositions joined as each language joins
    them, never "a el Gobierno" nor "le Gouvernement de Netherlands"."""
    text = rendered[language, letters.PLEDGE, code][0]
    assert flat(words, language) in text
    wrong = r"\b(a|de) el Gobierno|Gouvernement de (Kenya|Pays|Côte)|of Netherlands|Kingdom of"
    assert not re.search(wrong, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_glyph_is_present_in_the_right_font(rendered, language):
    for kind, code in product(KINDS, STATES):
        _text, glyphs, notdef = rendered[language, kind, code]
        assert notdef == []
        assert all(0 not in ids for ids in glyphs.values()), glyphs.keys()  # 0 is .notdef
        if language == "ar":
            assert "Amiri" in glyphs and "Noto-Naskh-Arabic" not in glyphs
        if language == "zh-hans":
            assert "Noto-Sans-CJK-SC" in glyphs


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_say_they_are_unofficial_and_date_in_their_language(rendered, language):
    for kind in KINDS:
        text = rendered[language, kind, "KEN"][0]
        date = DATES[language] if language == "ar" else re.escape(DATES[language])
        dated = re.search(flat(date, language), text)
        assert dated
        labels = [label for label in UNOFFICIAL.values() if flat(label, language) in text]
        assert labels == ([] if language == "en" else [UNOFFICIAL[language]])
        if language != "en":  # above the date, and the full note at the end
            label = flat(UNOFFICIAL[language], language)
            assert text.index(label) < dated.start()
            assert flat(letters.TEXTS[language].unofficial_note, language) in text


@pytest.mark.parametrize("language", sorted(OWN_TRANSLATION))
def test_paragraph_23_is_marked_as_the_letter_s_translation_not_quoted(rendered, language):
    text = rendered[language, letters.FOCAL_POINT, "KEN"][0]
    assert flat(OWN_TRANSLATION[language], language) in text
    paragraph = text.split(flat(OWN_TRANSLATION[language], language))[1][:400]
    assert not set(paragraph) & set(QUOTATION_MARKS.replace("'", "")), paragraph


@pytest.mark.parametrize("language", sorted(GLOSSARY_TERMS))
def test_the_letters_use_the_glossary_s_terms(rendered, language):
    text = rendered[language, letters.FOCAL_POINT, "NLD"][0]
    missing = [t for t in GLOSSARY_TERMS[language] if flat(t, language) not in text]
    assert missing == []


def test_the_english_letter_quotes_paragraph_23_as_the_guide_does(rendered):
    assert (
        "explains that 'The State party under review is encouraged"
        in (rendered["en", letters.FOCAL_POINT, "KEN"][0])
    )


def test_an_arabic_letter_runs_right_to_left_and_others_left_to_right():
    for language in LANGUAGES:
        context = letters.letter_context(
            letter_input(letters.PLEDGE, language, "KEN"), for_pdf=True
        )
        html = render_to_string("pdf/engagement/letter.html", context)
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert f'<article class="letter" lang="{language}" dir="{direction}">' in html


def test_what_users_type_keeps_its_own_direction_inside_an_arabic_letter(rendered):
    letter = letter_input(letters.FOCAL_POINT, "ar", "KEN")
    html = letters.letter_html(letter | {"issues": "<b>trafficking</b> in persons"})
    assert "<bdi>&lt;b&gt;trafficking&lt;/b&gt; in persons</bdi>" in html
    assert "<p><bdi>1 Main Street</bdi></p>" in html
    # In the PDF the address reads as typed, not "Main Street 1" (digits run right to left).
    assert " 1 Main Street " in rendered["ar", letters.FOCAL_POINT, "KEN"][0]


@pytest.mark.parametrize(
    ("typed", "forms"),
    [
        (
            "el Gobierno Federal de Somalia",
            ("del Gobierno Federal de Somalia", "al Gobierno Federal de Somalia"),
        ),
        ("la Junta de Gobierno", ("de la Junta de Gobierno", "a la Junta de Gobierno")),
        ("El Consejo", ("del Consejo", "al Consejo")),
    ],
)
def test_a_spanish_government_the_user_typed_joins_its_article(typed, forms):
    derived = letters.government_forms("es", "SOM", typed)
    assert (derived["government_de"], derived["government_a"]) == forms
    assert letters.default_intro("es", "SOM", typed).startswith("En el marco")
    assert f"invitamos {forms[1]} a firmar" in letters.default_intro("es", "SOM", typed)


def test_the_table_s_forms_are_used_for_the_table_s_designation():
    assert letters.government_forms("es", "NLD", "el Gobierno de los Países Bajos") == {
        "government": "el Gobierno de los Países Bajos",
        "government_de": "del Gobierno de los Países Bajos",
        "government_a": "al Gobierno de los Países Bajos",
    }
    assert letters.letter_language("ru") == "ru"
    assert letters.letter_language("") == letters.letter_language("de") == "en"
