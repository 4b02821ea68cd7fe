"""Instrument and article titles in the reader's language where an official one exists;
otherwise the English title, marked as English (``lang="en"`` and a translated note)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..titles import official_title

register = template.Library()


@register.simple_tag
def english_title(title: str):
    """An English title on a page in another language: marked as English, never translated."""
    if (get_language() or "en") == "en":
        return title
    return format_html(
        '<span lang="en" dir="ltr">{}</span> <small class="muted">{}</small>',
        title,
        _("(English title)"),
    )


@register.simple_tag
def instrument_title(instrument):
    """The instrument's official title in the page's language, or its English title marked."""
    language = get_language() or "en"
    title = official_title(instrument.code, language)
    return title if title and language != "en" else english_title(instrument.name)
