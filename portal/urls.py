from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from . import files
from .views import AccountLanguageView, HealthView, HomeView, set_language

# Addresses outside the languages: machines read them, or they carry their own language.
urlpatterns = [
    path("health/", HealthView.as_view(), name="health"),
    # Every stored file, behind the permission of the object it belongs to (portal/files.py).
    path("files/<slug:kind>/<int:pk>/<str:name>", files.serve, name="file"),
    path("i18n/setlang/", set_language, name="set-language"),
]
# Pages: English unprefixed (/dialogues/5/), the other languages prefixed (/fr/dialogues/5/),
# so that a shared link keeps its language.
pages = [
    path("", HomeView.as_view(), name="home"),
    # The messages of static/js/ (djangojs domain) in the page's language.
    path(
        "jsi18n/",
        login_not_required(JavaScriptCatalog.as_view(packages=["portal"])),
        name="javascript-catalog",
    ),
    path("accounts/language/", AccountLanguageView.as_view(), name="account-language"),
    path("", include("instruments.urls")),
    path("", include("reviews.urls")),
    path("", include("engagement.urls")),  # before allauth's: it adds /accounts/privacy/
    path("accounts/", include("allauth.urls")),
]
if settings.ADMIN_ENABLED:
    pages.append(path("admin/", admin.site.urls))
urlpatterns += i18n_patterns(*pages, prefix_default_language=False)
