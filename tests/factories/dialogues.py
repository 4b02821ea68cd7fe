from datetime import date, datetime, timedelta

import factory

from engagement import deadlines
from engagement.models import Application, Dialogue, Organization, WorkingGroupSession
from portal.deadlines import VIENNA
from reviews.models import WorkingGroup


class WorkingGroupSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroupSession

    working_group = factory.LazyFunction(lambda: WorkingGroup.objects.get(slug="firearms"))
    number = factory.Sequence(lambda n: n + 1)
    # Applications open (98 days before) and still accepted (deadline 56 days before).
    starts_on = factory.Sequence(lambda n: date.today() + timedelta(days=60 + n % 20))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=2))
    report_adopted_on = factory.LazyAttribute(lambda o: o.ends_on)


class DialogueFactory(factory.django.DjangoModelFactory):
    """A dialogue the day after its session ends, at 15:00 Vienna, with the default dates."""

    class Meta:
        model = Dialogue

    session = factory.SubFactory(WorkingGroupSessionFactory)
    title = factory.LazyAttribute(
        lambda o: f"Constructive dialogue after the {o.session.working_group.short_name} session"
    )
    starts_at = factory.LazyAttribute(
        lambda o: datetime.combine(
            o.session.ends_on + timedelta(days=1), datetime.min.time(), tzinfo=VIENNA
        ).replace(hour=15)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    format = Dialogue.Format.HYBRID
    venue = "Vienna International Centre"
    status = Dialogue.Status.OPEN
    applications_open_at = factory.LazyAttribute(
        lambda o: deadlines.default_dates(o.starts_at).applications_open_at
    )
    application_deadline = factory.LazyAttribute(
        lambda o: deadlines.default_dates(o.starts_at).application_deadline
    )
    circulation_at = factory.LazyAttribute(
        lambda o: deadlines.default_dates(o.starts_at).circulation_at
    )
    objection_deadline = factory.LazyAttribute(
        lambda o: deadlines.default_dates(o.starts_at).objection_deadline
    )
    confirmation_deadline = factory.LazyAttribute(
        lambda o: deadlines.default_dates(o.starts_at).confirmation_deadline
    )


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    organization = factory.SubFactory("tests.factories.dialogues.OrganizationFactory")
    dialogue = factory.SubFactory(DialogueFactory)
    statement = "Ten years of work with survivors of trafficking."
    status = Application.Status.SUBMITTED


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = Organization.Kind.NGO
    country = "KE"
    email = factory.Sequence(lambda n: f"org{n}@example.org")
    postal_address = "PO Box 1"
    mission = "Testing"
    expertise_text = "Trafficking in persons"
