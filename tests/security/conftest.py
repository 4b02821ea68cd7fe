"""Two organizations, one account per role, and files of organization A in a temporary
media folder."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches

from engagement.models import Letter, Membership, WrittenComment
from portal.models import Role
from reviews.models import State, WorkingGroup
from tests.factories import ApplicationFactory, OrganizationFactory, UserFactory, grant_role

from .samples import pdf_bytes


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _reload_urls():
    import portal.urls  # noqa: PLC0415 - reloaded with the settings the test just changed

    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.fixture(params=["debug", "production"])
def url_mode(request, settings):
    """The URL configuration as ``make run`` (DEBUG on) and as production (DEBUG off) build it."""
    settings.DEBUG = request.param == "debug"
    _reload_urls()
    yield request.param
    settings.DEBUG = False
    _reload_urls()


@pytest.fixture
def organization_a():
    return OrganizationFactory(name="Organization A")


@pytest.fixture
def people(organization_a):
    """One account per role. Only ``member_a`` and ``admin_a`` belong to organization A."""
    other = OrganizationFactory(name="Organization B")
    accounts = {
        "admin_a": UserFactory(email="admin-a@example.org"),
        "member_a": UserFactory(email="member-a@example.org"),
        "member_b": UserFactory(email="member-b@example.org"),
        "no_organization": UserFactory(email="alone@example.org"),
        "secretariat": grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT),
        "state": grant_role(
            UserFactory(email="state@example.org"),
            Role.STATE_REPRESENTATIVE,
            state=State.objects.get(code="KEN"),
        ),
        "bureau": grant_role(UserFactory(email="bureau@example.org"), Role.BUREAU),
        "chair": grant_role(
            UserFactory(email="chair@example.org"),
            Role.CHAIR,
            working_group=WorkingGroup.objects.get(slug="firearms"),
        ),
    }
    Membership.objects.create(organization=organization_a, user=accounts["admin_a"], is_admin=True)
    Membership.objects.create(organization=organization_a, user=accounts["member_a"])
    Membership.objects.create(organization=other, user=accounts["member_b"], is_admin=True)
    return accounts


# Who may fetch organization A's own files (nomination letters, written comments, letters).
OWNERS_OF_A = {"admin_a", "member_a", "secretariat"}
OUTSIDERS_OF_A = {"member_b", "no_organization", "state", "bureau", "chair"}


@pytest.fixture
def files_of_a(organization_a, people):
    """Organization A's nomination letter, written comment (PDF) and generated letter."""
    application = ApplicationFactory(organization=organization_a)
    application.nomination_letter.save("nomination.pdf", ContentFile(pdf_bytes()))
    comment = WrittenComment.objects.create(application=application, text="See the PDF.")
    comment.document.save("comment.pdf", ContentFile(pdf_bytes()))
    letter = Letter(
        organization=organization_a,
        state=State.objects.get(code="KEN"),
        kind=Letter.Kind.FOCAL_POINT,
        language="en",
        input={},
    )
    letter.pdf.save("letter.pdf", ContentFile(pdf_bytes()))
    return {
        "nomination letter": application.nomination_letter,
        "written comment": comment.document,
        "letter": letter.pdf,
    }
