import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from instruments.models import Cluster, Instrument
from reviews.models import PartyList
from tests.factories.instruments import ArticleFactory

pytestmark = pytest.mark.django_db


def test_instrument_list_shows_the_four_instruments_with_facts(client):
    response = client.get(reverse("instruments:list"))
    html = response.content.decode()
    assert response.status_code == 200
    for name in (
        "Organized Crime Convention",
        "Trafficking in Persons Protocol",
        "Smuggling of Migrants Protocol",
        "Firearms Protocol",
    ):
        assert name in html
    assert "29 September 2003" in html
    assert "192 as of May 2024" in html and "190 as of" not in html
    assert "Status of treaties, chapter XVIII, 12: United Nations Convention" in html


def test_one_count_of_parties_per_instrument_on_every_page_that_gives_one(client):
    """The catalogue and the States list give the same figure, date and source."""

    lists = {p.treaty: p for p in PartyList.objects.all()}
    states_page = client.get(reverse("reviews:state-list")).content.decode()
    for instrument in Instrument.objects.all():
        party_list = lists[instrument.code]
        assert instrument.parties_count == party_list.official_count
        assert instrument.parties_count_source == party_list.count_source
        as_of = instrument.parties_count_as_of.strftime("%B %Y")
        assert as_of == party_list.official_count_as_of
        detail = client.get(instrument.get_absolute_url()).content.decode()
        assert f"{instrument.parties_count} as of {as_of}" in detail
        assert f"{party_list.official_count} parties officially as of {as_of}" in states_page


def test_instrument_page_lists_all_articles(client):
    response = client.get(reverse("instruments:detail", args=["convention"]))
    assert response.status_code == 200
    assert len(response.context["articles"]) == 41
    assert "Criminalization of participation in an organized criminal group" in (
        response.content.decode()
    )


def test_filter_by_cluster_survives_in_the_url(client):
    url = reverse("instruments:detail", args=["firearms-protocol"])
    response = client.get(url, {"cluster": "criminalization"})
    numbers = [a.number for a in response.context["articles"]]
    assert numbers == ["3", "5", "8"]
    html = response.content.decode()
    assert '<option value="criminalization" selected>' in html
    assert "3 articles of 21" in html


def test_search_by_text_and_by_number(client):
    url = reverse("instruments:detail", args=["convention"])
    by_text = client.get(url, {"q": "extradition"}).context["articles"]
    assert [a.number for a in by_text] == ["16"]
    by_number = client.get(url, {"q": "18"}).context["articles"]
    assert [a.number for a in by_number] == ["18"]
    none = client.get(url, {"q": "no such words", "cluster": "prevention"})
    assert none.context["articles"] == []
    assert "No article matches these filters." in none.content.decode()


def test_unknown_cluster_in_the_url_shows_an_error_not_a_500(client):
    url = reverse("instruments:detail", args=["convention"])
    response = client.get(url, {"cluster": "nonsense"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_article_page_shows_clusters_and_the_uncac_note(client):
    response = client.get(reverse("instruments:article-detail", args=["convention", "8"]))
    html = response.content.decode()
    assert "Criminalization of corruption" in html
    assert "not party to the United Nations Convention against Corruption" in html
    assert "Criminalization" in html


def test_unknown_instrument_and_article_are_404(client):
    assert client.get(reverse("instruments:detail", args=["nope"])).status_code == 404
    url = reverse("instruments:article-detail", args=["convention", "99"])
    assert client.get(url).status_code == 404


def test_cluster_matrix_renders_every_cell_with_links(client):
    response = client.get(reverse("instruments:cluster-matrix"))
    html = response.content.decode()
    clusters, rows = response.context["clusters"], response.context["rows"]
    assert [c.number for c in clusters] == [1, 2, 3, 4]
    firearms = next(r for r in rows if r.instrument.code == "FIREARMS")
    assert [len(cell.articles) for cell in firearms.cells] == [3, 6, 0, 3]
    assert [cell.cluster.number for cell in firearms.cells] == [1, 2, 3, 4]
    assert "No article" in html
    assert reverse("instruments:article-detail", args=["convention", "23"]) in html


def test_cluster_page_groups_articles_by_instrument(client):
    response = client.get(reverse("instruments:cluster-detail", args=["law-enforcement"]))
    groups = {instrument.code: articles for instrument, articles in response.context["groups"]}
    assert [a.number for a in groups["TIP"]] == ["11", "12", "13"]
    assert groups["FIREARMS"] == []
    assert "The Firearms Protocol has no article in this cluster." in response.content.decode()


def _add_articles(start, count):
    instrument = Instrument.objects.get(code="SOM")
    clusters = list(Cluster.objects.all())
    for index in range(start, start + count):
        article = ArticleFactory(
            instrument=instrument,
            number=str(100 + index),
            position=100 + index,
            title=f"Test article {index}",
            source="test",
        )
        article.clusters.set(clusters)


@pytest.mark.parametrize(
    "url",
    [
        reverse("instruments:list"),
        reverse("instruments:detail", args=["smuggling-of-migrants-protocol"]),
        reverse("instruments:detail", args=["smuggling-of-migrants-protocol"])
        + "?cluster=prevention&q=test",
        reverse("instruments:cluster-matrix"),
        reverse("instruments:cluster-detail", args=["prevention"]),
    ],
)
def test_query_count_does_not_grow_with_articles(client, url):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    _add_articles(0, 1)
    with_one = count()
    _add_articles(1, 49)
    assert count() == with_one
