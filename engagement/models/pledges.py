"""Which governments have signed the civil society engagement and transparency pledge."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.files import ServedFileField, ServerFileName


class PledgeSignature(models.Model):
    """A government's signature of the pledge (seed 002 L633-648), recorded by the secretariat
    with its date, signatory and a source anyone can check."""

    state = models.OneToOneField(
        "reviews.State",
        on_delete=models.PROTECT,
        related_name="pledge_signature",
        verbose_name=_("State"),
    )
    signed_on = models.DateField(_("signed on"))
    signatory = models.CharField(_("signatory"), max_length=200)
    signatory_title = models.CharField(_("signatory's function"), max_length=200, blank=True)
    source_document = ServedFileField(
        _("source document (PDF)"), upload_to=ServerFileName("pledges", "pdf"), blank=True
    )
    source_url = models.URLField(_("source address"), blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-signed_on"]
        verbose_name = _("pledge signature")
        verbose_name_plural = _("pledge signatures")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source_document="") | ~models.Q(source_url=""),
                name="pledge_signature_has_a_source",
            ),
        ]

    def __str__(self):
        return f"{self.state} ({self.signed_on})"
