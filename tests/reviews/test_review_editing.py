"""The secretariat edits the review data in the portal: groups' dates, a State's party status,
group and languages, its reviewers and the dates of its steps; each change is logged."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reviews.models import (
    ReviewDataChange,
    ReviewerAssignment,
    ReviewGroup,
    ReviewStep,
    State,
    TreatyParticipation,
)
from reviews.services import state_review_update
from tests.factories.reviews import ReviewerAssignmentFactory

pytestmark = pytest.mark.django_db


def form_data(*forms_and_formsets) -> dict:
    """What a browser would post back for the page's forms and formsets, unchanged."""
    data = {}
    for item in forms_and_formsets:
        forms = getattr(item, "forms", None)
        if forms is not None:
            management = item.management_form
            for name in management.fields:
                data[management.add_prefix(name)] = management[name].value()
        for form in forms if forms is not None else [item]:
            for field in form:
                value = field.value()
                if value is None or value is False:
                    continue
                if isinstance(value, date):
                    value = value.isoformat()
                data[field.html_name] = value if isinstance(value, list) else str(value)
    return data


def test_moving_a_groups_start_moves_its_states_due_dates(client, staff, officer):
    kenya = State.objects.get(code="KEN")
    group = ReviewGroup.objects.get(number=2)
    client.post(
        reverse("reviews:staff-state", args=["KEN"]),
        page_data(client, STATE_URL) | {"review_group": group.pk},
    )
    url = reverse("reviews:staff-groups")
    data = page_data(client, url)
    data["form-1-years_per_cluster"] = "9"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "A phase lasts between one and five years." in response.content.decode()
    data["form-1-years_per_cluster"] = "2"
    data["form-1-starts_on"] = "2022-01-10"
    response = client.post(url, data)
    assert response.status_code == 302
    focal_point = ReviewStep.objects.get(state=kenya, cluster=1, kind="focal_point")
    assert focal_point.due_at.date() == date(2022, 1, 24)
    line = ReviewDataChange.objects.get(subject__startswith="review group")
    assert line.actor == officer and line.changes["starts_on"] == ["2021-11-01", "2022-01-10"]


def page_data(client, url) -> dict:
    """The page's forms as a browser would post them back unchanged, with their version."""
    context = client.get(url).context
    names = ("preparatory", "form", "parties", "public_form", "formset")
    forms = [context[name] for name in names if name in context]
    return form_data(*forms) | {"version": context["version"]}


STATE_URL = reverse("reviews:staff-state", args=["KEN"])


def _state_forms(client):
    context = client.get(reverse("reviews:staff-state", args=["KEN"])).context
    return context["form"], context["parties"]


def test_correcting_party_status_marks_the_row_and_logs_it(client, staff, officer):
    url = reverse("reviews:staff-state", args=["KEN"])
    _form, parties = _state_forms(client)
    data = page_data(client, url)
    untoc_index = next(i for i, f in enumerate(parties.forms) if f.instance.treaty == "UNTOC")
    data[f"parties-{untoc_index}-consent_date"] = "2004-06-17"
    data[f"parties-{untoc_index}-source"] = "UNTC XVIII-12, checked 2026-11"
    assert client.post(url, data).status_code == 302
    row = TreatyParticipation.objects.get(state__code="KEN", treaty="UNTOC")
    assert row.consent_date == date(2004, 6, 17)
    assert row.firmness == TreatyParticipation.Firmness.SECRETARIAT
    line = ReviewDataChange.objects.get(subject__contains="Organized Crime Convention")
    assert line.changes["consent_date"][1] == "2004-06-17" and line.actor == officer
    # The reference data loaded again leaves the corrected row as it is.

    call_command("load_reference_data", verbosity=0)
    assert TreatyParticipation.objects.get(pk=row.pk).consent_date == date(2004, 6, 17)


def test_bad_input_is_refused_with_its_reason_and_nothing_is_lost(client, staff):
    url = reverse("reviews:staff-state", args=["KEN"])
    _form, parties = _state_forms(client)
    data = page_data(client, url) | {"review_languages": ["en", "fr", "es", "ru"]}
    extra = len(parties.forms) - 1
    data[f"parties-{extra}-treaty"] = "UNTOC"
    data[f"parties-{extra}-consent_type"] = "ratification"
    data[f"parties-{extra}-source"] = "typed by hand"
    data[f"parties-{extra}-consent_date"] = "2004-13-45"
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose at most three languages." in html
    assert "Enter a valid date." in html
    assert "typed by hand" in html
    assert not ReviewDataChange.objects.exists()


