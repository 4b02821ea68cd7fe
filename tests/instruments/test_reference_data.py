"""The catalogue against its sources: article counts, Figure 1 and the fixture's freshness."""

import importlib.util
import json
from pathlib import Path

import pytest

from instruments.models import Article, Cluster, Instrument

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

# The Guide's Figure 1, transcribed cell by cell. The one difference with the loaded data is the
# Convention's criminalization cell, where the portal follows the Toolkit (DOMAIN.md):
# article 9 instead of article 7 (article 7 stays under law enforcement in both sources).
FIGURE_1 = {
    "UNTOC": {
        "criminalization": ["2", "5", "6", "7", "8", "10", "15", "23"],
        "prevention": ["24", "25", "29", "30", "31"],
        "law-enforcement": ["7", "11", "19", "20", "22", "26", "27", "28"],
        "international-cooperation": ["12", "13", "14", "16", "17", "18", "21"],
    },
    "TIP": {
        "criminalization": ["3", "5"],
        "prevention": ["6", "7", "9"],
        "law-enforcement": ["11", "12", "13"],
        "international-cooperation": ["8", "10"],
    },
    "SOM": {
        "criminalization": ["3", "5", "6"],
        "prevention": ["8", "9", "14", "15", "16"],
        "law-enforcement": ["11", "12", "13"],
        "international-cooperation": ["7", "10", "18"],
    },
    "FIREARMS": {
        "criminalization": ["3", "5", "8"],
        "prevention": ["7", "9", "10", "11", "14", "15"],
        "law-enforcement": [],
        "international-cooperation": ["6", "12", "13"],
    },
}
RESOLVED_AS_DOMAIN_SAYS = {("UNTOC", "criminalization"): (["7"], ["9"])}  # (removed, added)


def _cell(code, slug):
    return sorted(
        Article.objects.filter(instrument__code=code, clusters__slug=slug).values_list(
            "number", flat=True
        ),
        key=int,
    )


def test_article_counts_per_instrument():
    counts = {i.code: i.articles.count() for i in Instrument.objects.all()}
    assert counts == {"UNTOC": 41, "TIP": 20, "SOM": 25, "FIREARMS": 21}
    assert Article.objects.count() == 107


@pytest.mark.parametrize("code", FIGURE_1)
@pytest.mark.parametrize(
    "slug", ["criminalization", "prevention", "law-enforcement", "international-cooperation"]
)
def test_every_cell_of_figure_1(code, slug):
    expected = list(FIGURE_1[code][slug])
    removed, added = RESOLVED_AS_DOMAIN_SAYS.get((code, slug), ([], []))
    expected = sorted((set(expected) - set(removed)) | set(added), key=int)
    assert _cell(code, slug) == expected


def test_convention_article_7_and_9_follow_the_toolkit():
    assert _cell("UNTOC", "criminalization").count("9") == 1
    assert "7" not in _cell("UNTOC", "criminalization")
    assert "7" in _cell("UNTOC", "law-enforcement")


def test_firearms_protocol_has_no_article_in_law_enforcement():
    cluster = Cluster.objects.get(slug="law-enforcement")
    assert not cluster.articles.filter(instrument__code="FIREARMS").exists()


def test_only_convention_articles_8_and_9_depend_on_uncac():
    flagged = Article.objects.filter(reviewed_only_if_not_uncac_party=True)
    assert sorted((a.instrument.code, a.number) for a in flagged) == [
        ("UNTOC", "8"),
        ("UNTOC", "9"),
    ]


def test_instrument_facts_from_their_sources():
    convention = Instrument.objects.get(code="UNTOC")
    firearms = Instrument.objects.get(code="FIREARMS")
    assert str(convention.entry_into_force) == "2003-09-29"
    assert str(firearms.adoption_date) == "2001-05-31"
    assert firearms.adoption_resolution.endswith("55/255")
    assert [i.parties_count for i in Instrument.objects.order_by("position")] == [
        192,
        182,
        152,
        123,
    ]  # the UN Treaty Collection's status pages of April and May 2024
    assert str(convention.parties_count_as_of) == "2024-05-01"
    assert convention.parties_count_source == "untc-xviii-12: status as at 4 May 2024"


def test_every_article_keeps_its_title_and_source():
    source = json.loads((FIXTURES / "sources" / "articles.json").read_text())
    loaded = {
        (a.instrument.code, a.number): a for a in Article.objects.select_related("instrument")
    }
    for row in source:
        article = loaded[(row["instrument"], row["number"])]
        assert article.title == row["title"]
        assert article.source == row["source"]


def test_committed_fixture_is_what_the_builder_makes():

    spec = importlib.util.spec_from_file_location("build", FIXTURES / "build_instruments.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert (FIXTURES / "instruments.json").read_text() == build.render()
