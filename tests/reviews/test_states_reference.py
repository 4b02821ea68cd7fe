import pytest
from django.conf import settings
from django.core.management import call_command

from portal import sources
from reviews.models import PartyList, RegionalGroup, State, Treaty, TreatyParticipation
from reviews.services import states_load_reference

pytestmark = pytest.mark.django_db


def test_every_participant_is_loaded_with_its_regional_group():
    assert State.objects.count() == 198
    assert State.objects.get(code="AUT").regional_group == RegionalGroup.WEOG
    eu = State.objects.get(code="EUU")
    assert eu.name == "European Union" and not eu.is_state
    assert eu.regional_group == RegionalGroup.NONE


@pytest.mark.parametrize(
    ("treaty", "rows"),
    [
        (Treaty.UNTOC, 192),
        (Treaty.TIP, 170),
        (Treaty.SOM, 145),
        (Treaty.FIREARMS, 120),
        (Treaty.UNCAC, 185),
    ],
)
def test_party_rows_per_treaty(treaty, rows):
    assert TreatyParticipation.objects.filter(treaty=treaty).count() == rows


def test_rows_keep_source_and_firmness():
    row = TreatyParticipation.objects.get(state__code="AFG", treaty=Treaty.SOM)
    assert row.consent_date is None
    assert row.firmness == TreatyParticipation.Firmness.DATE_UNCONFIRMED
    assert row.is_provisional
    [reference] = sources.parse(row.source)
    assert reference.document.title.startswith("Statement of Treaties")
    assert reference.locator.startswith("January 2018")
    austria = TreatyParticipation.objects.get(state__code="AUT", treaty=Treaty.UNTOC)
    assert austria.consent_date is not None and not austria.is_provisional


def test_lists_say_as_of_when_and_what_is_missing():
    tip = PartyList.objects.get(treaty=Treaty.TIP)
    assert (tip.official_count, tip.official_count_as_of) == (182, "April 2024")
    assert "12" in tip.known_gap


def test_loading_twice_changes_nothing_and_keeps_secretariat_corrections():
    row = TreatyParticipation.objects.get(state__code="AUT", treaty=Treaty.TIP)
    row.firmness = TreatyParticipation.Firmness.SECRETARIAT
    row.source = "Corrected by the secretariat"
    row.save()
    call_command("load_reference_data", verbosity=0)
    assert TreatyParticipation.objects.count() == 812
    row.refresh_from_db()
    assert row.source == "Corrected by the secretariat"


def test_a_party_row_for_an_unknown_state_is_refused(tmp_path):
    source = settings.BASE_DIR / "fixtures" / "parties"
    for path in source.glob("*.csv"):
        (tmp_path / path.name).write_text(path.read_text())
    with (tmp_path / "parties_tip.csv").open("a") as handle:
        handle.write("Atlantis,ATL,,2020-01-01,accession,made up,confirmed_later\n")
    with pytest.raises(ValueError, match="Atlantis"):
        states_load_reference(tmp_path)
