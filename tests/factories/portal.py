"""Factories of the portal's foundations: users, role grants, the outbox, sweep records."""

import factory
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from portal.models import OutboundEmail, Role, RoleGrant, SweepRecord, User


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


class RoleGrantFactory(factory.django.DjangoModelFactory):
    """A role without scope (the secretariat by default); pass ``state`` or ``working_group``
    with the roles that need one."""

    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    role = Role.SECRETARIAT


class OutboundEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboundEmail

    to = factory.Sequence(lambda n: f"recipient{n}@example.org")
    subject = factory.Sequence(lambda n: f"Message {n}")
    body_text = "Hello."
    template = "emails/test/message"


class SweepRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SweepRecord

    name = factory.Sequence(lambda n: f"test_sweep_{n}")
