"""The simulator page, its CSV download and the draw_lots command."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reviews import lots
from reviews.models import RegionalGroup
from tests.factories.reviews import StateFactory, TreatyParticipationFactory

pytestmark = pytest.mark.django_db

LABEL = "Simulation: not the official drawing of lots"
URL = reverse("reviews:simulator")


def test_page_shows_a_labelled_draw_with_groups_reviewers_and_exclusions(client):
    response = client.get(URL, {"seed": "2020", "as_of": "2025-01-01"})
    assert response.status_code == 200
    html = response.content.decode()
    title = html[html.index("<title>") : html.index("</title>")]
    assert LABEL in title
    assert f'<p class="simulation-label">{LABEL}</p>' in html
    draw = response.context["draw"]
    assert draw == lots.draw_lots(lots.candidates_as_of(date(2025, 1, 1)), 2020)
    assert draw.problems == ()
    for number, size in enumerate(draw.group_sizes, start=1):
        assert f"Group {number}: {size} States" in html
    assert "Draw number 2020, parties as of 1 January 2025" in html
    assert "none: every rule is met" in html
    kenya = draw.reviews["KEN"]
    kenya_link = reverse("reviews:state-detail", kwargs={"code": "KEN"})
    row = html[
        html.index(f'<th scope="row" data-label="State under review"><a href="{kenya_link}"') :
    ]
    row = row[: row.index("</tr>")]
    for reviewer in kenya.reviewers:
        assert reverse("reviews:state-detail", kwargs={"code": reviewer.code}) in row
    assert "European Union" in html and "regional economic integration organization" in html
    assert 'value="2020"' in html and 'value="2025-01-01"' in html
    assert "<script" not in html.split("</footer>")[0] and "style=" not in html


def test_without_parameters_a_seed_is_chosen_and_shown_with_todays_date(client):
    response = client.get(URL)
    form, draw = response.context["form"], response.context["draw"]
    assert draw is not None and draw.states_drawn > 150
    assert form.cleaned_data["seed"] == draw.seed
    assert form.cleaned_data["as_of"] == timezone.localdate()
    html = response.content.decode()
    assert f'value="{draw.seed}"' in html
    assert f"?seed={draw.seed}&amp;as_of={timezone.localdate().isoformat()}" in html


def test_same_seed_same_page_and_another_seed_another_draw(client):
    params = {"seed": "77", "as_of": "2024-06-30"}
    first = client.get(URL, params).content
    assert client.get(URL, params).content == first
    assert client.get(URL, {**params, "seed": "78"}).content != first


@pytest.mark.parametrize(
    ("params", "field", "kept"),
    [
        ({"seed": "abc", "as_of": "2025-01-01"}, "seed", 'value="abc"'),
        ({"seed": "-4", "as_of": "2025-01-01"}, "seed", 'value="-4"'),
        ({"seed": "12", "as_of": "2025-02-30"}, "as_of", 'value="2025-02-30"'),
        ({"seed": "12", "as_of": "yesterday"}, "as_of", 'value="yesterday"'),
    ],
)
def test_a_bad_seed_or_date_is_a_form_error_keeping_the_input(client, params, field, kept):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["draw"] is None
    assert list(response.context["form"].errors) == [field]
    html = response.content.decode()
    assert kept in html
    assert f'id="id_{field}_error"' in html and 'aria-invalid="true"' in html
    assert LABEL in html
    csv_response = client.get(URL, {**params, "format": "csv"})
    assert csv_response["Content-Type"].startswith("text/html")


def test_csv_download_is_labelled_and_lists_every_reviewer(client):
    response = client.get(URL, {"seed": "5", "as_of": "2025-01-01", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="simulated-draw-seed-5-2025-01-01.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(response.content.decode("utf-8-sig").splitlines()))
    header, rows = rows[0], rows[1:]
    assert header[:5] == ["simulation", "row", "group", "code", "State under review"]
    assert {len(row) for row in rows} == {len(header)}  # one table, no comment lines
    assert {row[0] for row in rows} == {f"{LABEL}; draw number 5; parties as of 2025-01-01"}
    left_out = {row[3]: row[-1] for row in rows if row[1] == "left out"}
    assert left_out["EUU"].startswith("not a State")
    draw = lots.draw_lots(lots.candidates_as_of(date(2025, 1, 1)), 5)
    reviewers = [row[2:] for row in rows if row[1] == "reviewer"]
    assert len(reviewers) == draw.reviews_total
    kenya = [row for row in reviewers if row[1] == "KEN"]
    assert [(row[4], row[7], row[8]) for row in kenya] == [
        (r.code, "same" if r.same_group else "other", " ".join(r.instruments))
        for r in draw.reviews["KEN"].reviewers
    ]
    assert {row[0] for row in kenya} == {str(draw.reviews["KEN"].group)}


def test_query_count_does_not_grow_with_the_number_of_states(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"seed": "9", "as_of": "2025-01-01"})
        assert response.status_code == 200
        return len(queries), response.context["draw"].states_drawn

    before, drawn = count()
    for index in range(50):
        state = StateFactory(
            name=f"Testland {index}", code=f"T{index:02d}", regional_group=RegionalGroup.WEOG
        )
        TreatyParticipationFactory(
            state=state,
            treaty="UNTOC",
            consent_date=date(2010, 1, 1),
            consent_type="accession",
            source="test",
            firmness="secretariat",
        )
    after, drawn_after = count()
    assert drawn_after == drawn + 50
    assert after == before


def test_command_prints_a_labelled_reproducible_draw():
    def run(*args):
        out = io.StringIO()
        call_command("draw_lots", "--seed", "11", "--as-of", "2025-01-01", *args, stdout=out)
        return out.getvalue()

    text = run()
    lines = text.splitlines()
    assert lines[0] == LABEL
    assert lines[1] == "Seed 11, parties to the Convention as of 2025-01-01"
    assert lines[2].startswith("States drawn: 187 (group 1: 63, group 2: 62, group 3: 62)")
    assert "Problems: none, every rule is met" in text
    assert "  European Union (EUU): not a State" in text
    assert "Group 3 (62 States)" in text
    assert run() == text

    assert run("--format", "csv").splitlines()[1].startswith(f"{LABEL}; draw number 11;")
    data = json.loads(run("--format", "json"))
    assert data["simulation"] == LABEL and data["seed"] == 11 and data["problems"] == []
    assert sum(len(group) for group in data["groups"]) == data["states_drawn"] == 187

    with pytest.raises(CommandError, match="--as-of"):
        call_command("draw_lots", "--seed", "1", "--as-of", "2025-13-01", stdout=io.StringIO())


def test_a_date_before_the_convention_entered_into_force_is_refused(client):
    html = client.get(URL, {"seed": "3", "as_of": "2000-01-01"}).content.decode()
    assert "The Convention entered into force on 29 September 2003" in html
    assert 'value="2000-01-01"' in html
    html = client.get(URL, {"seed": "3", "as_of": "9999-01-01"}).content.decode()
    assert "Enter a date between 1 January 1990 and 31 December 2100." in html


def test_a_visitor_finds_a_state_in_the_draw(client):
    response = client.get(URL, {"seed": "5", "as_of": "2025-01-01", "state": "kenya"})
    draw = lots.draw_lots(lots.candidates_as_of(date(2025, 1, 1)), 5)
    kenya = draw.reviews["KEN"]
    html = response.content.decode()
    assert response.context["found"] == kenya
    assert f"Kenya in this draw: group {kenya.group}" in html
    for reviewer in kenya.reviewers:
        assert reviewer.name in html
    assert {r.code for r in response.context["reviewed_by"]} == {
        r.code for r in draw.reviews.values() if any(x.code == "KEN" for x in r.reviewers)
    }
    assert (
        client.get(URL, {"seed": "5", "as_of": "2025-01-01", "state": "KEN"}).context["found"]
        == kenya
    )
    missing = client.get(URL, {"seed": "5", "as_of": "2025-01-01", "state": "Guin"})
    assert "No single State of this draw matches" in missing.content.decode()  # 4 Guineas
    assert missing.context["draw"] is not None  # the draw is still shown
