"""Every public and signed-in page in the six languages: the right ``lang`` and ``dir``, never a
500, and on a non-English page no English sentence of the catalogue left untranslated."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings

from tests.engagement.conftest import organization, people  # noqa: F401 fixtures reused
from tests.i18n.catalogues import CATALOGUES, english_sentences
from tests.i18n.pages import pages, unvisited
from tests.portal.test_public_pages_facts import visible_text

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
HTML_TAG = re.compile(r"<html\b[^>]*>")


def in_language(url: str, language: str) -> str:
    return url if language == "en" else f"/{language}{url}"


def render_all(client, people, organization, language):  # noqa: F811 fixture values
    visited = pages(organization, people)
    for role, url in visited:
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        address = in_language(url, language)
        response = client.get(address)
        yield role, address, response


def test_every_page_of_the_url_configuration_is_visited(people, organization):  # noqa: F811
    assert unvisited(pages(organization, people)) == set()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_language_and_direction(client, people, organization, language):  # noqa: F811
    problems = []
    for role, address, response in render_all(client, people, organization, language):
        if response.status_code != 200:
            problems.append(f"{address} as {role}: {response.status_code}")
            continue
        tag = HTML_TAG.search(response.content.decode())
        want_dir = "rtl" if language == "ar" else "ltr"
        if not tag or f'lang="{language}"' not in tag[0] or f'dir="{want_dir}"' not in tag[0]:
            problems.append(f"{address} as {role}: {tag and tag[0]}")
    assert problems == []


# Pages that list records as they were written, in the language of their moment: the outbox
# shows each email's subject as sent, the letter exports each description as requested.
STORED_RECORDS = ("/staff/outbox/", "/staff/letters/exports/")


def without_english_content(page: str) -> str:
    """The page without the elements it marks as English (``lang="en"``): quoted sources,
    official English titles and stored texts that exist only in English, which a screen reader
    then reads with English rules. Everything else must be in the page's language."""
    parser = _EnglishContentRemover()
    parser.feed(page)
    parser.close()
    return "".join(parser.kept)


class _EnglishContentRemover(HTMLParser):
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "wbr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.kept, self.depth = [], 0  # depth > 0: inside an element marked English

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag not in self.VOID
        elif dict(attrs).get("lang") == "en" and tag != "html" and tag not in self.VOID:
            self.depth = 1
        else:
            self.kept.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        else:
            self.kept.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.depth:
            self.kept.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


@pytest.mark.translations
@pytest.mark.parametrize("locale", sorted(CATALOGUES))
def test_no_english_sentence_is_left_on_a_translated_page(client, people, organization, locale):  # noqa: F811
    sentences = english_sentences(locale)
    left = {}
    for _role, address, response in render_all(client, people, organization, CATALOGUES[locale]):
        if any(record in address for record in STORED_RECORDS):
            continue
        text = visible_text(without_english_content(response.content.decode()))
        for sentence in sentences:
            if sentence in text:
                left.setdefault(sentence, address)
    assert left == {}, f"{len(left)} English sentences left: {sorted(left.items())}"
