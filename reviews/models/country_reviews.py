"""One State's country review: reviewers, languages, contacts and the dated steps of each phase.

Group and reviewer assignments, contacts and actual dates are entered by the secretariat (no
public source lists them); the due dates follow from the group's start (``reviews.steps``).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import ChangeRecord, changed_by_field

from .states import State, Treaty


class UnLanguage(models.TextChoices):
    """The six official languages of the United Nations, in which a review may be conducted."""

    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


# The instruments under review: every treaty but UNCAC.
REVIEWED_INSTRUMENTS = [(value, label) for value, label in Treaty.choices if value != Treaty.UNCAC]


class ReviewerAssignment(models.Model):
    """A reviewing State for one instrument of one State under review, fixed for the cycle."""

    state_under_review = models.ForeignKey(
        State,
        on_delete=models.CASCADE,
        related_name="reviewer_assignments",
        verbose_name=_("State under review"),
    )
    reviewer = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="reviews_performed",
        verbose_name=_("reviewing State"),
    )
    instrument = models.CharField(_("instrument"), max_length=10, choices=REVIEWED_INSTRUMENTS)
    note = models.CharField(_("note"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now)

    class Meta:
        ordering = ["state_under_review__name", "instrument", "reviewer__name"]
        verbose_name = _("reviewer assignment")
        verbose_name_plural = _("reviewer assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["state_under_review", "reviewer", "instrument"],
                name="unique_reviewer_per_instrument",
            ),
            models.CheckConstraint(
                condition=~Q(state_under_review=F("reviewer")), name="no_self_review"
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.state_under_review} ({self.get_instrument_display()})"

    @property
    def same_regional_group(self) -> bool:
        return self.reviewer.regional_group == self.state_under_review.regional_group


class ReviewContact(models.Model):
    """The focal point or a governmental expert of a State for its review. Visible only to the
    secretariat and the State's representatives unless the State makes its contacts public."""

    class Role(models.TextChoices):
        FOCAL_POINT = "focal_point", _("Focal point")
        EXPERT = "expert", _("Governmental expert")

    state = models.ForeignKey(
        State, on_delete=models.CASCADE, related_name="review_contacts", verbose_name=_("State")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)

    # Personal data: the change log says that these changed, never what they were.
    log_redacted_fields = ("name", "position", "email", "phone")

    class Meta:
        ordering = ["state__name", "-role", "name"]  # the focal point before the experts
        verbose_name = _("review contact")
        verbose_name_plural = _("review contacts")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()}, {self.state})"

    def log_subject(self) -> str:
        return f"{self._meta.verbose_name}: {self.get_role_display()}, {self.state}"


class ReviewStepQuerySet(models.QuerySet):
    def overdue(self, now=None):
        """Steps past their due date without an actual date: from the second after 23:59:59
        Vienna time on the due day (23:59:59.999 is still in time)."""
        grace = (now or timezone.now()) - timedelta(seconds=1)
        return self.filter(done_on__isnull=True, due_at__lte=grace)


class ReviewStep(models.Model):
    """One step of one phase (cluster) of a State's review: when it is due, when it was done."""

    class Kind(models.TextChoices):
        FOCAL_POINT = "focal_point", _("Focal point appointed")
        EXPERTS = "experts", _("Governmental experts appointed")
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment questionnaire submitted")
        FEEDBACK = "feedback", _("Reviewers' written feedback")
        OBSERVATIONS = "observations", _("List of observations")
        SUMMARY = "summary", _("Summary (at most 1,500 words)")

    state = models.ForeignKey(
        State, on_delete=models.CASCADE, related_name="review_steps", verbose_name=_("State")
    )
    cluster = models.PositiveSmallIntegerField(_("cluster"))
    kind = models.CharField(_("step"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    due_at = models.DateTimeField(
        _("due by"),
        null=True,
        blank=True,
        help_text=_("The end of the due day, Vienna time. Empty where no rule sets a date."),
    )
    due_set_by_secretariat = models.BooleanField(
        _("due date set by the secretariat"),
        default=False,
        help_text=_("Otherwise the due date follows from the group's start."),
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = ReviewStepQuerySet.as_manager()

    class Meta:
        ordering = ["state__name", "cluster", "position"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")
        constraints = [
            models.UniqueConstraint(fields=["state", "cluster", "kind"], name="unique_step"),
            models.CheckConstraint(
                condition=Q(cluster__gte=1, cluster__lte=4), name="step_cluster_1_to_4"
            ),
        ]
        indexes = [models.Index(fields=["done_on", "due_at"], name="step_overdue_idx")]

    def __str__(self):
        return f"{self.state}, cluster {self.cluster}: {self.get_kind_display()}"

    def is_overdue(self, now=None) -> bool:
        return (
            self.done_on is None
            and self.due_at is not None
            and self.due_at + timedelta(seconds=1) <= (now or timezone.now())
        )


class ReviewDataChange(ChangeRecord):
    """One change to the review data (party status, groups, reviewers, contacts, steps), by
    whom, when and through which page; the log the secretariat reads back."""

    class Via(models.TextChoices):
        FORM = "form", _("Edited in the portal")
        IMPORT = "import", _("CSV import")
        SYSTEM = "system", _("Recomputed by the portal")

    by = None  # named "actor" in this log
    actor = changed_by_field()
    state = models.ForeignKey(
        State,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="data_changes",
        verbose_name=_("State"),
    )
    subject = models.CharField(_("what"), max_length=200)
    action = models.CharField(_("action"), max_length=20)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    via = models.CharField(_("through"), max_length=10, choices=Via.choices, default=Via.FORM)

    class Meta(ChangeRecord.Meta):
        verbose_name = _("review data change")
        verbose_name_plural = _("review data changes")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.subject}: {self.action}"
