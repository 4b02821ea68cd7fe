"""The Convention, its three Protocols, their articles and the four review clusters.

Reference data: loaded from ``fixtures/instruments.json``; every row keeps its source.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Instrument(models.Model):
    class Code(models.TextChoices):
        UNTOC = "UNTOC", _("Convention")
        TIP = "TIP", _("Trafficking in Persons Protocol")
        SOM = "SOM", _("Smuggling of Migrants Protocol")
        FIREARMS = "FIREARMS", _("Firearms Protocol")

    code = models.CharField(_("code"), max_length=10, choices=Code.choices, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("official name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100)
    adoption_resolution = models.CharField(_("adopted by resolution"), max_length=50)
    adoption_date = models.DateField(_("adopted on"))
    entry_into_force = models.DateField(_("entered into force on"))
    treaty_collection_chapter = models.CharField(
        _("UN Treaty Collection chapter"), max_length=20, blank=True
    )
    parties_count = models.PositiveSmallIntegerField(_("States parties (as stated)"))
    parties_count_as_of = models.DateField(
        _("parties count as of"), help_text=_("The month the stated count refers to.")
    )
    parties_count_source = models.CharField(_("source of the parties count"), max_length=300)
    facts_source = models.CharField(_("source of the other facts"), max_length=300)

    class Meta:
        ordering = ["position"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self):
        return self.local_short_name

    def get_absolute_url(self):
        return reverse("instruments:detail", kwargs={"slug": self.slug})

    @property
    def local_short_name(self) -> str:
        """The short name in the reader's language (instruments/labels.py marks them)."""
        return gettext(self.short_name)


class Cluster(models.Model):
    """One of the four clusters of articles reviewed together in a two-year phase."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["number"]
        verbose_name = _("review cluster")
        verbose_name_plural = _("review clusters")

    def __str__(self):
        return self.local_name

    def get_absolute_url(self):
        return reverse("instruments:cluster-detail", kwargs={"slug": self.slug})

    @property
    def local_name(self) -> str:
        """The name in the reader's language (instruments/labels.py marks them)."""
        return gettext(self.name)

    @property
    def local_short_name(self) -> str:
        return gettext(self.short_name)


class Article(models.Model):
    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="articles", verbose_name=_("instrument")
    )
    number = models.CharField(_("article number"), max_length=8)
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("official title"), max_length=300)
    clusters = models.ManyToManyField(
        Cluster, related_name="articles", blank=True, verbose_name=_("review clusters")
    )
    reviewed_only_if_not_uncac_party = models.BooleanField(
        _("reviewed only for States not party to the Convention against Corruption"),
        default=False,
    )
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["instrument__position", "position"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="unique_article_number"),
        ]

    def __str__(self):
        return _("%(instrument)s, article %(number)s") % {
            "instrument": self.instrument.short_name,
            "number": self.number,
        }

    def get_absolute_url(self):
        return reverse(
            "instruments:article-detail",
            kwargs={"slug": self.instrument.slug, "number": self.number},
        )
