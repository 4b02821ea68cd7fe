"""Citations on pages, through the sources registry (``portal.sources``).

``{{ text|cite }}`` renders a citation text of the data (``guide: Figure 2``) as the
documents' authors, titles, symbols and dates with their locators;
``{% cite_source "guide" "footnote 15" %}`` cites one registered document where a template
names it in its own words.
"""

from django import template

from portal import sources

register = template.Library()


@register.filter
def cite(text):
    return sources.render(text)


@register.simple_tag
def cite_source(key, locator=""):
    return sources.cite(key, locator)
