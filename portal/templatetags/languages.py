"""The current page in another language, for the alternate links of every page."""

from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_languages(context) -> list[tuple[str, str]]:
    """``(code, address)`` of the page being shown in each of the portal's languages."""
    request = context.get("request")
    if request is None:
        return []
    current = request.get_full_path()
    return [(code, translate_url(current, code)) for code, _name in settings.LANGUAGES]
