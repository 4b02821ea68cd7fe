from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Stakeholder engagement")

    def ready(self):
        from . import files

        files.register()  # who may fetch each of the app's files (portal.files serves them)
