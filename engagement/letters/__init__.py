"""The two letters organizations send: the engagement and transparency pledge (seed 002
L633-648) and the letter to a State party's focal point (seed 002 L650-673).

Each is written in Arabic, Chinese, English, French, Russian and Spanish; English is the
guide's official text, the others say they are unofficial translations (``texts``). The
State is named from the table of State names, in the form each sentence needs.

A letter is rendered from one dict of plain values (kept as the letter's exact input), so a
letter can be downloaded again or generated anew from a copy of its input. The same template
gives the HTML preview and the PDF.
"""

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from portal.pdf import PDF_ORIGIN, render_pdf
from reviews.state_names import UnknownStateName, state_names

from .texts import FOCAL_POINT, PLEDGE, TEXTS

__all__ = ["FOCAL_POINT", "PLEDGE", "TEXTS"]

KINDS = [
    (PLEDGE, _("Engagement and transparency pledge")),
    (FOCAL_POINT, _("Letter to a State party's focal point")),
]
# In the UN's order; English is the guide's official text, the others are translations.
LANGUAGES = [
    ("ar", _("Arabic (unofficial translation)")),
    ("zh-hans", _("Chinese (unofficial translation)")),
    ("en", _("English")),
    ("fr", _("French (unofficial translation)")),
    ("ru", _("Russian (unofficial translation)")),
    ("es", _("Spanish (unofficial translation)")),
]
RTL_LANGUAGES = frozenset({"ar"})

# Limits keep letters to what a letter can hold; the form says so before the user hits them.
LIMITS = {
    "government": 200,
    "recipient_name": 200,
    "recipient_title": 200,
    "recipient_address": 500,
    "issues": 600,
    "intro": 1500,
    "review_context": 600,
    "signatory_name": 200,
    "signatory_function": 200,
    "contact_details": 500,
    "organization_name": 300,
    "organization_address": 500,
}

# The forms of the government's designation the texts use besides the nominative
# ``government``: Spanish contracts "a"/"de" with the article ("al Gobierno", "del Gobierno").
GOVERNMENT_FORMS = {"es": ("government_de", "government_a")}


def letter_language(code: str | None) -> str:
    """``code`` if letters are written in it, else English (e.g. a user's page language)."""
    return code if code in TEXTS else "en"


def default_government(language: str, state_code: str) -> str:
    """The government's designation as the letter's language writes it (editable), from the
    table of State names (``reviews.state_names``)."""
    return state_names(state_code, language)["government"]


def _typed_forms(language: str, government: str) -> dict:
    """The forms of a designation the user typed (not in the table): in Spanish, "el" joins
    "a" and "de" as "al" and "del"; other words are kept as typed."""
    forms = {"government": government}
    if language == "es":
        head, _space, rest = government.partition(" ")
        contracted = head.lower() == "el" and rest
        forms["government_de"] = f"del {rest}" if contracted else f"de {government}"
        forms["government_a"] = f"al {rest}" if contracted else f"a {government}"
    return forms


def government_forms(language: str, state_code: str, government: str) -> dict:
    """The forms the letter's texts need of ``government``: the table's when it is the
    table's designation of the State, else derived from what the user typed."""
    try:
        names = state_names(state_code, language)
    except UnknownStateName:
        names = {}
    if names.get("government") == government:
        return {form: names[form] for form in ("government", *GOVERNMENT_FORMS.get(language, ()))}
    return _typed_forms(language, government)


def default_intro(language: str, state_code: str, government: str) -> str:
    forms = government_forms(language, state_code, government)
    return TEXTS[language].default_intro.format(**forms)


def letter_title(letter: dict) -> str:
    return TEXTS[letter["language"]].title[letter["kind"]]


def _date_text(letter: dict) -> str:
    with translation.override(letter["language"]):
        return formats.date_format(
            date.fromisoformat(letter["date"]), TEXTS[letter["language"]].date_format
        )


def letter_context(letter: dict, *, for_pdf: bool, logo_url: str = "") -> dict:
    """The template context for ``letter`` (a dict of plain values, see ``LIMITS``). A PDF
    reads the logo from the storage through the renderer's own address; a page shows it
    from ``logo_url``, the checked address of the organization's logo."""
    language = letter["language"]
    texts = TEXTS[language]
    logo = letter.get("organization_logo") or ""
    if for_pdf:
        logo_url = f"{PDF_ORIGIN}{settings.MEDIA_URL}{logo}" if logo else ""
    contacts = [
        letter.get(key)
        for key in ("organization_email", "organization_phone", "organization_website")
    ]
    return {
        "letter": letter,
        "language": language,
        "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
        "title": letter_title(letter),
        "heading": texts.heading[letter["kind"]],
        "date_text": _date_text(letter),
        "body_template": f"engagement/letters/texts/{letter['kind']}/{language}.html",
        "gov": government_forms(language, letter.get("state", ""), letter.get("government", "")),
        "logo_url": logo_url,
        "sender_contacts": [contact for contact in contacts if contact],
        "unofficial_label": texts.unofficial_label,
        "unofficial_note": texts.unofficial_note,
    }


def letter_html(letter: dict, *, logo_url: str = "") -> str:
    """The letter as an HTML fragment for the live preview (same body as the PDF)."""
    return render_to_string(
        "engagement/letters/letter_body.html",
        letter_context(letter, for_pdf=False, logo_url=logo_url),
    )


def letter_pdf(letter: dict, *, archival: bool = False) -> bytes:
    """The letter as an A4 PDF; ``archival`` gives the PDF/A-3b variant."""
    return render_pdf(
        "pdf/engagement/letter.html",
        letter_context(letter, for_pdf=True),
        pdf_variant="pdf/a-3b" if archival else None,
    )
