"""Organization A (in Kenya) with one object of every kind a URL names, and one account per
role: built once per test module by the ``scene`` fixture (import ``scene_fixture``), for
the tests that walk every URL (the permission matrix, the random posts).

``named_urls()`` lists every named URL of the URL configuration; ``url_for(name, scene)``
builds it with organization A's objects (``URL_KWARGS``).
"""

import tempfile
import time
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from engagement.forms.letters import LetterForm
from engagement.models import Application, Dialogue, LetterExport, Membership, WrittenComment
from engagement.services.letters import letter_input
from engagement.services.notifications import confirm_token
from engagement.services.organizations import invitation_send, invitation_token
from instruments.models import Article, Cluster
from portal.models import OutboundEmail, Role, RoleGrant, User
from reviews.models import State, WorkingGroup
from tests.factories import (
    ApplicationFactory,
    DialogueFactory,
    OrganizationFactory,
    UserFactory,
    grant_role,
)
from tests.factories.engagement import ONE_PAGE_PDF, LetterExportFactory, LetterFactory

# Every role the portal knows, as a person signed in with it (or nobody).
ROLES = (
    "anonymous",
    "no_organization",  # signed in, in no organization and with no role
    "member_a",
    "admin_a",  # organization A's admin
    "member_b",  # admin of organization B
    "state_a",  # representative of organization A's State (Kenya)
    "state_other",  # representative of another State (Uganda)
    "bureau",
    "chair",  # chair of the Firearms working group
    "secretariat",
    "superuser",  # the admin site's, signed in with the second factor
)


@dataclass
class Scene:
    accounts: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)  # role: session key
    objects: dict = field(default_factory=dict)

    def client(self, role: str) -> Client:
        """A client signed in as ``role`` (a fresh one each time: a test may sign out)."""
        client = Client()
        if role != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def named_urls(resolver=None, namespace=None, *, with_views=False) -> list[tuple]:
    """Every named URL as (``namespace:name``, route), or (name, route, view), walking the
    URL configuration."""
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            for name, route, view in named_urls(entry, inner, with_views=True):
                found.append((name, f"{entry.pattern}{route}", view))
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            found.append((name, str(entry.pattern), entry.callback))
    return found if with_views else [(name, route) for name, route, _view in found]


def _session_for(user, *, second_factor: bool = False) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if second_factor:  # as allauth records a sign-in that passed the authenticator app
        session["account_authentication_methods_user"] = str(user.pk)
        session["account_authentication_methods"] = [
            {"method": "password", "at": time.time(), "email": user.email},
            {"method": "mfa", "at": time.time(), "type": "totp"},
        ]
    session.create()
    return session.session_key


def _accounts(organization_a, organization_b) -> dict:
    kenya, uganda = State.objects.get(code="KEN"), State.objects.get(code="UGA")
    people = {
        "no_organization": UserFactory(email="alone@example.org"),
        "member_a": UserFactory(email="member-a@example.org"),
        "admin_a": UserFactory(email="admin-a@example.org"),
        "member_b": UserFactory(email="member-b@example.org"),
        "state_a": grant_role(
            UserFactory(email="kenya@example.org"), Role.STATE_REPRESENTATIVE, state=kenya
        ),
        "state_other": grant_role(
            UserFactory(email="uganda@example.org"), Role.STATE_REPRESENTATIVE, state=uganda
        ),
        "bureau": grant_role(UserFactory(email="bureau@example.org"), Role.BUREAU),
        "chair": grant_role(
            UserFactory(email="chair@example.org"),
            Role.CHAIR,
            working_group=WorkingGroup.objects.get(slug="firearms"),
        ),
        "secretariat": grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT),
        "superuser": User.objects.create_superuser(email="root@example.org", password="x" * 20),
    }
    EmailAddress.objects.create(
        user=people["superuser"], email="root@example.org", verified=True, primary=True
    )
    TOTP.activate(people["superuser"], generate_totp_secret())
    Membership.objects.create(organization=organization_a, user=people["member_a"])
    Membership.objects.create(organization=organization_a, user=people["admin_a"], is_admin=True)
    Membership.objects.create(organization=organization_b, user=people["member_b"], is_admin=True)
    return people


