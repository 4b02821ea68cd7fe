"""Invitations: signed, expiring, single-use links for the invited address."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from engagement.models import Invitation, Membership
from engagement.services import organizations as services
from portal.models import OutboundEmail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _invite(client, people, organization, email="newcomer@example.org"):
    client.force_login(people["admin"])
    client.post(reverse("engagement:invitation-create", args=[organization.pk]), {"email": email})
    invitation = Invitation.objects.get(email=email)
    message = OutboundEmail.objects.filter(to=email).latest("id")
    path = re.search(r"/invitations/\S+/", message.body_text).group(0)
    return invitation, path


def test_invited_colleague_accepts_once(client, people, organization):
    invitation, path = _invite(client, people, organization)
    message = OutboundEmail.objects.get(to="newcomer@example.org")
    assert "Coalition for Test Purposes" in message.subject
    assert message.related == invitation
    newcomer = UserFactory(email="newcomer@example.org")
    client.force_login(newcomer)
    response = client.post(path)
    assert response.status_code == 302
    assert Membership.objects.filter(user=newcomer, organization=organization).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == newcomer

    response = client.post(path)
    assert "This invitation has already been used." in response.content.decode()
    assert Membership.objects.filter(user=newcomer).count() == 1


def test_invitation_expires(client, people, organization):
    _invitation, path = _invite(client, people, organization)
    newcomer = UserFactory(email="newcomer@example.org")
    with time_machine.travel(timezone.now() + timedelta(days=services.INVITATION_DAYS, hours=1)):
        client.force_login(newcomer)
        response = client.post(path)
    assert "This invitation has expired. Ask for a new one." in response.content.decode()
    assert not Membership.objects.filter(user__email="newcomer@example.org").exists()


def test_invitation_is_for_its_address_only(client, people, organization):
    _invitation, path = _invite(client, people, organization)
    client.force_login(people["outsider"])
    response = client.post(path)
    assert "This invitation was sent to newcomer@example.org." in response.content.decode()
    assert not Membership.objects.filter(user=people["outsider"]).exists()


def test_tampered_or_withdrawn_links_are_refused(client, people, organization):
    invitation, path = _invite(client, people, organization)
    client.force_login(UserFactory(email="newcomer@example.org"))
    response = client.get(path[:-3] + "xx/")
    assert "This invitation link is not valid." in response.content.decode()
    services.invitation_withdraw(invitation.pk)
    response = client.post(path)
    assert "This invitation link is not valid." in response.content.decode()


def test_anonymous_visitor_is_asked_to_sign_in(client, people, organization):
    _invitation, path = _invite(client, people, organization)
    client.logout()
    response = client.get(path)
    assert response.status_code == 200
    assert "Sign in" in response.content.decode()
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_members_cannot_invite(client, people, organization):
    client.force_login(people["member"])
    response = client.post(
        reverse("engagement:invitation-create", args=[organization.pk]), {"email": "x@example.org"}
    )
    assert response.status_code == 404
    assert not Invitation.objects.exists()
