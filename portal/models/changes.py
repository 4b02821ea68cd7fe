"""The shape every change log shares: who changed what, and when.

``ChangeRecord`` gives ``at`` and ``by``; ``StatusChange`` adds the status before and after and
the reason, for the logs of the status machines (each declares its statuses with
``status_field``). A log that names its author otherwise removes ``by`` (``by = None``) and
declares its own with ``changed_by_field``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def changed_by_field() -> models.ForeignKey:
    """Who made the change: a user, or nobody (the portal itself, or a deleted account)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )


def status_field(verbose_name, statuses: type[models.TextChoices]) -> models.CharField:
    """A status before or after a change, among ``statuses``."""
    return models.CharField(verbose_name, max_length=20, choices=statuses.choices)


class ChangeRecord(models.Model):
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    by = changed_by_field()

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]


class StatusChange(ChangeRecord):
    """One status change of one object: from, to, by whom, when, why (oldest first)."""

    from_status = models.CharField(_("from"), max_length=20)
    to_status = models.CharField(_("to"), max_length=20)
    reason = models.TextField(_("reason"), blank=True)

    class Meta(ChangeRecord.Meta):
        abstract = True
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.subject()}: {self.from_status} → {self.to_status}"

    def subject(self):
        """What changed status (named in ``__str__``)."""
        raise NotImplementedError
