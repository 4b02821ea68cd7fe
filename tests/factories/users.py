import factory
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from portal.models import RoleGrant, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Test User {n}")
    password = factory.django.Password("correct horse battery staple")


def grant_role(user, role, *, mfa=True, **scope):
    """Give ``user`` a role (and, by default, an authenticator app, as the role requires)."""

    RoleGrant.objects.create(user=user, role=role, **scope)
    if mfa and not Authenticator.objects.filter(user=user, type="totp").exists():
        TOTP.activate(user, generate_totp_secret())
    return user
