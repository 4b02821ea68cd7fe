"""The pages of the portal with the roles that read each, as (method, url, expected status):
the list the six-language page test walks. The permission matrix itself is generated from the
URL configuration in tests/engagement/test_permission_matrix.py."""

import pytest
from django.urls import reverse

from engagement.models import Membership
from engagement.services.organizations import invitation_send, invitation_token
from portal.models import RoleGrant
from tests.factories import ApplicationFactory, DialogueFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "admin", "member", "outsider", "secretariat", "state", "bureau", "chair"]
LOGGED_IN = {role: 200 for role in ROLES if role != "anonymous"}
STAFF_ONLY = dict.fromkeys(ROLES, 404) | {"anonymous": 302, "secretariat": 200}
PUBLIC = dict.fromkeys(ROLES, 200)
MEMBERS = {
    "anonymous": 302,
    "admin": 200,
    "member": 200,
    "outsider": 404,
    "secretariat": 200,
    "state": 404,
    "bureau": 404,
    "chair": 404,
}
ADMINS = dict.fromkeys(ROLES, 404) | {"anonymous": 302, "admin": 200}


def _matrix(organization, people):
    dialogue = DialogueFactory()
    member_membership = Membership.objects.get(user=people["member"])
    invitation = invitation_send(
        organization=organization, email="x@example.org", by=people["admin"]
    )
    grant = RoleGrant.objects.get(user=people["bureau"])

    application = ApplicationFactory(organization=organization, dialogue=dialogue)
    others = ("outsider", "secretariat", "state", "bureau", "chair")
    only_members = {"anonymous": 302, "admin": 200, "member": 200} | dict.fromkeys(others, 404)
    return [
        ("GET", reverse("home"), PUBLIC),
        ("GET", reverse("engagement:dialogue-list"), PUBLIC),
        ("GET", dialogue.get_absolute_url(), PUBLIC),
        ("GET", reverse("engagement:dialogue-ical", args=[dialogue.pk]), PUBLIC),
        ("GET", reverse("engagement:dialogue-feed"), PUBLIC),
        ("GET", reverse("engagement:pledge-list"), PUBLIC),
        ("GET", reverse("reviews:history"), PUBLIC),
        ("GET", reverse("reviews:overview"), PUBLIC),
        ("GET", reverse("reviews:state-list"), PUBLIC),
        ("GET", reverse("reviews:state-detail", args=["KEN"]), PUBLIC),
        ("GET", reverse("reviews:compilation"), PUBLIC),
        ("GET", reverse("reviews:compilation-add"), STAFF_ONLY),
        ("GET", reverse("engagement:staff-letter-exports"), STAFF_ONLY),
        ("GET", reverse("engagement:pledge-state", args=["KEN"]), PUBLIC),
        ("GET", reverse("engagement:organization-list"), {"anonymous": 302} | LOGGED_IN),
        ("GET", reverse("engagement:organization-create"), {"anonymous": 302} | LOGGED_IN),
        ("GET", organization.get_absolute_url(), MEMBERS),
        ("GET", reverse("engagement:organization-edit", args=[organization.pk]), ADMINS),
        (
            "GET",
            reverse("engagement:invitation-create", args=[organization.pk]),
            {"anonymous": 302} | dict.fromkeys(LOGGED_IN, 405),
        ),
        (
            "POST",
            reverse("engagement:invitation-create", args=[organization.pk]),
            ADMINS | {"admin": 302},
        ),
        (
            "GET",
            reverse("engagement:membership-remove", args=[organization.pk, member_membership.pk]),
            ADMINS | {"member": 200},
        ),
        (
            "GET",
            reverse("engagement:invitation-accept", args=[invitation_token(invitation)]),
            PUBLIC,
        ),
        ("GET", reverse("engagement:privacy"), {"anonymous": 302} | LOGGED_IN),
        ("GET", reverse("engagement:privacy-export"), {"anonymous": 302} | LOGGED_IN),
        ("GET", reverse("account_email"), {"anonymous": 302} | LOGGED_IN),
        ("GET", reverse("mfa_index"), {"anonymous": 302} | LOGGED_IN),
        ("GET", reverse("account_login"), {"anonymous": 200} | dict.fromkeys(LOGGED_IN, 302)),
        ("GET", reverse("account_signup"), {"anonymous": 200} | dict.fromkeys(LOGGED_IN, 302)),
        ("GET", reverse("engagement:staff-organization-list"), STAFF_ONLY),
        ("GET", reverse("engagement:staff-roles"), STAFF_ONLY),
        ("GET", reverse("engagement:staff-role-revoke", args=[grant.pk]), STAFF_ONLY),
        ("GET", reverse("engagement:staff-dialogue-list"), STAFF_ONLY),
        ("GET", reverse("engagement:staff-dialogue-create"), STAFF_ONLY),
        ("GET", reverse("engagement:staff-dialogue-edit", args=[dialogue.pk]), STAFF_ONLY),
        (
            "GET",
            reverse("engagement:staff-dialogue-transition", args=[dialogue.pk, "closed"]),
            STAFF_ONLY,
        ),
        ("GET", reverse("engagement:staff-session-create"), STAFF_ONLY),
        ("GET", reverse("engagement:staff-outbox"), STAFF_ONLY),
        ("GET", reverse("engagement:staff-queue", args=[dialogue.pk]), STAFF_ONLY),
        ("GET", reverse("engagement:staff-queue-export", args=[dialogue.pk, "csv"]), STAFF_ONLY),
        (
            "GET",
            reverse("engagement:apply"),
            {"anonymous": 302, "admin": 200, "member": 200}
            | dict.fromkeys(("outsider", "secretariat", "state", "bureau", "chair"), 302),
        ),
        ("GET", reverse("engagement:application-list"), {"anonymous": 302} | LOGGED_IN),
        ("GET", reverse("engagement:letter-list"), {"anonymous": 302} | LOGGED_IN),
        (
            "GET",
            reverse("engagement:letter-builder"),
            {"anonymous": 302, "admin": 200, "member": 200} | dict.fromkeys(others, 302),
        ),
        ("GET", reverse("engagement:calendar-settings"), {"anonymous": 302} | LOGGED_IN),
        ("GET", application.get_absolute_url(), only_members),
        ("GET", reverse("engagement:application-withdraw", args=[application.pk]), only_members),
        (
            "GET",
            reverse("engagement:state-dialogues"),
            dict.fromkeys(ROLES, 404) | {"anonymous": 302, "state": 200},
        ),
        (
            "GET",
            reverse("engagement:bureau-referrals"),
            dict.fromkeys(ROLES, 404) | {"anonymous": 302, "bureau": 200, "secretariat": 200},
        ),
        ("GET", reverse("engagement:staff-pledge-record", args=["KEN"]), STAFF_ONLY),
        ("GET", reverse("reviews:simulator"), PUBLIC),
        ("GET", reverse("reviews:state-ical", args=["KEN"]), PUBLIC),
        ("GET", reverse("reviews:state-ical", args=["XYZ"]), dict.fromkeys(ROLES, 404)),
        (
            "GET",
            reverse("reviews:state-contacts", args=["KEN"]),
            STAFF_ONLY | {"state": 200},
        ),
        ("GET", reverse("reviews:state-contacts", args=["UGA"]), STAFF_ONLY),
        ("GET", reverse("reviews:staff-groups"), STAFF_ONLY),
        ("GET", reverse("reviews:staff-state", args=["KEN"]), STAFF_ONLY),
        ("GET", reverse("reviews:staff-reviewers", args=["KEN"]), STAFF_ONLY),
        ("GET", reverse("reviews:staff-steps", args=["KEN"]), STAFF_ONLY),
        ("GET", reverse("reviews:staff-data"), STAFF_ONLY),
        ("GET", reverse("reviews:staff-export", args=["states"]), STAFF_ONLY),
        ("GET", reverse("reviews:staff-changes"), STAFF_ONLY),
        # Writes: an empty form is shown again with its errors to those who may write.
        ("POST", reverse("reviews:staff-groups"), STAFF_ONLY),
        ("POST", reverse("reviews:staff-state", args=["KEN"]), STAFF_ONLY),
        ("POST", reverse("reviews:staff-reviewers", args=["KEN"]), STAFF_ONLY),
        ("POST", reverse("reviews:staff-steps", args=["KEN"]), STAFF_ONLY),
        ("POST", reverse("reviews:staff-import"), STAFF_ONLY),
        ("POST", reverse("reviews:state-contacts", args=["KEN"]), STAFF_ONLY | {"state": 200}),
        ("POST", reverse("reviews:state-contacts", args=["UGA"]), STAFF_ONLY),
        ("GET", reverse("engagement:letter-context"), {"anonymous": 302} | LOGGED_IN),
    ]
