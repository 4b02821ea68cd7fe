"""Roles granted in the staff page (logged), and a person's own data."""

import json

import pytest
from django.urls import reverse

from engagement.models import DialogueStatusChange, Membership, Organization
from portal.models import Role, RoleGrant, User
from reviews.models import State
from tests.factories import DialogueFactory

pytestmark = pytest.mark.django_db


def test_secretariat_grants_and_revokes_a_role_and_both_are_logged(client, people):
    staff = people["secretariat"]
    client.force_login(staff)
    url = reverse("engagement:staff-roles")
    response = client.post(
        url, {"email": "outsider@example.org", "role": Role.STATE_REPRESENTATIVE}
    )
    assert "Choose the State this person represents." in response.content.decode()

    kenya = State.objects.get(code="KEN")
    client.post(
        url, {"email": "OUTSIDER@example.org", "role": Role.STATE_REPRESENTATIVE, "state": kenya.pk}
    )
    grant = RoleGrant.objects.get(user=people["outsider"])
    assert (grant.state, grant.granted_by) == (kenya, staff)
    response = client.post(
        url, {"email": "outsider@example.org", "role": Role.STATE_REPRESENTATIVE, "state": kenya.pk}
    )
    assert "already has this role" in response.content.decode()

    client.post(reverse("engagement:staff-role-revoke", args=[grant.pk]))
    grant.refresh_from_db()
    assert grant.revoked_by == staff and grant.revoked_at is not None
    html = client.get(url).content.decode()
    assert "Revoked roles (log)" in html and "outsider@example.org" in html


def test_unknown_address_cannot_be_granted_a_role(client, people):
    client.force_login(people["secretariat"])
    response = client.post(
        reverse("engagement:staff-roles"), {"email": "ghost@example.org", "role": Role.BUREAU}
    )
    assert "No account uses this address." in response.content.decode()


def test_personal_data_export(client, people, organization):
    client.force_login(people["admin"])
    response = client.get(reverse("engagement:privacy-export"))
    data = json.loads(response.content)
    assert data["account"]["email"] == "admin@example.org"
    assert data["organizations"] == [
        {
            "organization": organization.name,
            "admin": True,
            "joined_at": Membership.objects.get(user=people["admin"]).joined_at.isoformat(),
        }
    ]
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'


def test_deleting_the_account_keeps_decisions_without_the_name(client, people, organization):
    staff = people["secretariat"]
    dialogue = DialogueFactory()
    change = DialogueStatusChange.objects.create(
        dialogue=dialogue, from_status="open", to_status="closed", by=staff
    )
    client.force_login(staff)
    response = client.post(reverse("engagement:privacy"), {"password": "wrong"})
    assert "This is not your password." in response.content.decode()
    response = client.post(
        reverse("engagement:privacy"), {"password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(email="staff@example.org").exists()
    change.refresh_from_db()
    assert change.by is None and change.to_status == "closed"
    assert Organization.objects.filter(pk=organization.pk).exists()
    assert "_auth_user_id" not in client.session
