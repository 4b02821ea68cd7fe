"""Working-group sessions and the constructive dialogues that follow them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagement import deadlines
from portal.deadlines import days_before
from portal.files import ServedFileField, ServerFileName
from portal.models import StatusChange, status_field
from portal.validation import YearRangeValidator

# Dialogues and sessions fall in years the portal can count deadlines back from (the Review
# Mechanism dates from 2018); the cut-off is at most a year before the dialogue.
DIALOGUE_YEARS = YearRangeValidator(2000, 2100)


class WorkingGroupSession(models.Model):
    """A session of one of the five working groups; its dialogue follows its conclusion."""

    working_group = models.ForeignKey(
        "reviews.WorkingGroup",
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("working group"),
    )
    number = models.PositiveSmallIntegerField(_("session number"))
    starts_on = models.DateField(_("first day"), validators=[DIALOGUE_YEARS])
    ends_on = models.DateField(_("last day"), validators=[DIALOGUE_YEARS])
    venue = models.CharField(_("venue"), max_length=200, default="Vienna")
    report_adopted_on = models.DateField(
        _("report adopted on"), null=True, blank=True, validators=[DIALOGUE_YEARS]
    )

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("working-group session")
        verbose_name_plural = _("working-group sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "number"], name="unique_session_number"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="session_ends_after_start"
            ),
        ]

    def __str__(self):
        return _("%(group)s, session %(number)s") % {
            "group": self.working_group.short_name,
            "number": self.number,
        }


class Dialogue(models.Model):
    """A constructive dialogue (paragraph 53 of the Procedures and Rules).

    Every period is a per-dialogue value; ``engagement.deadlines`` holds the sourced defaults.
    Status changes go through ``engagement.services.dialogues`` and its transition table.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for applications")
        CLOSED = "closed", _("Applications closed")
        CIRCULATED = "circulated", _("List circulated to States parties")
        CONVENED = "convened", _("Convened")
        NOT_CONVENED = "not_convened", _("Not convened")
        HELD = "held", _("Held")
        SUMMARY_PUBLISHED = "summary_published", _("Summary published")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid (in person and online)")
        ONLINE = "online", _("Online")

    session = models.OneToOneField(
        WorkingGroupSession,
        on_delete=models.PROTECT,
        related_name="dialogue",
        verbose_name=_("working-group session"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), validators=[DIALOGUE_YEARS])
    ends_at = models.DateTimeField(_("ends at"), validators=[DIALOGUE_YEARS])
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    capacity_in_person = models.PositiveIntegerField(
        _("places in person"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    capacity_online = models.PositiveIntegerField(
        _("places online"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    applications_open_at = models.DateTimeField(
        _("applications open at"), validators=[DIALOGUE_YEARS]
    )
    application_deadline = models.DateTimeField(
        _("application deadline"), validators=[DIALOGUE_YEARS]
    )
    circulation_at = models.DateTimeField(
        _("list circulated to States parties by"), validators=[DIALOGUE_YEARS]
    )
    objection_deadline = models.DateTimeField(
        _("objection window ends at"), validators=[DIALOGUE_YEARS]
    )
    confirmation_days_before = models.PositiveSmallIntegerField(
        _("confirmation cut-off, days before the dialogue"),
        default=deadlines.CONFIRMATION_DAYS_BEFORE,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    confirmation_deadline = models.DateTimeField(
        _("confirmation cut-off"),
        help_text=_("Computed: 23:59:59 Vienna time, the set number of days before the dialogue."),
    )
    minimum_applications = models.PositiveSmallIntegerField(
        _("minimum number of applications to convene"),
        default=deadlines.MINIMUM_APPLICATIONS,
        validators=[MaxValueValidator(10000)],
    )
    background_paper = ServedFileField(
        _("background paper (PDF)"), upload_to=ServerFileName("dialogues/papers", "pdf"), blank=True
    )
    chair_summary = models.TextField(_("chair's written summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    not_convened_reason = models.TextField(_("reason for not convening"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("constructive dialogue")
        verbose_name_plural = _("constructive dialogues")
        constraints = [
            models.CheckConstraint(
                condition=Q(applications_open_at__lt=F("application_deadline"))
                & Q(application_deadline__lt=F("circulation_at"))
                & Q(circulation_at__lt=F("objection_deadline"))
                & Q(objection_deadline__lt=F("confirmation_deadline"))
                & Q(confirmation_deadline__lt=F("starts_at"))
                & Q(starts_at__lt=F("ends_at")),
                name="dialogue_dates_in_order",
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="dialogue_status_start")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("engagement:dialogue-detail", kwargs={"pk": self.pk})

    @property
    def comments_deadline(self):
        """Written comments may be added until the day before the dialogue (Vienna time)."""
        return days_before(self.starts_at, 1)


class AgendaItem(models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    starts_at = models.TimeField(_("time (Vienna)"), null=True, blank=True)
    title = models.CharField(_("item"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["dialogue", "position", "id"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self):
        return self.title


class PanelMember(models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="panel_members")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=200, blank=True)
    affiliation = models.CharField(_("organization"), max_length=200, blank=True)

    class Meta:
        ordering = ["dialogue", "position", "id"]
        verbose_name = _("panel member")
        verbose_name_plural = _("panel")

    def __str__(self):
        return self.name


class DialogueStatusChange(StatusChange):
    """The record of every dialogue status change: who, when, from, to, why."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="status_changes")
    from_status = status_field(_("from"), Dialogue.Status)
    to_status = status_field(_("to"), Dialogue.Status)

    class Meta(StatusChange.Meta):
        verbose_name = _("dialogue status change")
        verbose_name_plural = _("dialogue status changes")

    def subject(self):
        return self.dialogue
