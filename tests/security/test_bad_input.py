"""Ids and numbers from a request: a clear message on the page or a 404, never a 500.

Each test holds a finding of issue 11: a non-numeric or out-of-range id posted to the State
representative's objection form, the Bureau's referrals, the application form, the
organization form and the secretariat's queue; a dialogue in year 1; a confirmation cut-off of
99999999 days. The client raises what a view raises, so a 500 fails the test with its trace.
"""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from engagement.forms.dialogues import DialogueForm
from engagement.models import Application, Dialogue, Objection, Organization
from portal.models import User
from tests.factories import ApplicationFactory, DialogueFactory, WorkingGroupSessionFactory

pytestmark = pytest.mark.django_db

HUGE = str(2**63)  # one past the largest value of a bigint primary key
BAD_IDS = ["abc", "", "1.5", "-1", HUGE, str(2**70), "١٢", "1e3", "0x1f"]


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def circulated(organization_a):
    dialogue = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    application = ApplicationFactory(
        organization=organization_a, dialogue=dialogue, status=Application.Status.CIRCULATED
    )
    return dialogue, application


@pytest.mark.parametrize("bad", BAD_IDS)
def test_an_objection_to_a_bad_application_id_is_refused_on_the_page(
    client, people, circulated, bad
):
    dialogue, _application = circulated
    client.force_login(people["state"])
    url = reverse("engagement:state-list", args=[dialogue.pk])
    response = client.post(url, {"application": bad, "reason": "Not an NGO of our country."})
    assert response.status_code == 200
    assert "Choose an organization of this list." in response.content.decode()
    assert "Not an NGO of our country." in response.content.decode()
    assert not Objection.objects.exists()


