from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstrumentsConfig(AppConfig):
    name = "instruments"
    verbose_name = _("Instruments and review clusters")

    def ready(self):
        # Registers the blocks this app adds to lower apps' pages (portal.blocks).
        from . import blocks  # noqa: F401, PLC0415 - its selectors need the loaded models
