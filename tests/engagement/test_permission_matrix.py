"""Every named URL of the URL configuration, for every role, against one table.

The URLs come from ``get_resolver()`` (``tests/scene.py``), built with organization A's
objects; ``EXPECTED`` says, per URL name, what each role gets: 200 shown, ``LOGIN`` sent to
sign in, ``ELSEWHERE`` sent to another page, 404 outside scope (an object or page the role
may not see is as if it did not exist). A URL name without a row fails, so no view is missed.
A view that only takes POST is posted to, empty.
"""

import pytest
from django.contrib import admin
from django.db import transaction
from django.urls import resolve, reverse

from tests.scene import (
    ROLES,
    named_urls,
    scene_fixture,  # noqa: F401 - the ``scene`` fixture
    url_for,
)

pytestmark = pytest.mark.django_db

LOGIN = "sent to sign in"
ELSEWHERE = "sent elsewhere"


def roles(default, **overrides) -> dict:
    """What each role gets: ``default``, except the roles named."""
    unknown = set(overrides) - set(ROLES)
    assert not unknown, unknown
    return {role: overrides.get(role, default) for role in ROLES}


PUBLIC = roles(200)
SIGNED_IN = roles(200, anonymous=LOGIN)
SIGNED_OUT = roles(ELSEWHERE, anonymous=200)  # sign-in and sign-up pages
SECRETARIAT = roles(404, anonymous=LOGIN, secretariat=200)
SECRETARIAT_ACTS = roles(404, anonymous=LOGIN, secretariat=ELSEWHERE)  # a POST, then back
MEMBERS_OF_A = roles(404, anonymous=LOGIN, member_a=200, admin_a=200, secretariat=200)
OWN_MEMBERS_OF_A = roles(404, anonymous=LOGIN, member_a=200, admin_a=200)
ADMIN_OF_A_ACTS = roles(404, anonymous=LOGIN, admin_a=ELSEWHERE)
# Pages where a member acts for one of their organizations; others are sent to join one.
IN_AN_ORGANIZATION = roles(ELSEWHERE, anonymous=LOGIN, member_a=200, admin_a=200, member_b=200)
STATE_REPRESENTATIVES = roles(404, anonymous=LOGIN, state_a=200, state_other=200)
WITH_AUTHENTICATOR = ("state_a", "state_other", "bureau", "chair", "secretariat", "superuser")
ACCOUNT_STEP = roles(ELSEWHERE, anonymous=LOGIN)  # an allauth step out of its flow
# The admin: the superuser, signed in with the second factor; anyone else to its sign-in.
ADMIN_SITE = roles(LOGIN, superuser=200)

