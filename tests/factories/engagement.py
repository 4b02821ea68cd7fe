"""Factories of the engagement app: organizations, dialogues, applications, letters, pledges."""

import io
from datetime import date, datetime, timedelta

import factory
from django.utils import timezone
from pypdf import PdfWriter

from engagement import deadlines
from engagement.models import (
    AgendaItem,
    Application,
    ApplicationStatusChange,
    Dialogue,
    DialogueStatusChange,
    Invitation,
    Letter,
    LetterExport,
    Membership,
    Objection,
    Organization,
    PanelMember,
    PledgeSignature,
    Representative,
    WorkingGroupSession,
    WrittenComment,
)
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

    organization = factory.SubFactory("tests.factories.engagement.OrganizationFactory")
    dialogue = factory.SubFactory(DialogueFactory)
    statement = "Ten years of work with survivors of trafficking."
    status = Application.Status.SUBMITTED
    created_by = factory.SubFactory("tests.factories.portal.UserFactory")


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


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory("tests.factories.portal.UserFactory")


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    invited_by = factory.SubFactory("tests.factories.portal.UserFactory")
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    dialogue = factory.SubFactory(DialogueFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Programme item {n}")


class PanelMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMember

    dialogue = factory.SubFactory(DialogueFactory)
    position = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Panellist {n}")


class DialogueStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DialogueStatusChange

    dialogue = factory.SubFactory(DialogueFactory)
    from_status = Dialogue.Status.DRAFT
    to_status = Dialogue.Status.OPEN


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    application = factory.SubFactory(ApplicationFactory)
    name = factory.Sequence(lambda n: f"Representative {n}")
    email = factory.Sequence(lambda n: f"representative{n}@example.org")


class ApplicationStatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationStatusChange

    application = factory.SubFactory(ApplicationFactory)
    from_status = Application.Status.DRAFT
    to_status = Application.Status.SUBMITTED


class ObjectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objection

    application = factory.SubFactory(ApplicationFactory, status=Application.Status.OBJECTED)
    state = factory.SubFactory("tests.factories.reviews.StateFactory")
    reason = "Test objection"
    by = factory.SubFactory("tests.factories.portal.UserFactory")


class WrittenCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WrittenComment

    application = factory.SubFactory(ApplicationFactory, status=Application.Status.CONFIRMED)
    text = "Our written comments."
    submitted_by = factory.SubFactory("tests.factories.portal.UserFactory")


def _one_page_pdf() -> bytes:
    """A blank A4 page: enough for code that stores, lists and merges letters."""
    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    return buffer.getvalue()


ONE_PAGE_PDF = _one_page_pdf()


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    organization = factory.SubFactory(OrganizationFactory)
    state = factory.SubFactory("tests.factories.reviews.StateFactory")
    kind = Letter.Kind.PLEDGE
    language = "en"
    input = factory.LazyAttribute(lambda o: {"kind": o.kind, "language": o.language})
    pdf = factory.django.FileField(filename="letter.pdf", data=ONE_PAGE_PDF)
    created_by = factory.SubFactory("tests.factories.portal.UserFactory")


class LetterExportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterExport

    description = "Letters to one State"
    requested_by = factory.SubFactory("tests.factories.portal.UserFactory")
    criteria = factory.LazyFunction(lambda: {"state": "KEN"})


class PledgeSignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeSignature

    state = factory.SubFactory("tests.factories.reviews.StateFactory")
    signed_on = date(2021, 5, 4)
    signatory = "Minister of Justice"
    source_url = "https://www.example.org/pledge.pdf"
