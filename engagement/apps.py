from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Stakeholder engagement")

    def ready(self):
        # Registers the blocks this app adds to lower apps' pages (portal.blocks), and who may
        # fetch each of its files (portal.files serves them).
        from . import blocks, files  # noqa: F401, PLC0415 - they need the loaded models

        files.register()