def _letter(organization, by):
    """A pledge letter as the builder keeps it (its input in full), with a one-page PDF."""
    kenya = State.objects.get(code="KEN")
    form = LetterForm(
        {
            "kind": "pledge",
            "language": "en",
            "state": kenya.pk,
            "date": "2027-01-05",
            "signatory_name": "Amina",
        }
    )
    assert form.is_valid(), form.errors
    data = letter_input(organization, form.cleaned_data)
    return LetterFactory(
        organization=organization, state=kenya, kind="pledge", input=data, created_by=by
    )


def build_scene() -> Scene:
    organization_a = OrganizationFactory(name="Organization A", country="KE")
    organization_b = OrganizationFactory(name="Organization B", country="UG")
    people = _accounts(organization_a, organization_b)
    dialogue = DialogueFactory()
    application = ApplicationFactory(
        organization=organization_a, dialogue=dialogue, created_by=people["admin_a"]
    )
    application.nomination_letter.save("nomination.pdf", ContentFile(ONE_PAGE_PDF))
    comment = WrittenComment.objects.create(application=application, text="Our comments.")
    comment.document.save("comment.pdf", ContentFile(ONE_PAGE_PDF))
    circulated = DialogueFactory(status=Dialogue.Status.CIRCULATED)
    ApplicationFactory(
        organization=organization_a, dialogue=circulated, status=Application.Status.CIRCULATED
    )
    ApplicationFactory(organization=organization_a, status=Application.Status.REFERRED)
    export = LetterExportFactory(
        requested_by=people["secretariat"],
        status=LetterExport.Status.DONE,
        expires_at=timezone.now() + timedelta(days=7),
    )
    export.archive.save("letters.zip", ContentFile(b"PK\x05\x06" + bytes(18)))
    export.merged.save("letters.pdf", ContentFile(ONE_PAGE_PDF))
    Group.objects.create(name="Editors")  # so that every admin page has an object to show
    invitation = invitation_send(
        organization=organization_a, email="invited@example.org", by=people["admin_a"]
    )
    objects = {
        "organization": organization_a,
        "dialogue": dialogue,
        "application": application,
        "comment": comment,
        "circulated": circulated,
        "export": export,
        "invitation": invitation,
        "invitation_token": invitation_token(invitation),
        "confirm_token": confirm_token(application),
        "membership": Membership.objects.get(user=people["member_a"]),
        "grant": RoleGrant.objects.get(user=people["bureau"]),
        "letter": _letter(organization_a, people["admin_a"]),
        "outbox": OutboundEmail.objects.create(
            to="a@example.org",
            subject="Failed",
            body_text="x",
            template="t",
            status=OutboundEmail.Status.FAILED,
            attempts=5,
        ),
        "article": Article.objects.select_related("instrument").order_by("pk").first(),
        "cluster": Cluster.objects.order_by("pk").first(),
    }
    sessions = {
        role: _session_for(user, second_factor=role == "superuser") for role, user in people.items()
    }
    return Scene(accounts={"anonymous": None, **people}, sessions=sessions, objects=objects)


@pytest.fixture(scope="module", name="scene")
def scene_fixture(django_db_setup, django_db_blocker):
    """The scene, in a transaction of the module's own that is rolled back at its end (each
    test's own transaction nests in it), with files in a temporary media folder."""
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        yield build_scene()
        transaction.set_rollback(True)


