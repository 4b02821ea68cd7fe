"""The areas of expertise an organization declares in its profile and again, for one
dialogue, in an application: instruments and review clusters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Expertise(models.Model):
    EXPERTISE_FIELDS = ("expertise_instruments", "expertise_clusters")

    expertise_instruments = models.ManyToManyField(
        "instruments.Instrument",
        blank=True,
        related_name="+",
        verbose_name=_("instruments of expertise"),
    )
    expertise_clusters = models.ManyToManyField(
        "instruments.Cluster",
        blank=True,
        related_name="+",
        verbose_name=_("review clusters of expertise"),
    )

    class Meta:
        abstract = True

    def expertise_set(self, fields: dict) -> None:
        """Set the instruments and clusters given in ``fields`` (those absent stay)."""
        for name in self.EXPERTISE_FIELDS:
            if fields.get(name) is not None:
                getattr(self, name).set(fields[name])

    def expertise_initial(self) -> dict:
        """The instruments and clusters, as a form's initial values."""
        return {name: list(getattr(self, name).all()) for name in self.EXPERTISE_FIELDS}
