from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Stakeholder engagement")

    def ready(self):
        # Registers the blocks this app adds to lower apps' pages; imported here, once the
        # models are loaded, as Django requires.
        from . import blocks  # noqa: F401
