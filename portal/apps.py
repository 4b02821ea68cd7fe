from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.page_cache import connect_invalidation  # noqa: PLC0415 - models import once apps are loaded

        connect_invalidation()


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, behind the portal's sign-in and second factor (``admin_site.py``)."""

    default = False  # PortalConfig stays the portal app's configuration
    default_site = "portal.admin_site.PortalAdminSite"