EXPECTED = {
    "home": PUBLIC,
    # 503 while a part is down (the tests run no worker): public either way.
    "health": roles(frozenset({200, 503})),
    "file": MEMBERS_OF_A,  # organization A's nomination letter
    "set-language": roles(405),  # the switcher takes POST only (tests/i18n/test_languages.py)
    "javascript-catalog": PUBLIC,
    "account-language": SIGNED_IN,
    "instruments:list": PUBLIC,
    "instruments:detail": PUBLIC,
    "instruments:article-detail": PUBLIC,
    "instruments:cluster-matrix": PUBLIC,
    "instruments:cluster-detail": PUBLIC,
    "reviews:history": PUBLIC,
    "reviews:overview": PUBLIC,
    "reviews:simulator": PUBLIC,
    "reviews:state-list": PUBLIC,
    "reviews:state-detail": PUBLIC,
    "reviews:state-ical": PUBLIC,
    "reviews:state-contacts": roles(404, anonymous=LOGIN, state_a=200, secretariat=200),
    "reviews:compilation": PUBLIC,
    "reviews:compilation-add": SECRETARIAT,
    "reviews:staff-groups": SECRETARIAT,
    "reviews:staff-state": SECRETARIAT,
    "reviews:staff-reviewers": SECRETARIAT,
    "reviews:staff-steps": SECRETARIAT,
    "reviews:staff-data": SECRETARIAT,
    "reviews:staff-export": SECRETARIAT,
    "reviews:staff-import": SECRETARIAT_ACTS,  # GET goes back to the review data page
    "reviews:staff-changes": SECRETARIAT,
    "engagement:dialogue-list": PUBLIC,
    "engagement:dialogue-feed": PUBLIC,
    "engagement:dialogue-detail": PUBLIC,
    "engagement:dialogue-ical": PUBLIC,
    "engagement:pledge-list": PUBLIC,
    "engagement:pledge-state": PUBLIC,
    "engagement:staff-pledge-record": SECRETARIAT,
    "engagement:staff-dialogue-list": SECRETARIAT,
    "engagement:staff-dialogue-create": SECRETARIAT,
    "engagement:staff-dialogue-edit": SECRETARIAT,
    "engagement:staff-dialogue-transition": SECRETARIAT,
    "engagement:staff-session-create": SECRETARIAT,
    "engagement:organization-list": SIGNED_IN,
    "engagement:organization-create": SIGNED_IN,
    "engagement:organization-detail": MEMBERS_OF_A,
    "engagement:organization-edit": roles(404, anonymous=LOGIN, admin_a=200),
    "engagement:invitation-create": ADMIN_OF_A_ACTS,
    "engagement:invitation-withdraw": ADMIN_OF_A_ACTS,
    # member_a's membership: they may leave, the admin may remove them.
    "engagement:membership-remove": OWN_MEMBERS_OF_A,
    "engagement:invitation-accept": PUBLIC,  # the link is the permission
    "engagement:privacy": SIGNED_IN,
    "engagement:privacy-export": SIGNED_IN,
    "engagement:staff-organization-list": SECRETARIAT,
    "engagement:staff-roles": SECRETARIAT,
    "engagement:staff-role-revoke": SECRETARIAT,
    "engagement:apply": IN_AN_ORGANIZATION,
    "engagement:application-list": SIGNED_IN,
    "engagement:application-detail": OWN_MEMBERS_OF_A,
    "engagement:application-withdraw": OWN_MEMBERS_OF_A,
    "engagement:application-comment": OWN_MEMBERS_OF_A,
    "engagement:application-confirm": PUBLIC,  # the emailed link is the permission
    "engagement:staff-queue": SECRETARIAT,
    "engagement:staff-queue-decide": SECRETARIAT_ACTS,
    "engagement:staff-queue-release": SECRETARIAT_ACTS,
    "engagement:staff-queue-unstage": SECRETARIAT_ACTS,
    "engagement:staff-queue-export": SECRETARIAT,
    # The list goes to every State party; each objects for the State it represents.
    "engagement:state-dialogues": STATE_REPRESENTATIVES,
    "engagement:state-list": STATE_REPRESENTATIVES,
    "engagement:bureau-referrals": roles(404, anonymous=LOGIN, bureau=200, secretariat=200),
    "engagement:staff-outbox": SECRETARIAT,
    "engagement:staff-outbox-resend": SECRETARIAT_ACTS,
    "engagement:personal-feed": PUBLIC,  # the secret address is the permission
    "engagement:calendar-settings": SIGNED_IN,
    "engagement:letter-list": SIGNED_IN,
    "engagement:letter-builder": IN_AN_ORGANIZATION,
    "engagement:letter-preview": IN_AN_ORGANIZATION,
    "engagement:letter-detail": MEMBERS_OF_A,
    "engagement:letter-context": SIGNED_IN,
    "engagement:letter-pdf": MEMBERS_OF_A,
    "engagement:staff-letter-exports": SECRETARIAT,
    "engagement:staff-letter-export": SECRETARIAT,
    "engagement:staff-letter-export-status": SECRETARIAT,
    "engagement:staff-letter-export-download": SECRETARIAT,
    "account_login": SIGNED_OUT,
    "account_signup": SIGNED_OUT,
    "account_logout": roles(200, anonymous=ELSEWHERE),
    "account_inactive": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    # A code by email: for an account with a verified address (the superuser's).
    "account_request_reauthentication_code": roles(ELSEWHERE, anonymous=LOGIN, superuser=200),
    "account_confirm_reauthentication_code": ACCOUNT_STEP,
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_change_password": SIGNED_IN,
    "account_set_password": ACCOUNT_STEP,  # every account has a password: change it
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,  # a wrong key: the page says so
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_email": PUBLIC,  # a wrong key: the page says so
    "account_confirm_login_code": ACCOUNT_STEP,
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": ACCOUNT_STEP,
    "mfa_reauthenticate": roles(
        ELSEWHERE, anonymous=LOGIN, **dict.fromkeys(WITH_AUTHENTICATOR, 200)
    ),
    "mfa_activate_totp": ACCOUNT_STEP,
    "mfa_deactivate_totp": roles(
        404, anonymous=LOGIN, **dict.fromkeys(WITH_AUTHENTICATOR, ELSEWHERE)
    ),
    "mfa_view_recovery_codes": roles(404, anonymous=LOGIN),  # no recovery codes made
    "mfa_download_recovery_codes": roles(404, anonymous=LOGIN),
    "mfa_generate_recovery_codes": ACCOUNT_STEP,
    # The admin site's own pages.
    "admin:index": ADMIN_SITE,
    "admin:app_list": ADMIN_SITE,
    "admin:jsi18n": ADMIN_SITE,
    "admin:autocomplete": roles(LOGIN, superuser=403),  # asked without a field to complete
    "admin:login": roles(404, anonymous=LOGIN, superuser=ELSEWHERE),  # the portal's sign-in
    "admin:logout": roles(ELSEWHERE, anonymous=LOGIN, superuser=405),  # signs out on POST
    "admin:password_change": roles(LOGIN, superuser=ELSEWHERE),  # the portal's page
    "admin:password_change_done": ADMIN_SITE,
    "admin:view_on_site": roles(LOGIN, superuser=ELSEWHERE),
    "admin:auth_user_password_change": ADMIN_SITE,
}
# Each model the admin registers has the same five pages, behind the same check.
EXPECTED |= {
    f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}": ADMIN_SITE
    for model in admin.site._registry
    for page in ("changelist", "add", "change", "delete", "history")
}
# An account's second factors are never added by hand (portal/admin.py).
EXPECTED["admin:mfa_authenticator_add"] = roles(LOGIN, superuser=403)

