"""Demo data for trying the portal: labelled demo everywhere, never mixed with real data.

Users live under the reserved domain ``demo.invalid``; organization names end in "(demo)"
and carry ``is_demo``; dialogue titles start with "Demo:".
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils import timezone

from engagement import deadlines
from engagement.models import (
    AgendaItem,
    Application,
    ApplicationStatusChange,
    Dialogue,
    Membership,
    Objection,
    Organization,
    WorkingGroupSession,
)
from instruments.models import Cluster, Instrument
from portal.deadlines import VIENNA
from portal.models import Role, RoleGrant, User
from reviews.models import State, WorkingGroup

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 (demo accounts only, printed by make run)
# Fixed authenticator-app secrets so a newcomer can add the demo accounts to an app.
DEMO_TOTP_SECRETS = {
    "secretariat@demo.invalid": "DEMOSECRETARIATAAAAAAAAAAAAAAAAA",
    "bureau@demo.invalid": "DEMOBUREAUAAAAAAAAAAAAAAAAAAAAAA",
    "chair@demo.invalid": "DEMOCHAIRAAAAAAAAAAAAAAAAAAAAAAA",
    "state@demo.invalid": "DEMOSTATEAAAAAAAAAAAAAAAAAAAAAAA",
}


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    role: str | None
    scope: dict


DEMO_USERS = [
    DemoUser("ngo@demo.invalid", "Amina Okafor (demo)", None, {}),
    DemoUser("colleague@demo.invalid", "Luis Romero (demo)", None, {}),
    DemoUser("secretariat@demo.invalid", "Secretariat officer (demo)", Role.SECRETARIAT, {}),
    DemoUser("bureau@demo.invalid", "Bureau member (demo)", Role.BUREAU, {}),
    DemoUser(
        "chair@demo.invalid",
        "Chair of the Firearms group (demo)",
        Role.CHAIR,
        {"working_group": "firearms"},
    ),
    DemoUser(
        "state@demo.invalid",
        "Representative of Kenya (demo)",
        Role.STATE_REPRESENTATIVE,
        {"state": "KEN"},
    ),
]

# (name, acronym, kind, country, ecosoc, flags, instruments, clusters)
DEMO_ORGANIZATIONS = [
    ("Coastal Anti-Trafficking Network", "CATN", "ngo", "KE", "special", "gv", "TIP", "1 2"),
    ("Andean Migrant Rights Centre", "AMRC", "ngo", "PE", "none", "g", "SOM", "2 4"),
    ("Sahel Firearms Watch", "SFW", "ngo", "NE", "none", "g", "FIREARMS", "2 3"),
    (
        "Institute for Transnational Crime Studies",
        "ITCS",
        "academia",
        "AT",
        "none",
        "",
        "UNTOC TIP",
        "1 3 4",
    ),
    ("Pacific Youth against Exploitation", "PYAE", "ngo", "FJ", "none", "gy", "TIP", "2"),
    ("Survivors' Voice Collective", "SVC", "ngo", "NG", "roster", "gv", "TIP", "2"),
    ("Balkan Investigative Reporting Hub", "BIRH", "ngo", "RS", "none", "", "UNTOC", "3 4"),
    ("Mekong Labour Rights Alliance", "MLRA", "ngo", "TH", "special", "g", "TIP SOM", "2"),
    ("Centre for Maritime Security Law", "CMSL", "academia", "GB", "none", "", "SOM", "4"),
    ("Responsible Supply Chains Forum", "RSCF", "private_sector", "CH", "none", "", "TIP", "2"),
    ("Caribbean Small Arms Coalition", "CSAC", "ngo", "JM", "special", "g", "FIREARMS", "2"),
    ("Legal Aid for Migrants Foundation", "LAMF", "ngo", "MX", "general", "", "SOM", "2 3"),
    ("Eastern Europe Anti-Corruption Lab", "EEAL", "academia", "UA", "none", "", "UNTOC", "1"),
    ("Women's Shelter Network of the Gulf", "WSNG", "ngo", "JO", "none", "v", "TIP", "2"),
    ("Digital Evidence Standards Group", "DESG", "private_sector", "SG", "none", "", "UNTOC", "4"),
    (
        "Great Lakes Peace and Arms Initiative",
        "GLPAI",
        "ngo",
        "UG",
        "none",
        "gy",
        "FIREARMS",
        "2 3",
    ),
    (
        "Observatory on Organized Crime in Latin America",
        "OOCLA",
        "academia",
        "CO",
        "none",
        "",
        "UNTOC",
        "1 3",
    ),
    ("Nordic Business Integrity Council", "NBIC", "private_sector", "SE", "none", "", "UNTOC", "2"),
    ("South Asia Child Protection Forum", "SACPF", "ngo", "NP", "special", "g", "TIP", "2"),
    ("Migrant Workers Solidarity Network", "MWSN", "ngo", "PH", "roster", "v", "TIP SOM", "2"),
    ("West African Law Clinic", "WALC", "academia", "GH", "none", "y", "UNTOC", "1 4"),
    ("Desert Routes Humanitarian Aid", "DRHA", "ngo", "TN", "none", "g", "SOM", "2"),
    ("Central Asia Border Research Centre", "CABRC", "academia", "KZ", "none", "", "SOM", "3"),
    (
        "Shipping Industry Anti-Smuggling Initiative",
        "SIASI",
        "private_sector",
        "GR",
        "none",
        "",
        "SOM",
        "2",
    ),
    ("Indigenous Communities against Trafficking", "ICAT", "ngo", "BO", "none", "gv", "TIP", "2"),
    ("Arms Transfer Transparency Project", "ATTP", "other", "BE", "special", "", "FIREARMS", "4"),
    ("Youth Network on Cybercrime", "YNC", "ngo", "IN", "none", "y", "UNTOC", "2"),
    ("Pan-African Survivors Alliance", "PASA", "ngo", "ZA", "none", "gv", "TIP", "2"),
    (
        "Justice Reform Institute of the Americas",
        "JRIA",
        "academia",
        "AR",
        "general",
        "",
        "UNTOC",
        "3",
    ),
    ("Port Security Partnership", "PSP", "private_sector", "NL", "none", "", "FIREARMS SOM", "3"),
]


def _user(spec: DemoUser) -> User:

    user, created = User.objects.get_or_create(email=spec.email, defaults={"full_name": spec.name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=spec.email, defaults={"verified": True, "primary": True}
    )
    if spec.role:
        scope = {}
        if "state" in spec.scope:
            scope["state"] = State.objects.get(code=spec.scope["state"])
        if "working_group" in spec.scope:
            scope["working_group"] = WorkingGroup.objects.get(slug=spec.scope["working_group"])
        if not RoleGrant.objects.active().filter(user=user, role=spec.role, **scope).exists():
            RoleGrant.objects.create(user=user, role=spec.role, **scope)
        _authenticator(user, DEMO_TOTP_SECRETS[spec.email])
    return user


def _authenticator(user, secret: str) -> None:

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)


def _organizations(admin: User, colleague: User) -> int:
    instruments = {i.code: i for i in Instrument.objects.all()}
    clusters = {str(c.number): c for c in Cluster.objects.all()}
    for index, row in enumerate(DEMO_ORGANIZATIONS):
        name, acronym, kind, country, ecosoc, flags, codes, numbers = row
        organization, created = Organization.objects.get_or_create(
            name=f"{name} (demo)",
            defaults={
                "acronym": acronym,
                "kind": kind,
                "country": country,
                "is_demo": True,
                "ecosoc_status": ecosoc,
                "ecosoc_year": 2010 + index % 12 if ecosoc != "none" else None,
                "email": f"contact@{acronym.lower()}.demo.invalid",
                "website": f"https://{acronym.lower()}.demo.invalid",
                "postal_address": f"{acronym} office (demo address)\nDemo Street {index + 1}",
                "mission": f"Demo organization working on {codes.replace(' ', ', ')} issues.",
                "is_grassroots": "g" in flags,
                "is_victim_led": "v" in flags,
                "is_youth_led": "y" in flags,
                "countries_of_work": [country],
            },
        )
        if created:
            organization.expertise_instruments.set(instruments[c] for c in codes.split())
            organization.expertise_clusters.set(clusters[n] for n in numbers.split())
    first = Organization.objects.get(name=f"{DEMO_ORGANIZATIONS[0][0]} (demo)")
    Membership.objects.get_or_create(organization=first, user=admin, defaults={"is_admin": True})
    Membership.objects.get_or_create(organization=first, user=colleague)
    return len(DEMO_ORGANIZATIONS)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=VIENNA).replace(hour=hour)


def _dialogue(group_slug: str, number: int, starts_on: date, status: str, title: str):
    group = WorkingGroup.objects.get(slug=group_slug)
    session, _created = WorkingGroupSession.objects.get_or_create(
        working_group=group,
        number=number,
        defaults={
            "starts_on": starts_on,
            "ends_on": starts_on + timedelta(days=2),
            "report_adopted_on": starts_on + timedelta(days=2),
        },
    )
    starts_at = _at(session.ends_on + timedelta(days=1), 10)
    dates = deadlines.default_dates(starts_at)
    dialogue, created = Dialogue.objects.get_or_create(
        session=session,
        defaults={
            "title": title,
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(hours=3),
            "format": Dialogue.Format.HYBRID,
            "venue": "Vienna International Centre (demo)",
            "capacity_in_person": 40,
            "capacity_online": 100,
            "status": status,
            "applications_open_at": dates.applications_open_at,
            "application_deadline": dates.application_deadline,
            "circulation_at": dates.circulation_at,
            "objection_deadline": dates.objection_deadline,
            "confirmation_deadline": dates.confirmation_deadline,
            "description": "Demo dialogue to try the portal; not a real meeting.",
        },
    )
    if created:
        AgendaItem.objects.create(dialogue=dialogue, position=1, title="Opening by the chair")
        AgendaItem.objects.create(
            dialogue=dialogue, position=2, title="Statements by non-governmental stakeholders"
        )
    return dialogue


@transaction.atomic
def demo_data_load() -> dict:
    """Create (or complete) the demo users, organizations and dialogues. Idempotent."""
    users = {spec.email: _user(spec) for spec in DEMO_USERS}
    organizations = _organizations(users["ngo@demo.invalid"], users["colleague@demo.invalid"])
    today = timezone.localdate()
    trafficking = _dialogue(
        "trafficking-in-persons",
        90,
        today + timedelta(days=80),
        Dialogue.Status.OPEN,
        "Demo: constructive dialogue after the Trafficking in Persons session",
    )
    firearms = _dialogue(
        "firearms",
        90,
        today + timedelta(days=45),
        Dialogue.Status.CIRCULATED,
        "Demo: constructive dialogue after the Firearms session",
    )
    past = _dialogue(
        "smuggling-of-migrants",
        90,
        today - timedelta(days=200),
        Dialogue.Status.SUMMARY_PUBLISHED,
        "Demo: constructive dialogue after the Smuggling of Migrants session",
    )
    if not past.chair_summary:
        past.chair_summary = "Demo summary by the chair: participants discussed ..."
        past.save(update_fields=["chair_summary"])
    _applications(
        {
            trafficking: ["draft", "submitted", "submitted", "screened_in"],
            firearms: ["circulated", "circulated", "objected", "referred", "approved"],
            past: ["confirmed", "confirmed", "lapsed", "rejected", "withdrawn"],
        },
        users["state@demo.invalid"],
    )
    return {"users": len(users), "organizations": organizations}


def _applications(plan: dict, state_user) -> None:
    """Demo applications in every status, with a recorded history and objections."""

    organizations = list(Organization.objects.filter(is_demo=True).order_by("name"))
    index = 1  # the first demo organization applies through the demo applicant's form
    for dialogue, statuses in plan.items():
        for status in statuses:
            organization = organizations[index % len(organizations)]
            index += 1
            application, created = Application.objects.get_or_create(
                organization=organization,
                dialogue=dialogue,
                defaults={
                    "status": status,
                    "statement": "Demo application.",
                    "travel_support_requested": organization.is_grassroots,
                    "travel_support_justification": "Demo: grassroots organization."
                    if organization.is_grassroots
                    else "",
                    "submitted_at": None if status == "draft" else timezone.now(),
                    "confirmation_deadline": dialogue.confirmation_deadline
                    if status in ("approved", "confirmed", "lapsed")
                    else None,
                },
            )
            if not created:
                continue
            application.representatives.create(
                name=f"Representative of {organization.acronym} (demo)",
                email=f"rep@{organization.acronym.lower()}.demo.invalid",
            )
            application.expertise_clusters.set(organization.expertise_clusters.all())
            if status != "draft":
                ApplicationStatusChange.objects.create(
                    application=application,
                    from_status="draft",
                    to_status=status,
                    reason="Demo data",
                )
            if status in ("objected", "referred"):
                Objection.objects.create(
                    application=application,
                    state=State.objects.get(code="KEN"),
                    by=state_user,
                    reason="Demo objection.",
                )
