"""``{{ value|isolate }}``: text of one direction kept whole inside text of the other.

Wraps the value in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE (U+2068, U+2069), which
browsers and WeasyPrint (through Pango) both honour: "1 Main St" stays "1 Main St" in an
Arabic letter, and an Arabic name keeps its order in an English one. WeasyPrint ignores
``<bdi>`` and ``unicode-bidi: isolate``; these characters are invisible and drawn by no glyph.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

FSI, PDI = "\u2068", "\u2069"


@register.filter(is_safe=True)
def isolate(value):
    if value in ("", None):
        return ""
    return mark_safe(f"{FSI}{conditional_escape(value)}{PDI}")  # noqa: S308 - escaped above
