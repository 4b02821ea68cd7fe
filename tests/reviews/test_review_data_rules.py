"""Edge cases of the review data: saves that clash, impossible dates, rules of the reviewers
and contacts, a reload of the reference data, and inputs that must never break a page."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from portal.deadlines import VIENNA
from reviews.models import (
    ReviewContact,
    ReviewDataChange,
    ReviewerAssignment,
    ReviewGroup,
    ReviewStep,
    State,
)
from reviews.selectors import reviewer_rule_warnings
from reviews.services import review_step_record, state_review_update
from tests.factories.reviews import ReviewContactFactory, ReviewerAssignmentFactory
from tests.reviews.test_review_editing import page_data

pytestmark = pytest.mark.django_db

STEPS_URL = reverse("reviews:staff-steps", args=["KEN"])
CONTACTS_URL = reverse("reviews:state-contacts", args=["KEN"])
REVIEWERS_URL = reverse("reviews:staff-reviewers", args=["KEN"])


@pytest.fixture
def kenya():
    state = State.objects.get(code="KEN")
    state_review_update(
        state, actor=None, via="form", review_group=ReviewGroup.objects.get(number=1)
    )
    return state


def test_a_save_after_someone_elses_is_refused_and_keeps_what_was_typed(client, staff, kenya):
    data = page_data(client, STEPS_URL)  # the officer opens the page
    other = ReviewStep.objects.get(state=kenya, cluster=1, kind="focal_point")
    review_step_record(  # a colleague saves the focal point meanwhile
        other, done_on=date(2020, 11, 10), due_on=None, note="by email", actor=None, via="form"
    )
    data["form-1-done_on"] = "2020-11-25"  # the officer records the experts
    response = client.post(STEPS_URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "someone else saved changes to these data after you opened this page" in html
    assert 'value="2020-11-25"' in html  # what was typed is kept
    other.refresh_from_db()
    assert (other.done_on, other.note) == (date(2020, 11, 10), "by email")  # not wiped
    experts = ReviewStep.objects.get(state=kenya, cluster=1, kind="experts")
    assert experts.done_on is None
    data["version"] = response.context["version"]  # saving again, knowingly
    assert client.post(STEPS_URL, data).status_code == 302


def test_a_step_cannot_be_done_on_a_day_to_come(client, staff, kenya):
    data = page_data(client, STEPS_URL)
    with time_machine.travel(datetime(2026, 11, 30, 12, tzinfo=VIENNA), tick=False):
        data["form-0-done_on"] = "2026-12-01"
        html = client.post(STEPS_URL, data).content.decode()
        assert "A step cannot have been done on a day still to come." in html
        data["form-0-done_on"] = "2026-11-30"
        assert client.post(STEPS_URL, data).status_code == 302


def test_far_dates_are_refused_on_the_page_never_an_error_page(client, staff, kenya):
    data = page_data(client, STEPS_URL)
    data["form-2-due_on"] = "9999-12-31"
    response = client.post(STEPS_URL, data)
    assert response.status_code == 200
    assert "Enter a date between 1 January 1990 and 31 December 2100." in (
        response.content.decode()
    )
    groups = reverse("reviews:staff-groups")
    data = page_data(client, groups) | {"form-2-starts_on": "1900-01-01"}
    response = client.post(groups, data)
    assert response.status_code == 200
    assert ReviewGroup.objects.get(number=3).starts_on == date(2022, 11, 1)


def test_a_tampered_groups_form_cannot_add_a_group(client, staff):
    url = reverse("reviews:staff-groups")
    data = page_data(client, url) | {
        "form-TOTAL_FORMS": "4",
        "form-3-starts_on": "2023-01-01",
        "form-3-years_per_cluster": "2",
        "form-3-note": "a fourth group",
    }
    assert client.post(url, data).status_code == 302
    assert ReviewGroup.objects.count() == 3
    assert not ReviewDataChange.objects.filter(changes__icontains="a fourth group").exists()


def test_the_signature_comes_before_the_consent(client, staff):
    url = reverse("reviews:staff-state", args=["KEN"])
    context = client.get(url).context
    index = next(i for i, f in enumerate(context["parties"].forms) if f.instance.treaty == "TIP")
    data = page_data(client, url) | {f"parties-{index}-signature_date": "2030-01-01"}
    html = client.post(url, data).content.decode()
    assert "The signature cannot come after the consent to be bound." in html


def test_two_rows_can_swap_through_a_deletion(client, staff, kenya):
    uganda, france = State.objects.get(code="UGA"), State.objects.get(code="FRA")
    first = ReviewerAssignmentFactory(state_under_review=kenya, reviewer=uganda, instrument="UNTOC")
    data = page_data(client, REVIEWERS_URL)
    # Delete Uganda's row and enter Uganda again in a new row, with France: no clash.
    data["reviewer_assignments-0-DELETE"] = "on"
    data["reviewer_assignments-1-instrument"] = "UNTOC"
    data["reviewer_assignments-1-reviewer"] = str(uganda.pk)
    data["reviewer_assignments-2-instrument"] = "UNTOC"
    data["reviewer_assignments-2-reviewer"] = str(france.pk)
    assert client.post(REVIEWERS_URL, data).status_code == 302
    assert not ReviewerAssignment.objects.filter(pk=first.pk).exists()
    assert set(kenya.reviewer_assignments.values_list("reviewer__code", flat=True)) == {
        "UGA",
        "FRA",
    }


def test_the_state_under_review_is_not_offered_as_its_own_reviewer(client, staff):
    form = client.get(REVIEWERS_URL).context["formset"].forms[0]
    offered = {str(value) for value, _label in form.fields["reviewer"].choices}
    assert str(State.objects.get(code="KEN").pk) not in offered
    assert str(State.objects.get(code="UGA").pk) in offered


def test_reviewers_are_checked_against_the_published_rules(kenya):
    uganda, france = State.objects.get(code="UGA"), State.objects.get(code="FRA")
    ReviewerAssignmentFactory(state_under_review=kenya, reviewer=france, instrument="UNTOC")
    warnings = reviewer_rule_warnings(kenya)
    assert "Organized Crime Convention: no reviewer from the same regional group." in warnings
    ReviewerAssignmentFactory(state_under_review=kenya, reviewer=uganda, instrument="UNTOC")
    assert not [w for w in reviewer_rule_warnings(kenya) if w.startswith("Organized Crime")]
    for code in ("BRA", "IND", "DEU"):
        ReviewerAssignmentFactory(
            state_under_review=State.objects.get(code=code), reviewer=uganda, instrument="UNTOC"
        )
    assert "Uganda performs 4 reviews; the rules allow at most three." in reviewer_rule_warnings(
        kenya
    )


def test_a_state_has_one_focal_point_listed_before_its_experts(client, staff, kenya):
    ReviewContactFactory(state=kenya, role="expert", name="Amos Kiprop")
    ReviewContactFactory(state=kenya, role="focal_point", name="Jane Wanjiru")
    assert [c.name for c in kenya.review_contacts.all()] == ["Jane Wanjiru", "Amos Kiprop"]
    data = page_data(client, CONTACTS_URL)
    data["contacts-1-role"] = "focal_point"  # the expert made a second focal point
    html = client.post(CONTACTS_URL, data).content.decode()
    assert "A State has one focal point; enter the others as experts." in html


def test_a_deleted_contact_leaves_no_personal_data_in_the_log(client, staff, kenya):
    ReviewContactFactory(
        state=kenya, role="focal_point", name="Jane Wanjiru", email="jane@example.go.ke"
    )
    data = page_data(client, CONTACTS_URL) | {"contacts-0-DELETE": "on"}
    assert client.post(CONTACTS_URL, data).status_code == 302
    line = ReviewDataChange.objects.get(action="deleted")
    assert "Jane" not in line.subject and "Jane" not in str(line.changes)
    assert "jane@example" not in str(line.changes)
    assert line.changes["name"] == ["(personal data, not logged)", ""]


def test_removing_the_group_leaves_nothing_overdue(kenya):
    step = ReviewStep.objects.get(state=kenya, cluster=1, kind="focal_point")
    review_step_record(step, done_on=None, due_on=None, note="asked", actor=None, via="form")
    state_review_update(kenya, actor=None, via="form", review_group=None)
    assert ReviewStep.objects.filter(state=kenya).count() == 1  # kept for its note
    assert not ReviewStep.objects.overdue().filter(state=kenya).exists()


def test_a_regional_group_the_secretariat_corrected_survives_a_reload(client, staff):
    url = reverse("reviews:staff-state", args=["PSE"])
    assert (
        client.post(url, page_data(client, url) | {"regional_group": "ASIA_PACIFIC"}).status_code
        == 302
    )
    call_command("load_reference_data", verbosity=0)
    assert State.objects.get(code="PSE").regional_group == "ASIA_PACIFIC"
    assert State.objects.get(code="KEN").regional_group == "AFRICAN"


def test_a_step_is_overdue_from_the_second_after_its_due_day_in_summer_time_too(kenya):
    step = ReviewStep.objects.get(state=kenya, cluster=1, kind="self_assessment")
    due = datetime(2021, 5, 1, 23, 59, 59, tzinfo=VIENNA)  # CEST, UTC+2
    assert step.due_at == due and due.utcoffset() == timedelta(hours=2)
    assert not step.is_overdue(due)
    assert step.is_overdue(due + timedelta(seconds=1))


@pytest.mark.parametrize(
    "params",
    [{"to": "9999-12-31"}, {"from": "0001-01-01"}, {"from": "2026-13-01"}, {"state": "x" * 500}],
)
def test_change_log_filters_never_break_the_page(client, staff, params):
    response = client.get(reverse("reviews:staff-changes"), params)
    assert response.status_code == 200


def test_digits_of_other_scripts_are_refused_in_an_import(client, staff):
    content = "iso3,country,regional_group,review_group,review_languages,review_source\n"
    content += "KEN,Kenya,AFRICAN,\u00b2,,\n"
    response = client.post(
        reverse("reviews:staff-import"),
        {"file": SimpleUploadedFile("states.csv", content.encode()), "kind": ""},
    )
    assert response.status_code == 200
    assert "review group must be 1, 2 or 3" in response.content.decode()


def test_an_unknown_language_code_does_not_break_the_state_page(client, kenya):
    State.objects.filter(pk=kenya.pk).update(review_languages=["en", "xx"])
    response = client.get(reverse("reviews:state-detail", args=["KEN"]))
    assert response.status_code == 200
    assert "Review languages: English, xx" in response.content.decode()


def test_an_invalid_save_after_someone_elses_still_says_the_data_changed(client, staff, kenya):
    data = page_data(client, CONTACTS_URL)
    ReviewContactFactory(state=kenya, role="focal_point", name="Jane Wanjiru")
    data |= {"contacts-0-role": "focal_point", "contacts-0-name": "X", "contacts-0-email": "bad"}
    html = client.post(CONTACTS_URL, data).content.decode()
    assert "someone else saved changes to these data after you opened this page" in html
    assert ReviewContact.objects.count() == 1


def test_a_row_someone_else_deleted_is_said_so_on_the_row(client, staff, kenya):
    contact = ReviewContactFactory(state=kenya, role="focal_point", name="Jane Wanjiru")
    data = page_data(client, CONTACTS_URL) | {"contacts-0-phone": "+254 20 000000"}
    contact.delete()  # by a colleague, meanwhile
    response = client.post(CONTACTS_URL, data)
    assert "someone else saved changes" in response.content.decode()
    data["version"] = response.context["version"]
    html = client.post(CONTACTS_URL, data).content.decode()
    assert "Someone else deleted this row meanwhile" in html


def test_each_step_form_saves_the_step_it_names_whatever_its_position(client, staff, kenya):
    data = page_data(client, STEPS_URL)
    first, second = data["form-0-step"], data["form-1-step"]
    data["form-0-step"], data["form-1-step"] = second, first
    data["form-1-done_on"] = "2020-11-12"  # the form that now names the first step
    assert client.post(STEPS_URL, data).status_code == 302
    assert ReviewStep.objects.get(pk=first).done_on == date(2020, 11, 12)
    assert ReviewStep.objects.get(pk=second).done_on is None


def test_the_reviewers_page_shows_the_rule_checks(client, staff, kenya):
    ReviewerAssignmentFactory(
        state_under_review=kenya, reviewer=State.objects.get(code="FRA"), instrument="UNTOC"
    )
    html = client.get(REVIEWERS_URL).content.decode()
    assert "Checks against the published rules" in html
    assert "Organized Crime Convention: no reviewer from the same regional group." in html


def test_the_letter_context_refuses_digits_of_other_scripts_quietly(client, staff):
    url = reverse("engagement:letter-context")
    assert client.get(url, {"state": "\u00b2"}).json()["review_context"] == ""
