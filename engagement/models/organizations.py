"""Organizations (NGOs, academia, private sector), their members and invitations."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from portal.files import ServedImageField, ServerFileName

from .expertise import Expertise

ECOSOC_YEAR_MESSAGE = _("Give the year as four digits, e.g. 2015.")


def _nonce() -> str:
    return secrets.token_urlsafe(16)


class Organization(Expertise):
    class Kind(models.TextChoices):
        NGO = "ngo", _("Non-governmental organization")
        ACADEMIA = "academia", _("Academia")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        OTHER = "other", _("Other")

    class EcosocStatus(models.TextChoices):
        NONE = "none", _("No consultative status")
        GENERAL = "general", _("General consultative status")
        SPECIAL = "special", _("Special consultative status")
        ROSTER = "roster", _("Roster")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    country = CountryField(_("country of headquarters"))
    countries_of_work = CountryField(_("countries of work"), multiple=True, blank=True)
    ecosoc_status = models.CharField(
        _("ECOSOC consultative status"),
        max_length=10,
        choices=EcosocStatus.choices,
        default=EcosocStatus.NONE,
    )
    ecosoc_year = models.PositiveSmallIntegerField(
        _("year the status was granted"),
        null=True,
        blank=True,
        # ECOSOC first granted consultative status in 1946.
        validators=[
            MinValueValidator(1946, message=ECOSOC_YEAR_MESSAGE),
            MaxValueValidator(2100, message=ECOSOC_YEAR_MESSAGE),
        ],
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    postal_address = models.TextField(
        _("postal address"), blank=True, help_text=_("Printed on the letterhead of letters.")
    )
    logo = ServedImageField(_("logo"), upload_to=ServerFileName("logos", "png"), blank=True)
    mission = models.TextField(_("mission statement"), blank=True)
    expertise_text = models.TextField(_("other areas of expertise"), blank=True)
    is_grassroots = models.BooleanField(_("grassroots organization"), default=False)
    is_victim_led = models.BooleanField(_("victim-led or survivor-led"), default=False)
    is_youth_led = models.BooleanField(_("youth-led"), default=False)
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Created by the demo data, not real.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.CheckConstraint(
                condition=Q(ecosoc_status="none", ecosoc_year__isnull=True)
                | ~Q(ecosoc_status="none"),
                name="ecosoc_year_only_with_status",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("engagement:organization-detail", kwargs={"pk": self.pk})


class Membership(models.Model):
    """A user's membership of an organization; admins invite and remove colleagues."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    is_admin = models.BooleanField(_("organization admin"), default=False)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    class Meta:
        ordering = ["organization__name", "joined_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.user} · {self.organization}"


class Invitation(models.Model):
    """An emailed invitation to join an organization: signed link, expires, used once."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    nonce = models.CharField(max_length=40, default=_nonce, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organization}"

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )
