"""The current page in another language (the alternate links of every page), and lists joined
as the reader's language joins them."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import date_format, time_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_languages(context) -> list[tuple[str, str]]:
    """``(code, address)`` of the page being shown in each of the portal's languages."""
    request = context.get("request")
    if request is None:
        return []
    current = request.get_full_path()
    return [(code, translate_url(current, code)) for code, _name in settings.LANGUAGES]


@register.filter(needs_autoescape=True)
def join_list(items, attribute="", autoescape=True):
    """Items (or each item's ``attribute``) joined as the reader's language lists them: ", " in
    English, "، " in Arabic, "、" in Chinese (the separator is a catalogue entry of its own)."""
    separator = pgettext("list separator", ", ")
    escape = conditional_escape if autoescape else str
    parts = [escape(str(getattr(item, attribute) if attribute else item)) for item in items]
    return mark_safe(escape(separator).join(parts))  # noqa: S308 every part escaped above


@register.filter(expects_localtime=True)
def deadline_format(value, weekday=""):
    """A deadline to the second in the reader's language: the date in the language's own
    order and words (DATE_FORMAT), then the time ("23:59:59"); ``"weekday"`` adds the day."""
    if not value:
        return ""
    text = pgettext("a date, then a time", "%(date)s, %(time)s") % {
        "date": date_format(value, "DATE_FORMAT"),
        "time": time_format(value, "H:i:s"),
    }
    return f"{date_format(value, 'l')} {text}" if weekday else text
