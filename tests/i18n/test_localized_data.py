"""Data in the reader's language: State names from the UN's lists, official instrument titles
(never a title of the portal's own), English article titles marked as English, dates in each
language's order and words, lists joined per language."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from engagement.forms.dialogues import WorkingGroupSessionForm
from engagement.forms.pledges import PledgeSignatureForm
from instruments.models import Article, Instrument
from instruments.titles import official_title
from tests.factories import DialogueFactory

pytestmark = pytest.mark.django_db
VIENNA = ZoneInfo("Europe/Vienna")


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fr", "Pays-Bas (Royaume des)"),
        ("ar", "هولندا"),
        ("zh-hans", "荷兰"),
        ("en", "Netherlands"),
    ],
)
def test_a_states_page_names_it_in_the_readers_language(client, language, name):
    prefix = "" if language == "en" else f"/{language}"
    page = client.get(f"{prefix}/reviews/states/NLD/").content.decode()
    assert f"<h1>{name}" in page


def test_the_states_list_and_pledge_tracker_name_states_in_the_readers_language(client):
    assert "كينيا" in client.get("/ar/reviews/states/").content.decode()
    assert "肯尼亚" in client.get("/zh-hans/pledges/").content.decode()
    assert "Côte d'Ivoire" in client.get("/fr/pledges/CIV/").content.decode().replace("&#x27;", "'")


def test_instrument_pages_show_the_official_title_of_each_language(client):
    convention = Instrument.objects.get(code="UNTOC")
    url = convention.get_absolute_url()
    for language in ("fr", "ru", "ar", "zh-hans", "es"):
        title = official_title("UNTOC", language)
        assert title and title != convention.name
        page = client.get(f"/{language}{url}").content.decode()
        assert f"<p>{title}</p>" in page, language
    english = client.get(url).content.decode()
    assert f"<p>{convention.name}</p>" in english and "(English title)" not in english


def test_an_article_title_without_an_official_translation_stays_english_and_says_so(client):
    article = Article.objects.select_related("instrument").get(instrument__code="UNTOC", number="5")
    url = article.get_absolute_url()
    page = client.get(f"/fr{url}").content.decode()
    with translation.override("fr"):
        note = translation.gettext("(English title)")
    assert (
        f'<span lang="en" dir="ltr">{article.title}</span> <small class="muted">{note}</small>'
        in page
    )
    english = client.get(url).content.decode()
    assert f"{article.title}</h1>" in english and "(English title)" not in english


def test_dates_follow_each_languages_order_and_words(client):
    dialogue = DialogueFactory(starts_at=dt.datetime(2027, 3, 14, 10, 0, tzinfo=VIENNA))
    url = dialogue.get_absolute_url()
    assert "14 March 2027" in client.get(url).content.decode()
    assert "14 mars 2027" in client.get(f"/fr{url}").content.decode()
    assert "2027年3月14日" in client.get(f"/zh-hans{url}").content.decode()
    assert "14 марта 2027" in client.get(f"/ru{url}").content.decode()


def test_lists_are_joined_with_the_languages_separator_and_escaped():
    template = Template("{% load languages %}{{ items|join_list }}")
    assert template.render(Context({"items": ["A", "<b>"]})) == "A, &lt;b&gt;"
    with translation.override("ar"):
        separator = translation.pgettext("list separator", ", ")
        assert template.render(Context({"items": ["أ", "ب"]})) == f"أ{separator}ب"


def test_citations_of_english_documents_are_marked_english_on_other_pages(client):
    french = client.get("/fr/reviews/").content.decode()
    english = client.get("/reviews/").content.decode()
    assert '<bdi lang="en" dir="ltr">' in french
    assert '<bdi lang="en" dir="ltr">' not in english


def test_the_simulator_names_states_in_the_readers_language(client):
    query = "?seed=2020&as_of=2025-01-01&state=KEN"
    arabic = client.get(f"/ar/reviews/simulator/{query}").content.decode()
    assert "كينيا" in arabic
    assert "Kenya in this draw" in client.get(f"/reviews/simulator/{query}").content.decode()


@pytest.mark.parametrize("language", ["zh-hans", "ru", "ar", "fr"])
def test_date_inputs_keep_the_browsers_iso_format_in_every_language(language):
    """A browser's date field reads only YYYY-MM-DD; a localized value would show it empty."""
    with translation.override(language):
        session = WorkingGroupSessionForm(initial={"starts_on": dt.date(2027, 3, 14)})
        pledge = PledgeSignatureForm(initial={"signed_on": dt.date(2027, 3, 14)})
        html = str(session["starts_on"]) + str(pledge["signed_on"])
    assert html.count('value="2027-03-14"') == 2