def test_reviewers_follow_the_fixed_rules(client, staff):
    kenya = State.objects.get(code="KEN")
    url = reverse("reviews:staff-reviewers", args=["KEN"])
    data = page_data(client, url)
    codes = ["KEN", "UGA"]
    for index, code in enumerate(codes):
        data[f"reviewer_assignments-{index}-instrument"] = "UNTOC"
        data[f"reviewer_assignments-{index}-reviewer"] = State.objects.get(code=code).pk
    response = client.post(url, data)
    assert "A State does not review itself." in response.content.decode()
    data["reviewer_assignments-0-reviewer"] = State.objects.get(code="FRA").pk
    assert client.post(url, data).status_code == 302
    assert set(
        ReviewerAssignment.objects.filter(state_under_review=kenya).values_list(
            "reviewer__code", flat=True
        )
    ) == {"FRA", "UGA"}
    assert ReviewDataChange.objects.filter(action="created", state=kenya).count() == 2

    data = page_data(client, url)
    total = int(data["reviewer_assignments-TOTAL_FORMS"])
    more = ["TZA", "DEU", "BRA"]
    for offset, code in enumerate(more):
        index = 2 + offset
        data[f"reviewer_assignments-{index}-instrument"] = "TIP"
        data[f"reviewer_assignments-{index}-reviewer"] = State.objects.get(code=code).pk
    data["reviewer_assignments-TOTAL_FORMS"] = str(max(total, 5))
    response = client.post(url, data)
    assert "at most four reviewers in all" in response.content.decode()


def test_recording_steps_sets_actual_and_due_dates(client, staff):
    kenya = State.objects.get(code="KEN")
    url = reverse("reviews:staff-steps", args=["KEN"])
    client.get(url)
    assert "Enter the State&#x27;s review group first" in client.get(url).content.decode()
    client.post(
        reverse("reviews:staff-state", args=["KEN"]),
        page_data(client, STATE_URL) | {"review_group": ReviewGroup.objects.get(number=1).pk},
    )
    assert len(client.get(url).context["formset"].forms) == 24
    data = page_data(client, url)
    data["form-0-done_on"] = "2020-11-12"
    data["form-2-done_on"] = "not a date"
    response = client.post(url, data)
    assert response.status_code == 200 and "Enter a valid date." in response.content.decode()
    data["form-2-done_on"] = "2021-07-01"
    data["form-4-due_on"] = "2022-06-30"
    assert client.post(url, data).status_code == 302
    steps = {s.kind: s for s in ReviewStep.objects.filter(state=kenya, cluster=1)}
    assert steps["focal_point"].done_on == date(2020, 11, 12)
    assert steps["feedback"].due_at.date() == date(2022, 1, 1)  # 6 months after 1 July
    assert steps["observations"].due_set_by_secretariat
    assert (
        ReviewDataChange.objects.filter(state=kenya, subject__startswith="review step").count() == 3
    )


def test_a_step_of_another_state_cannot_be_posted(client, staff):

    group = ReviewGroup.objects.get(number=1)
    uganda = State.objects.get(code="UGA")
    state_review_update(uganda, actor=None, via="form", review_group=group)
    state_review_update(State.objects.get(code="KEN"), actor=None, via="form", review_group=group)
    url = reverse("reviews:staff-steps", args=["KEN"])
    data = page_data(client, url)
    data["form-0-step"] = ReviewStep.objects.filter(state=uganda).first().pk
    data["form-0-done_on"] = "2021-01-01"
    response = client.post(url, data)  # a step that is not Kenya's: nothing is written
    assert response.status_code == 200 and "Nothing was saved" in response.content.decode()
    assert not ReviewStep.objects.filter(done_on__isnull=False).exists()


def test_the_preparatory_phase_is_data_the_secretariat_corrects(client, staff, officer):
    url = reverse("reviews:staff-groups")
    data = page_data(client, url)
    assert data["preparatory-starts_on"] == "2018-10-15"
    data["preparatory-ends_on"] = "2018-01-01"
    response = client.post(url, data)
    assert "The preparatory phase ends after it starts." in response.content.decode()
    data["preparatory-ends_on"] = "2020-11-01"
    assert client.post(url, data).status_code == 302
    html = client.get(reverse("reviews:overview")).content.decode()
    assert "Preparatory phase from 15 October 2018 to 1 November 2020." in html
    line = ReviewDataChange.objects.get(subject__startswith="preparatory phase")
    assert line.changes == {"ends_on": ["2020-10-12", "2020-11-01"]}
    assert line.actor == officer


def test_reviewers_page_query_count_does_not_grow_with_rows(client, staff):

    kenya = State.objects.get(code="KEN")
    url = reverse("reviews:staff-reviewers", args=["KEN"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    ReviewerAssignmentFactory(
        state_under_review=kenya, reviewer=State.objects.get(code="UGA"), instrument="UNTOC"
    )
    before = count()
    for code, instrument in (("FRA", "UNTOC"), ("TZA", "TIP"), ("FRA", "TIP")):
        ReviewerAssignmentFactory(
            state_under_review=kenya, reviewer=State.objects.get(code=code), instrument=instrument
        )
    assert count() == before
