import pytest

from portal.models import Role
from tests.factories import UserFactory, grant_role


@pytest.fixture
def officer():
    """A secretariat officer (with the authenticator app the role requires)."""
    return grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT)


@pytest.fixture
def staff(client, officer):
    """The test client, signed in as the secretariat officer."""
    client.force_login(officer)
    return client