def test_an_objection_without_a_reason_says_so_and_keeps_the_row(client, people, circulated):
    dialogue, application = circulated
    client.force_login(people["state"])
    url = reverse("engagement:state-list", args=[dialogue.pk])
    response = client.post(url, {"application": application.pk, "reason": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Objection.objects.exists()
    response = client.post(url, {"application": application.pk, "reason": "Listed as a front."})
    assert response.status_code == 302
    assert Objection.objects.get().reason == "Listed as a front."


@pytest.mark.parametrize("bad", ["abc", HUGE])
def test_a_state_list_at_an_out_of_range_address_is_a_404(client, people, bad):
    client.force_login(people["state"])
    response = client.post(f"/states/dialogues/{bad}/", {"application": "1", "reason": "x"})
    assert response.status_code == 404


@pytest.fixture
def referred(organization_a):
    return ApplicationFactory(organization=organization_a, status=Application.Status.REFERRED)


@pytest.mark.parametrize("bad", BAD_IDS)
def test_a_bureau_decision_on_a_bad_application_id_is_refused_on_the_page(
    client, people, referred, bad
):
    client.force_login(people["bureau"])
    response = client.post(
        reverse("engagement:bureau-referrals"),
        {"application": bad, "decision": "approve", "reason": "The objection is unfounded."},
    )
    assert response.status_code == 200
    assert "Choose an application referred to the Bureau." in response.content.decode()
    assert "The objection is unfounded." in response.content.decode()
    referred.refresh_from_db()
    assert referred.status == Application.Status.REFERRED


@pytest.mark.parametrize("decision", ["", "maybe", "APPROVE"])
def test_a_bureau_decision_must_be_approve_or_reject(client, people, referred, decision):
    """Anything but "approve" used to count as a rejection."""
    client.force_login(people["bureau"])
    response = client.post(
        reverse("engagement:bureau-referrals"),
        {"application": referred.pk, "decision": decision, "reason": "Read the file."},
    )
    assert response.status_code == 200
    assert "Read the file." in response.content.decode()
    referred.refresh_from_db()
    assert referred.status == Application.Status.REFERRED


def _application_data(organization, dialogues, **extra):
    return {
        "organization": organization,
        "dialogues": dialogues,
        "statement": "We run shelters for survivors.",
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "1",
        "people-MAX_NUM_FORMS": "10",
        "people-0-name": "Amina",
        "people-0-email": "amina@example.org",
        "people-0-attendance": "in_person",
        **extra,
    }


@pytest.mark.parametrize("bad", BAD_IDS)
def test_applying_to_a_bad_dialogue_id_is_a_form_error(client, people, organization_a, bad):
    DialogueFactory()
    client.force_login(people["admin_a"])
    response = client.post(reverse("engagement:apply"), _application_data(organization_a.pk, [bad]))
    assert response.status_code == 200
    assert response.context["form"].errors["dialogues"]
    assert "We run shelters for survivors." in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.parametrize("bad", ["abc", HUGE, "-1", "1.0"])
def test_applying_for_a_bad_organization_id_is_a_404(client, people, organization_a, bad):
    dialogue = DialogueFactory()
    client.force_login(people["admin_a"])
    response = client.post(reverse("engagement:apply"), _application_data(bad, [dialogue.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("bad", [HUGE, "-1", "abc"])
def test_the_application_form_ignores_a_bad_dialogue_in_its_address(
    client, people, organization_a, bad
):
    client.force_login(people["admin_a"])
    response = client.get(reverse("engagement:apply"), {"dialogue": bad})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ecosoc_year", "99999999"),
        ("ecosoc_year", HUGE),
        ("ecosoc_year", "-5"),
        ("expertise_instruments", "abc"),
        ("expertise_instruments", HUGE),
        ("expertise_clusters", HUGE),
        ("expertise_clusters", "-1"),
    ],
)
def test_the_organization_form_refuses_bad_numbers_on_the_page(
    client, people, organization_a, field, value
):
    client.force_login(people["admin_a"])
    data = {
        "name": "Organization A renamed",
        "kind": Organization.Kind.NGO,
        "country": "KE",
        "email": "info@a.example.org",
        "postal_address": "PO Box 1",
        "mission": "Shelters.",
        "expertise_text": "Trafficking",
        "ecosoc_status": "special",
        field: value,
    }
    for url in (
        reverse("engagement:organization-edit", args=[organization_a.pk]),
        reverse("engagement:organization-create"),
    ):
        response = client.post(url, data)
        assert response.status_code == 200
        assert response.context["form"].errors[field]
        assert "Organization A renamed" in response.content.decode()
    organization_a.refresh_from_db()
    assert organization_a.name == "Organization A"


def test_the_ecosoc_year_has_the_same_bounds_in_the_model_as_in_the_form(organization_a):
    organization_a.ecosoc_status = "special"
    organization_a.ecosoc_year = 2101
    with pytest.raises(ValidationError) as error:
        organization_a.full_clean()
    assert "ecosoc_year" in error.value.message_dict


@pytest.mark.parametrize("bad", BAD_IDS)
def test_a_queue_decision_on_a_bad_application_id_is_a_message(client, people, bad):
    application = ApplicationFactory()
    client.force_login(people["secretariat"])
    url = reverse("engagement:staff-queue-decide", args=[application.dialogue_id])
    response = client.post(url, {"applications": [bad], "action": "screened_in"}, follow=True)
    assert response.status_code == 200
    assert any(
        "valid choice" in message or "not a valid value" in message
        for message in _messages(response)
    ), _messages(response)
    application.refresh_from_db()
    assert application.staged_status == ""


@pytest.mark.parametrize("bad", ["abc", HUGE])
def test_queue_addresses_with_bad_ids_are_404s(client, people, bad):
    client.force_login(people["secretariat"])
    for url in (
        f"/staff/dialogues/{bad}/applications/decide/",
        f"/staff/dialogues/{bad}/applications/release/",
        f"/staff/dialogues/1/applications/{bad}/undo/",
        f"/organizations/{bad}/edit/",
        f"/files/nomination-letter/{bad}/letter.pdf",
    ):
        assert client.post(url, {}).status_code == 404, url
    assert client.get(f"/applications/{bad}/").status_code == 404


def _dialogue_data(session_pk, **extra):
    return {
        "session": session_pk,
        "title": "Dialogue after the session",
        "starts_at": "2027-06-10T15:00",
        "ends_at": "2027-06-10T18:00",
        "format": "hybrid",
        "confirmation_days_before": "15",
        "minimum_applications": "5",
        "agenda-TOTAL_FORMS": "0",
        "agenda-INITIAL_FORMS": "0",
        "panel-TOTAL_FORMS": "0",
        "panel-INITIAL_FORMS": "0",
        **extra,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starts_at", "0001-01-01T10:00"),
        ("starts_at", "0001-03-01T10:00"),
        ("ends_at", "9999-12-31T23:59"),
        ("applications_open_at", "0001-01-01T00:00"),
        ("confirmation_days_before", "99999999"),
        ("confirmation_days_before", "3000"),
        ("confirmation_days_before", "-1"),
        ("minimum_applications", "99999999"),
        ("capacity_in_person", HUGE),
        ("capacity_online", "-3"),
        ("session", HUGE),
        ("session", "abc"),
    ],
)
def test_the_dialogue_form_refuses_out_of_range_dates_and_numbers(client, people, field, value):
    session = WorkingGroupSessionFactory()
    client.force_login(people["secretariat"])
    response = client.post(
        reverse("engagement:staff-dialogue-create"), _dialogue_data(session.pk, **{field: value})
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field], response.context["form"].errors
    assert "Dialogue after the session" in response.content.decode()
    assert not Dialogue.objects.exists()


def test_a_dialogue_in_the_form_s_range_is_created(client, people):
    session = WorkingGroupSessionFactory()
    client.force_login(people["secretariat"])
    response = client.post(reverse("engagement:staff-dialogue-create"), _dialogue_data(session.pk))
    assert response.status_code == 302, response.context["form"].errors
    assert Dialogue.objects.get().confirmation_days_before == 15


@pytest.mark.parametrize("count", ["99999999", "11", "-1", "abc"])
def test_a_formset_builds_no_more_rows_than_it_may_hold(client, people, organization_a, count):
    """Django builds up to a thousand rows past ``max_num`` if a client says it sent them."""
    dialogue = DialogueFactory()
    client.force_login(people["admin_a"])
    data = _application_data(organization_a.pk, [dialogue.pk], **{"people-TOTAL_FORMS": count})
    response = client.post(reverse("engagement:apply"), data)
    assert response.status_code == 200
    people_forms = response.context["people"]
    assert len(people_forms.forms) <= 10
    assert people_forms.non_form_errors() or people_forms.management_form.errors
    assert "We run shelters for survivors." in response.content.decode()
    assert not Application.objects.exists()


def test_the_browser_is_given_the_bounds_the_model_checks():
    attrs = DialogueForm()["confirmation_days_before"].field.widget.attrs
    assert (attrs["min"], attrs["max"]) == (1, 365)
    assert 'max="365"' in str(DialogueForm()["confirmation_days_before"])


def test_the_admin_shows_an_authenticator_without_its_secret_and_never_edits_it(client):
    """Posting the type "webauthn" over a TOTP secret was a 500 (found by the random posts),
    and the change form showed the secret."""
    root = User.objects.create_superuser(email="root@example.org", password="x" * 20)
    TOTP.activate(root, "QZCHED5THWRPJS5BFQ3LCQNPAAVFXQUM")
    authenticator = Authenticator.objects.get(user=root)
    client.force_login(root)
    session = client.session
    session["account_authentication_methods_user"] = str(root.pk)
    session["account_authentication_methods"] = [{"method": "mfa", "type": "totp", "at": 0}]
    session.save()
    url = f"/admin/mfa/authenticator/{authenticator.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert "QZCHED5THWRPJS5BFQ3LCQNPAAVFXQUM" not in page.content.decode()
    response = client.post(url, {"user": root.pk, "type": "webauthn", "data": "{}"})
    assert response.status_code == 403
    authenticator.refresh_from_db()
    assert authenticator.type == "totp"
    assert client.get("/admin/mfa/authenticator/add/").status_code == 403


@pytest.mark.parametrize("bad", [HUGE, "abc", "-1"])
def test_the_admin_picks_many_to_many_values_by_id(bad):
    """SQLite cannot compare a column with an integer past 64 bits: the admin's choices of
    groups, permissions or clusters were a 500 there."""
    from django.contrib import admin  # noqa: PLC0415 - the admin site, loaded by then

    field = admin.site._registry[Group].get_form(None).base_fields["permissions"]
    with pytest.raises(ValidationError):
        field.clean([bad])
