"""Citations on pages, through the sources registry (``portal.sources``).

``{{ text|cite }}`` renders a citation text of the data (``guide: Figure 2``) as the
documents' authors, titles, symbols and dates with their locators;
``{% cite_source "guide" "footnote 15" %}`` cites one registered document where a template
names it in its own words. On a page in another language the citation is marked English.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from portal import sources

register = template.Library()


def _in_english(html):
    """The registered documents are English: on a page in another language their citation is
    marked as English and kept left to right, never translated."""
    if not html or (get_language() or "en") == "en":
        return html
    return format_html('<bdi lang="en" dir="ltr">{}</bdi>', html)


@register.filter
def cite(text):
    return _in_english(sources.render(text))


@register.simple_tag
def cite_source(key, locator=""):
    return _in_english(sources.cite(key, locator))
