"""States pages: party status with source and firmness, the lists' "as of" and gaps."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.models import RegionalGroup, ReviewGroup, State, TreatyParticipation
from reviews.selectors import articles_under_review
from tests.factories.reviews import StateFactory, TreatyParticipationFactory

pytestmark = pytest.mark.django_db


def test_state_list_filters_by_group_and_instrument_and_shows_the_gaps(client):
    url = reverse("reviews:state-list")
    response = client.get(url)
    assert len(response.context["states"]) == 198
    html = response.content.decode()
    assert "How complete are these lists?" in html and "12 parties missing" in html
    assert "170 listed in the portal; 182 parties officially as of April 2024" in html
    response = client.get(url, {"regional_group": "AFRICAN", "party_to": "FIREARMS"})
    states = response.context["states"]
    assert states and all(s.regional_group == RegionalGroup.AFRICAN for s in states)
    firearms = set(
        TreatyParticipation.objects.filter(treaty="FIREARMS").values_list("state__code", flat=True)
    )
    assert {s.code for s in states} <= firearms
    assert [s.code for s in client.get(url, {"q": "ken"}).context["states"]] == ["KEN"]


def test_state_page_shows_each_rows_source_firmness_and_uncac_consequence(client):
    html = client.get(reverse("reviews:state-detail", args=["afg"])).content.decode()
    assert "Party; date not confirmed" in html  # Smuggling of Migrants row
    assert "<cite>Statement of Treaties and International Agreements" in html
    assert "Listed as party to the Convention against Corruption" in html
    assert client.get(reverse("reviews:state-detail", args=["XYZ"])).status_code == 404


def test_a_state_page_claims_nothing_the_incomplete_lists_do_not_prove(client):
    """A State missing from a list may be a party: the page says which list, as of when, and
    leaves the conclusion open."""

    state = (
        State.objects.filter(participations__treaty="UNTOC")
        .exclude(participations__treaty="UNCAC")
        .exclude(participations__treaty="TIP")
        .order_by("name")
        .first()
    )
    state.review_group = ReviewGroup.objects.get(number=1)
    state.save()
    with time_machine.travel(date(2021, 6, 1)):
        html = " ".join(client.get(state.get_absolute_url()).content.decode().split())
    assert (
        "Not in the list of parties to the Convention against Corruption loaded (as of April "
        "2024; 7 parties missing from the list)"
    ) in html
    assert "if this State is not a party, they are reviewed for it" in html
    assert "are reviewed for this State" not in html and "Not listed as a party" not in html
    assert "Not in the list loaded (as of April 2024)" in html  # its Trafficking row
    assert (
        "This State is not in the list of parties to the Trafficking in Persons Protocol loaded "
        "(as of April 2024): its articles are left out here"
    ) in html
    assert "only if the State is not party to the Convention against Corruption" in html


def test_state_list_query_count_does_not_grow(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("reviews:state-list"))
        return len(queries)

    before = count()
    for index in range(50):
        state = StateFactory(
            name=f"Testland {index}", code=f"T{index:02d}", regional_group=RegionalGroup.WEOG
        )
        TreatyParticipationFactory(
            state=state,
            treaty="UNTOC",
            consent_type="accession",
            source="test",
            firmness="secretariat",
        )
    assert count() == before


def test_state_page_shows_the_cluster_under_review_and_its_articles(client):

    kenya = State.objects.get(code="KEN")
    url = reverse("reviews:state-detail", args=["KEN"])
    assert "has not entered this State's review group" in client.get(url).content.decode()
    kenya.review_group = ReviewGroup.objects.get(number=1)
    kenya.save()
    with time_machine.travel(date(2021, 6, 1)):
        response = client.get(url)
    articles = response.context["articles"]
    assert response.context["cluster"].number == 1
    numbers = {(a.instrument.code, a.number) for a in articles}
    assert ("UNTOC", "5") in numbers
    assert ("UNTOC", "8") not in numbers and ("UNTOC", "9") not in numbers  # UNCAC party
    party_to = set(kenya.participations.values_list("treaty", flat=True))
    assert {a.instrument.code for a in articles} <= party_to
    no_uncac = (
        State.objects.exclude(participations__treaty="UNCAC")
        .filter(participations__treaty="UNTOC")
        .first()
    )
    if no_uncac:
        assert ("UNTOC", "8") in {
            (a.instrument.code, a.number) for a in articles_under_review(no_uncac, 1)
        }


def test_a_visitor_is_offered_to_sign_in_to_write_to_the_focal_point(client):
    html = client.get(reverse("reviews:state-detail", args=["KEN"])).content.decode()
    assert "Sign in to write to the focal point" in html
    assert "/accounts/login/?next=/letters/new/%3Fstate%3DKEN" in html


def test_states_are_sorted_as_readers_expect_with_accented_names_in_place(client):
    names = [s.name for s in client.get(reverse("reviews:state-list")).context["states"]]
    ivory = names.index("Côte d'Ivoire")
    assert names[ivory - 1] == "Costa Rica" and names[ivory + 1] == "Croatia"
    assert names.index("Türkiye") < names.index("Turkmenistan")