URLS = named_urls()


def observed(response):
    if response.status_code == 302:
        location = response["Location"]
        signing_in = location.startswith((reverse("account_login"), "/admin/login/"))
        return LOGIN if signing_in else ELSEWHERE
    return response.status_code


def _post_only(url: str) -> bool:
    view_class = getattr(resolve(url).func, "view_class", None)
    return view_class is not None and not hasattr(view_class, "get") and hasattr(view_class, "post")


def test_the_table_has_a_row_for_every_url_name_and_no_other():
    names = {name for name, _route in URLS}
    assert not names - EXPECTED.keys(), "URL names the table does not cover"
    assert not EXPECTED.keys() - names, "rows of the table for URL names that do not exist"
    for name, expected in EXPECTED.items():
        assert set(expected) == set(ROLES), name


@pytest.mark.parametrize(("name", "route"), URLS, ids=[name for name, _route in URLS])
def test_every_role_gets_what_the_table_says(scene, name, route):
    assert name in EXPECTED, f"{name} has no row in EXPECTED"
    url = url_for(name, route, scene)
    method = "post" if _post_only(url) else "get"
    failures = []
    for role in ROLES:
        with transaction.atomic():  # one role's POST changes nothing the next one sees
            response = getattr(scene.client(role), method)(url)
            transaction.set_rollback(True)
        got, want = observed(response), EXPECTED[name][role]
        if not (got in want if isinstance(want, frozenset) else got == want):
            failures.append(f"{method.upper()} {url} as {role}: {got}, expected {want}")
    assert not failures, "\n".join(failures)
