"""States (and the EU) as reference data: regional group and treaty participation.

Loaded from ``fixtures/parties/`` (public treaty-status data). The lists are known to be
incomplete for today, so every row keeps its source and how firm it is, and every list its
"as of" and known gap.
"""

import unicodedata

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..state_names import UnknownStateName, state_name


def name_sort_key(name: str) -> str:
    """Sort names as readers expect: "Côte d'Ivoire" among the Cs, "Türkiye" before Turkmenistan
    (databases compare the bytes, which puts accented letters after Z)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class RegionalGroup(models.TextChoices):
    AFRICAN = "AFRICAN", _("African States")
    ASIA_PACIFIC = "ASIA_PACIFIC", _("Asia-Pacific States")
    EASTERN_EUROPEAN = "EASTERN_EUROPEAN", _("Eastern European States")
    GRULAC = "GRULAC", _("Latin American and Caribbean States")
    WEOG = "WEOG", _("Western European and other States")
    NONE = "NONE", _("No UN regional group")


class Treaty(models.TextChoices):
    """The four instruments under review, and UNCAC (which decides on articles 8 and 9)."""

    UNTOC = "UNTOC", _("Organized Crime Convention")
    TIP = "TIP", _("Trafficking in Persons Protocol")
    SOM = "SOM", _("Smuggling of Migrants Protocol")
    FIREARMS = "FIREARMS", _("Firearms Protocol")
    UNCAC = "UNCAC", _("Convention against Corruption")


class State(models.Model):
    """A State (or the European Union) that is, or may become, party to the instruments."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        help_text=_("ISO 3166-1 alpha-3 code; EUU for the European Union, which has none."),
    )
    is_state = models.BooleanField(
        _("is a State"),
        default=True,
        help_text=_("False for a regional economic integration organization (the EU)."),
    )
    regional_group = models.CharField(
        _("UN regional group"), max_length=20, choices=RegionalGroup.choices
    )
    regional_group_source = models.TextField(_("source of the regional group"), blank=True)
    regional_group_note = models.TextField(_("note on the regional group"), blank=True)
    review_group = models.ForeignKey(
        "reviews.ReviewGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="states",
        verbose_name=_("review group"),
        help_text=_("Entered by the secretariat: no public source lists the draw."),
    )
    review_languages = models.JSONField(
        _("review languages"),
        default=list,
        blank=True,
        help_text=_("One or two of the six UN languages, exceptionally a third."),
    )
    review_source = models.CharField(
        _("source of the review data"),
        max_length=300,
        blank=True,
        help_text=_("Where the group, reviewers and languages come from, as shown to users."),
    )
    review_is_demo = models.BooleanField(
        _("review data is demo data"),
        default=False,
        help_text=_("Set by the demo data only; such data is labelled demo wherever it shows."),
    )
    contacts_public = models.BooleanField(
        _("contacts public"),
        default=False,
        help_text=_(
            "The State has made the names and contacts of its focal point and experts public."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("State")
        verbose_name_plural = _("States")

    def __str__(self):
        return self.local_name

    def get_absolute_url(self):
        return reverse("reviews:state-detail", kwargs={"code": self.code})

    @property
    def local_name(self) -> str:
        """The name in the reader's language, as the UN lists it (reviews/state_names.py); in
        English, and where the table has no row for this code, the stored name."""
        language = get_language() or "en"
        if language == "en":
            return self.name
        try:
            return state_name(self.code, language, "short")
        except UnknownStateName:
            return self.name


class TreatyParticipation(models.Model):
    """A State's consent to be bound by one treaty, with the row's source and firmness."""

    class ConsentType(models.TextChoices):
        RATIFICATION = "ratification", _("Ratification")
        ACCESSION = "accession", _("Accession")
        ACCEPTANCE = "acceptance", _("Acceptance")
        APPROVAL = "approval", _("Approval")
        SUCCESSION = "succession", _("Succession")

    class Firmness(models.TextChoices):
        UNTC_2014_SNAPSHOT = "untc_2014_snapshot", _("UN Treaty Collection row (2014 snapshot)")
        CONFIRMED_LATER = "confirmed_later", _("Later action, official source and exact date")
        CONFIRMED_SECONDARY = "confirmed_secondary", _("Exact date from a secondary source")
        DERIVED_FROM_EIF = "derived_from_eif", _("Date derived from entry into force")
        DATE_UNCONFIRMED = "date_unconfirmed", _("Party; date not confirmed")
        INFERRED_MEMBERSHIP = "inferred_membership", _("Membership inferred (provisional)")
        SECRETARIAT = "secretariat", _("Entered or corrected by the secretariat")

    state = models.ForeignKey(
        State, on_delete=models.CASCADE, related_name="participations", verbose_name=_("State")
    )
    treaty = models.CharField(_("treaty"), max_length=10, choices=Treaty.choices)
    signature_date = models.DateField(_("signed on"), null=True, blank=True)
    consent_date = models.DateField(_("consent to be bound on"), null=True, blank=True)
    consent_type = models.CharField(
        _("type of consent"), max_length=20, choices=ConsentType.choices
    )
    source = models.TextField(_("source"))
    firmness = models.CharField(_("firmness"), max_length=30, choices=Firmness.choices)

    class Meta:
        ordering = ["state__name", "treaty"]
        verbose_name = _("treaty participation")
        verbose_name_plural = _("treaty participations")
        constraints = [
            models.UniqueConstraint(fields=["state", "treaty"], name="unique_participation"),
        ]

    def __str__(self):
        return f"{self.state} · {self.get_treaty_display()}"

    @property
    def is_provisional(self) -> bool:
        return self.firmness in {
            self.Firmness.DATE_UNCONFIRMED,
            self.Firmness.INFERRED_MEMBERSHIP,
            self.Firmness.DERIVED_FROM_EIF,
        }


class PartyList(models.Model):
    """One treaty's list of parties as loaded: how complete it is and as of when."""

    treaty = models.CharField(_("treaty"), max_length=10, choices=Treaty.choices, unique=True)
    treaty_collection_chapter = models.CharField(_("UN Treaty Collection chapter"), max_length=20)
    compiled_from = models.TextField(_("compiled from"))
    official_count = models.PositiveSmallIntegerField(_("official count of parties"))
    official_count_as_of = models.CharField(_("official count as of"), max_length=40)
    count_source = models.CharField(
        _("source of the official count"),
        max_length=300,
        blank=True,
        help_text=_("A citation through the sources registry, e.g. the treaty's status page."),
    )
    known_gap = models.CharField(_("known gap"), max_length=200)

    class Meta:
        ordering = ["treaty"]
        verbose_name = _("list of parties")
        verbose_name_plural = _("lists of parties")

    def __str__(self):
        return self.get_treaty_display()