# The address of each named URL with parameters, from the scene's objects.
URL_KWARGS = {
    "file": lambda s: {
        "kind": "nomination-letter",
        "pk": s.application.pk,
        "name": s.application.nomination_letter.name.rsplit("/", 1)[-1],
    },
    "instruments:detail": lambda s: {"slug": s.article.instrument.slug},
    "instruments:article-detail": lambda s: {
        "slug": s.article.instrument.slug,
        "number": s.article.number,
    },
    "instruments:cluster-detail": lambda s: {"slug": s.cluster.slug},
    "reviews:state-detail": lambda s: {"code": "KEN"},
    "reviews:state-ical": lambda s: {"code": "KEN"},
    "reviews:state-contacts": lambda s: {"code": "KEN"},
    "reviews:staff-state": lambda s: {"code": "KEN"},
    "reviews:staff-reviewers": lambda s: {"code": "KEN"},
    "reviews:staff-steps": lambda s: {"code": "KEN"},
    "reviews:staff-export": lambda s: {"kind": "states"},
    "engagement:dialogue-detail": lambda s: {"pk": s.dialogue.pk},
    "engagement:dialogue-ical": lambda s: {"pk": s.dialogue.pk},
    "engagement:pledge-state": lambda s: {"code": "KEN"},
    "engagement:staff-pledge-record": lambda s: {"code": "KEN"},
    "engagement:staff-dialogue-edit": lambda s: {"pk": s.dialogue.pk},
    "engagement:staff-dialogue-transition": lambda s: {"pk": s.dialogue.pk, "target": "closed"},
    "engagement:organization-detail": lambda s: {"pk": s.organization.pk},
    "engagement:organization-edit": lambda s: {"pk": s.organization.pk},
    "engagement:invitation-create": lambda s: {"pk": s.organization.pk},
    "engagement:invitation-withdraw": lambda s: {
        "pk": s.organization.pk,
        "invitation_pk": s.invitation.pk,
    },
    "engagement:membership-remove": lambda s: {
        "pk": s.organization.pk,
        "membership_pk": s.membership.pk,
    },
    "engagement:invitation-accept": lambda s: {"token": s.invitation_token},
    "engagement:staff-role-revoke": lambda s: {"pk": s.grant.pk},
    "engagement:application-detail": lambda s: {"pk": s.application.pk},
    "engagement:application-withdraw": lambda s: {"pk": s.application.pk},
    "engagement:application-comment": lambda s: {"pk": s.application.pk},
    "engagement:application-confirm": lambda s: {"token": s.confirm_token},
    "engagement:staff-queue": lambda s: {"pk": s.dialogue.pk},
    "engagement:staff-queue-decide": lambda s: {"pk": s.dialogue.pk},
    "engagement:staff-queue-release": lambda s: {"pk": s.dialogue.pk},
    "engagement:staff-queue-unstage": lambda s: {
        "pk": s.dialogue.pk,
        "application_pk": s.application.pk,
    },
    "engagement:staff-queue-export": lambda s: {"pk": s.dialogue.pk, "fmt": "csv"},
    "engagement:state-list": lambda s: {"pk": s.circulated.pk},
    "engagement:staff-outbox-resend": lambda s: {"pk": s.outbox.pk},
    "engagement:personal-feed": lambda s: {"token": s.accounts["member_a"].calendar_token},
    "engagement:letter-detail": lambda s: {"pk": s.letter.pk},
    "engagement:letter-pdf": lambda s: {"pk": s.letter.pk},
    "engagement:staff-letter-export": lambda s: {"pk": s.export.pk},
    "engagement:staff-letter-export-status": lambda s: {"pk": s.export.pk},
    "engagement:staff-letter-export-download": lambda s: {"pk": s.export.pk, "part": "zip"},
    "account_confirm_email": lambda s: {"key": "not-a-key"},
    "account_reset_password_from_key": lambda s: {"uidb36": "1", "key": "not-a-key"},
}


def admin_kwargs(name: str, route: str, scene: Scene) -> dict:
    """The admin names an object by ``object_id`` (the scene's first of that model), a user by
    ``id`` (for the password form), an application by ``app_label``."""
    if name == "admin:view_on_site":
        organization = scene.organization
        return {
            "content_type_id": ContentType.objects.get_for_model(organization).pk,
            "object_id": organization.pk,
        }
    kwargs = {}
    if "app_label" in route:
        kwargs["app_label"] = "portal"
    if "<id>" in route or "(?P<id>" in route:
        kwargs["id"] = scene.accounts["member_a"].pk
    if "object_id" in route:
        app_label, rest = name.removeprefix("admin:").split("_", 1)
        model = next(
            model
            for model in apps.get_app_config(app_label).get_models()
            if rest.startswith(f"{model._meta.model_name}_")
        )
        kwargs["object_id"] = model._default_manager.order_by("pk").first().pk
    return kwargs


def url_for(name: str, route: str, scene: Scene) -> str:
    """The address of ``name`` with organization A's objects."""
    if name.startswith("admin:"):
        return reverse(name, kwargs=admin_kwargs(name, route, scene))
    build = URL_KWARGS.get(name)
    return reverse(name, kwargs=build(scene) if build else None)
