"""``{{ text|cite }}``: the portal's reference data name their source documents by short
keys ("seed 002 L416", "seed001 line 428"); readers see the documents' titles instead."""

import re

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

DOCUMENTS = {
    "0": _("UNODC, Toolkit on Stakeholder Engagement (2020)"),
    "1": _("UNODC, UNTOC at 20 (2020)"),
    "2": _("UNODC and GI-TOC, Guide for civil society engagement with the Review Mechanism"),
    "3": _("Compilation of working-group recommendations and chair's observations (April 2024)"),
    "4": _("UNODC Civil Society Team, web page"),
}
KEY = re.compile(r"\b[Ss]eed ?0{0,2}([0-4])\b,?")
LINES = re.compile(r"\bL(\d+)(?:-(\d+))?\b")


@register.filter
def cite(text: str) -> str:
    """Replace each document key in ``text`` with the document's title; the rest (line or
    figure numbers) stays as it is."""
    text = KEY.sub(lambda match: f"{DOCUMENTS[match.group(1)]},", str(text or ""))
    return LINES.sub(_lines, text)


def _lines(match) -> str:
    first, last = match.groups()
    if last:
        return str(_("lines %(first)s-%(last)s") % {"first": first, "last": last})
    return str(_("line %(number)s") % {"number": first})
