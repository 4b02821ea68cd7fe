"""The two letters organizations send: the engagement and transparency pledge (seed 002
L633-648) and the letter to a State party's focal point (seed 002 L650-673).

A letter is rendered from one dict of plain values (kept as the letter's exact input), so a
letter can be downloaded again or generated anew from a copy of its input. The same template
gives the HTML preview and the PDF.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from portal.pdf import PDF_ORIGIN, render_pdf

PLEDGE = "pledge"
FOCAL_POINT = "focal_point"
KINDS = [
    (PLEDGE, _("Engagement and transparency pledge")),
    (FOCAL_POINT, _("Letter to a State party's focal point")),
]
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French (unofficial translation)")),
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


@dataclass(frozen=True)
class LanguageTexts:
    date_format: str
    title: dict
    heading: dict
    default_government: str
    default_intro: str
    unofficial_note: str


TEXTS = {
    "en": LanguageTexts(
        date_format="j F Y",
        title={
            PLEDGE: "Civil society engagement and transparency pledge",
            FOCAL_POINT: "UNTOC Review Mechanism self-assessment",
        },
        heading={PLEDGE: "", FOCAL_POINT: "UNTOC Review Mechanism self-assessment"},
        default_government="the Government of {state}",
        default_intro=(
            "As the Review Mechanism of the United Nations Convention against Transnational "
            "Organized Crime proceeds, we invite {government} to sign the civil society "
            "engagement and transparency pledge below and to make it public."
        ),
        unofficial_note="",
    ),
    "fr": LanguageTexts(
        date_format="j F Y",
        title={
            PLEDGE: "Engagement en faveur de la participation de la société civile et de "
            "la transparence",
            FOCAL_POINT: "Mécanisme d’examen de l’UNTOC : auto-évaluation",
        },
        heading={PLEDGE: "", FOCAL_POINT: "Mécanisme d’examen de l’UNTOC : auto-évaluation"},
        default_government="le Gouvernement de {state}",
        default_intro=(
            "Alors que le Mécanisme d’examen de la Convention des Nations Unies contre la "
            "criminalité transnationale organisée se poursuit, nous invitons {government} à "
            "signer l’engagement ci-dessous et à le rendre public."
        ),
        unofficial_note=(
            "Traduction non officielle du modèle publié en anglais dans le Guide pour la "
            "participation de la société civile au Mécanisme d’examen (ONUDC et Global "
            "Initiative against Transnational Organized Crime)."
        ),
    ),
    "es": LanguageTexts(
        date_format=r"j \d\e F \d\e Y",
        title={
            PLEDGE: "Compromiso de participación de la sociedad civil y de transparencia",
            FOCAL_POINT: "Mecanismo de Examen de la UNTOC: autoevaluación",
        },
        heading={PLEDGE: "", FOCAL_POINT: "Mecanismo de Examen de la UNTOC: autoevaluación"},
        default_government="el Gobierno de {state}",
        default_intro=(
            "En el marco del Mecanismo de Examen de la Convención de las Naciones Unidas contra "
            "la Delincuencia Organizada Transnacional, invitamos a {government} a firmar el "
            "compromiso que figura a continuación y a hacerlo público."
        ),
        unofficial_note=(
            "Traducción no oficial del modelo publicado en inglés en la Guía para la "
            "participación de la sociedad civil en el Mecanismo de Examen (UNODC y Global "
            "Initiative against Transnational Organized Crime)."
        ),
    ),
}


def default_government(language: str, state_name: str) -> str:
    """The government's designation as the letter's language writes it (editable)."""
    return TEXTS[language].default_government.format(state=state_name)


def default_intro(language: str, government: str) -> str:
    return TEXTS[language].default_intro.format(government=government)


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
        "logo_url": logo_url,
        "sender_contacts": [contact for contact in contacts if contact],
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
