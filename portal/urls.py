from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import files
from .views import HealthView, HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("health/", HealthView.as_view(), name="health"),
    # Every stored file, behind the permission of the object it belongs to (portal/files.py).
    path("files/<slug:kind>/<id:pk>/<str:name>", files.serve, name="file"),
    path("", include("instruments.urls")),
    path("", include("reviews.urls")),
    path("", include("engagement.urls")),  # before allauth's: it adds /accounts/privacy/
    path("accounts/", include("allauth.urls")),
]
if settings.ADMIN_ENABLED:
    urlpatterns.append(path("admin/", admin.site.urls))
