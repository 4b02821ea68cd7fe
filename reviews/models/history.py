"""The Convention's history and the compilation of recommendations and chair observations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimelineEvent(models.Model):
    class Kind(models.TextChoices):
        ADOPTION = "adoption", _("Adoption")
        SIGNATURE = "signature", _("Signature")
        ENTRY_INTO_FORCE = "entry_into_force", _("Entry into force")
        COP_SESSION = "cop_session", _("Session of the Conference of the Parties")
        WORKING_GROUP = "working_group", _("Working group")
        REVIEW_MECHANISM = "review_mechanism", _("Review Mechanism")
        OTHER = "other", _("Other")

    date = models.CharField(
        _("date as stated"),
        max_length=10,
        help_text=_("A year, a month (YYYY-MM) or a day (YYYY-MM-DD)."),
    )
    end_date = models.CharField(_("end date"), max_length=10, blank=True)
    sort_key = models.CharField(max_length=10, db_index=True)
    title = models.TextField(_("event"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    documents = models.JSONField(_("documents"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=300)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["sort_key", "id"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        constraints = [models.UniqueConstraint(fields=["date", "title"], name="unique_event")]

    def __str__(self):
        return f"{self.date}: {self.title[:60]}"


class CompilationItem(models.Model):
    """A working-group recommendation or a chair's observation on the Review Mechanism."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        OBSERVATION = "observation", _("Chair's observation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    body = models.CharField(_("body"), max_length=200)
    document = models.CharField(
        _("document symbol"),
        max_length=60,
        blank=True,
        help_text=_("Chair's observations of the constructive dialogues have none."),
    )
    label = models.CharField(_("label"), max_length=60, blank=True)
    text = models.TextField(_("text"))
    tags = models.JSONField(_("topics"), default=list, blank=True)
    source = models.CharField(
        _("source"), max_length=300, help_text=_("Where the text comes from; one per item.")
    )
    notes = models.TextField(_("notes"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "document", "id"]
        verbose_name = _("compilation item")
        verbose_name_plural = _("compilation")
        constraints = [models.UniqueConstraint(fields=["source"], name="unique_compilation_source")]

    def __str__(self):
        return f"{self.document or self.body}, {self.label or self.source}"


class ReviewGroup(models.Model):
    """One of the three groups of States drawn by lot, and when its review starts."""

    number = models.PositiveSmallIntegerField(_("group"), unique=True)
    starts_on = models.DateField(_("review starts on"))
    years_per_cluster = models.PositiveSmallIntegerField(_("years per cluster"), default=2)
    source = models.CharField(_("source"), max_length=300)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("review group")
        verbose_name_plural = _("review groups")

    def __str__(self):
        return _("Group %(number)s") % {"number": self.number}


class PreparatoryPhase(models.Model):
    """The Review Mechanism's preparatory phase, from its establishment to the launch of the
    review process (one row)."""

    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        verbose_name = _("preparatory phase")
        verbose_name_plural = _("preparatory phase")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="preparatory_phase_ends_after_start",
            )
        ]

    def __str__(self):
        return str(_("Preparatory phase"))
