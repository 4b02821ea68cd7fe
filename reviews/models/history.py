"""The Convention's history and the compilation of recommendations and chair observations."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class TimelineEvent(models.Model):
    """An event of the Convention's history, with the citation a reader can check."""

    class Kind(models.TextChoices):
        ADOPTION = "adoption", _("Adoption")
        SIGNATURE = "signature", _("Signature")
        ENTRY_INTO_FORCE = "entry_into_force", _("Entry into force")
        COP_SESSION = "cop_session", _("Session of the Conference of the Parties")
        WORKING_GROUP = "working_group", _("Working group")
        REVIEW_MECHANISM = "review_mechanism", _("Review Mechanism")
        OTHER = "other", _("Other")

    key = models.CharField(
        _("reference key"),
        max_length=80,
        blank=True,
        help_text=_("The event's key in the reference data (fixtures/sources/timeline.json)."),
    )
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
        constraints = [
            models.UniqueConstraint(fields=["date", "title"], name="unique_event"),
            models.UniqueConstraint(
                fields=["key"], condition=~models.Q(key=""), name="unique_event_key"
            ),
        ]

    def __str__(self):
        return f"{self.date}: {self.title[:60]}"

    @staticmethod
    def _readable(value: str) -> str:
        """A stated date as readers write it: "14 December 1990", "April 1992", "1997"."""

        parts = [int(part) for part in value.split("-")] if value else []
        if len(parts) == 3:
            return date_format(date(*parts), "j F Y")
        if len(parts) == 2:
            return date_format(date(parts[0], parts[1], 1), "F Y")
        return value

    @property
    def date_display(self) -> str:
        return self._readable(self.date)

    @property
    def end_date_display(self) -> str:
        return self._readable(self.end_date)


class CompilationItem(models.Model):
    """A working-group recommendation or a chair's observation on the Review Mechanism."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("Recommendation")
        OBSERVATION = "observation", _("Chair's observation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    reference_key = models.CharField(
        _("reference key"),
        max_length=80,
        blank=True,
        help_text=_("The item's key in the reference data; empty for items the secretariat adds."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("The item's place in the source, within its year.")
    )
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
        # The source's order: Part A (recommendations) before Part B (observations), each by
        # year, then the bodies and items in the order the source gives them.
        ordering = [
            models.Case(models.When(kind="recommendation", then=0), default=1),
            "year",
            "position",
            "id",
        ]
        verbose_name = _("compilation item")
        verbose_name_plural = _("compilation")
        constraints = [
            models.UniqueConstraint(fields=["source"], name="unique_compilation_source"),
            models.UniqueConstraint(
                fields=["reference_key"],
                condition=~models.Q(reference_key=""),
                name="unique_compilation_reference_key",
            ),
        ]

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
