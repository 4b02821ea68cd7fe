"""Roles the secretariat grants: secretariat staff, State party representative, Bureau member,
working-group chair. (An applicant is simply a member of an organization.)

A grant is scoped to a State or a working group, which the reviews app defines: the foreign keys
name those models by label ("reviews.State"), so no code of this app imports reviews.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat staff")
    STATE_REPRESENTATIVE = "state_representative", _("State party representative")
    BUREAU = "bureau", _("Bureau member")
    CHAIR = "chair", _("Working-group chair")


class RoleGrantQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class RoleGrant(models.Model):
    """One role held by one user; revoked grants stay as the record of who could do what."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_grants",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    state = models.ForeignKey(
        "reviews.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name=_("State represented"),
    )
    working_group = models.ForeignKey(
        "reviews.WorkingGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chairs",
        verbose_name=_("working group chaired"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = RoleGrantQuerySet.as_manager()

    class Meta:
        db_table = "engagement_rolegrant"  # the table of the app that held the model first
        ordering = ["-granted_at"]
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role="state_representative", state__isnull=False)
                    | (~Q(role="state_representative") & Q(state__isnull=True))
                ),
                name="state_only_for_state_representatives",
            ),
            models.CheckConstraint(
                condition=(
                    Q(role="chair", working_group__isnull=False)
                    | (~Q(role="chair") & Q(working_group__isnull=True))
                ),
                name="working_group_only_for_chairs",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(
                    revoked_at__isnull=True, state__isnull=True, working_group__isnull=True
                ),
                name="one_active_unscoped_grant_per_role",
            ),
            models.UniqueConstraint(
                fields=["user", "state"],
                condition=Q(revoked_at__isnull=True, role="state_representative"),
                name="one_active_grant_per_state",
            ),
            models.UniqueConstraint(
                fields=["user", "working_group"],
                condition=Q(revoked_at__isnull=True, role="chair"),
                name="one_active_grant_per_working_group",
            ),
        ]

    def __str__(self):
        scope = self.state or self.working_group
        label = self.get_role_display()
        return f"{self.user} · {label}" + (f" ({scope})" if scope else "")
