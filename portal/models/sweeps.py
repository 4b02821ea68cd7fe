"""The record of the periodic sweeps, read by /health/."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SweepRecord(models.Model):
    """When each periodic sweep last ran and last succeeded (read by /health/)."""

    name = models.CharField(_("sweep"), max_length=100, unique=True)
    last_started_at = models.DateTimeField(_("last started at"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last succeeded at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_result = models.JSONField(_("last result"), default=dict, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sweep record")
        verbose_name_plural = _("sweep records")

    def __str__(self):
        return self.name
