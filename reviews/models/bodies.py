"""The five working groups of the Conference of the Parties."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class WorkingGroup(models.Model):
    """A working group that considers country reviews and convenes constructive dialogues."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=80)
    document_symbol = models.CharField(
        _("document symbol prefix"), max_length=30, help_text=_("For example CTOC/COP/WG.4.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["position"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self):
        return self.local_short_name

    @property
    def local_name(self) -> str:
        """The name in the reader's language, in the glossary's wording (reviews/labels.py)."""
        return gettext(self.name)

    @property
    def local_short_name(self) -> str:
        return gettext(self.short_name)
