"""Applications of organizations to dialogues, their people, objections and comments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.files import ServedFileField, ServerFileName
from portal.models import StatusChange, status_field

from .expertise import Expertise


class Application(Expertise):
    """One organization's application to one dialogue. Status changes go through
    ``engagement.services.applications`` and its transition table."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        SCREENED_IN = "screened_in", _("Screened in")
        REJECTED = "rejected", _("Rejected")
        CIRCULATED = "circulated", _("Circulated to States parties")
        OBJECTED = "objected", _("Objected to by a State party")
        REFERRED = "referred", _("Referred to the Bureau")
        APPROVED = "approved", _("Approved")
        CONFIRMED = "confirmed", _("Confirmed")
        LAPSED = "lapsed", _("Lapsed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    organization = models.ForeignKey(
        "engagement.Organization", on_delete=models.PROTECT, related_name="applications"
    )
    dialogue = models.ForeignKey(
        "engagement.Dialogue", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    statement = models.TextField(_("statement of expertise on the working group's topic"))
    travel_support_requested = models.BooleanField(_("travel support requested"), default=False)
    travel_support_justification = models.TextField(_("why travel support is needed"), blank=True)
    nomination_letter = ServedFileField(
        _("nomination letter (PDF)"),
        upload_to=ServerFileName("applications/letters", "pdf"),
        blank=True,
    )
    wants_to_speak = models.BooleanField(_("requests to speak"), default=False)
    speaking_topic = models.CharField(_("topic of the statement"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    confirmation_deadline = models.DateTimeField(
        _("confirm by"),
        null=True,
        blank=True,
        help_text=_(
            "The dialogue's cut-off, or a later one for a place offered from the reserve list."
        ),
    )
    reserve_position = models.PositiveIntegerField(
        _("reserve list position"), null=True, blank=True
    )
    staged_status = models.CharField(
        _("prepared decision"), max_length=20, choices=Status.choices, blank=True
    )
    staged_reason = models.TextField(_("reason of the prepared decision"), blank=True)
    staged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["dialogue", "organization__name"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "dialogue"], name="one_application_per_dialogue"
            ),
        ]
        indexes = [
            models.Index(fields=["dialogue", "status"], name="application_dialogue_status"),
        ]

    def __str__(self):
        return f"{self.organization} → {self.dialogue}"

    def get_absolute_url(self):
        return reverse("engagement:application-detail", kwargs={"pk": self.pk})


class Representative(models.Model):
    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="representatives"
    )
    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=200, blank=True)
    email = models.EmailField(_("email address"))
    attendance = models.CharField(
        _("attends"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )

    class Meta:
        ordering = ["application", "id"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self):
        return self.name


class ApplicationStatusChange(StatusChange):
    """Every status change of an application: who, when, from, to, why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = status_field(_("from"), Application.Status)
    to_status = status_field(_("to"), Application.Status)

    class Meta(StatusChange.Meta):
        verbose_name = _("application status change")
        verbose_name_plural = _("application status changes")

    def subject(self):
        return self.application_id


class Objection(models.Model):
    """A State party's objection to an organization; seen by the secretariat and the Bureau."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="objections"
    )
    state = models.ForeignKey("reviews.State", on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("reason"))
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "state"], name="one_objection_per_state"
            ),
        ]

    def __str__(self):
        return f"{self.state} objects to {self.application.organization}"


class WrittenComment(models.Model):
    """Written comments submitted before the dialogue (text, a PDF, or both)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("comments"), blank=True)
    document = ServedFileField(
        _("document (PDF)"), upload_to=ServerFileName("applications/comments", "pdf"), blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submitted_at"]
        verbose_name = _("written comment")
        verbose_name_plural = _("written comments")

    def __str__(self):
        return f"{self.application} ({self.submitted_at:%Y-%m-%d})"
