"""A State's name in the reader's language where a page has only its code and English name
(the drawing-of-lots simulator's rows): ``{{ row.code|state_local_name:row.name }}``."""

from django import template
from django.utils.translation import get_language

from ..state_names import UnknownStateName, state_name

register = template.Library()


@register.filter
def state_local_name(code: str, english: str = "") -> str:
    language = get_language() or "en"
    if language == "en":
        return english or code
    try:
        return state_name(code, language, "short")
    except UnknownStateName:
        return english or code
