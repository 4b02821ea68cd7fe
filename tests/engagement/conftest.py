import pytest

from engagement.models import Membership, Organization
from portal.models import Role
from reviews.models import State, WorkingGroup
from tests.factories import UserFactory, grant_role


@pytest.fixture
def organization():
    return Organization.objects.create(
        name="Coalition for Test Purposes",
        acronym="CTP",
        kind=Organization.Kind.NGO,
        country="KE",
        email="info@ctp.example.org",
        postal_address="PO Box 1, Nairobi",
        mission="Testing.",
        expertise_text="Trafficking in persons",
    )


@pytest.fixture
def people(organization):
    """One user per role, plus an admin and a member of ``organization`` and an outsider."""
    admin = UserFactory(email="admin@example.org")
    member = UserFactory(email="member@example.org")
    Membership.objects.create(organization=organization, user=admin, is_admin=True)
    Membership.objects.create(organization=organization, user=member)
    return {
        "anonymous": None,
        "admin": admin,
        "member": member,
        "outsider": UserFactory(email="outsider@example.org"),
        "secretariat": grant_role(UserFactory(email="staff@example.org"), Role.SECRETARIAT),
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
