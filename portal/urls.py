from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from .views import HealthView, HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("health/", HealthView.as_view(), name="health"),
    path("", include("instruments.urls")),
    path("", include("reviews.urls")),
    path("", include("engagement.urls")),  # before allauth's: it adds /accounts/privacy/
    path("accounts/", include("allauth.urls")),
]
if settings.ADMIN_ENABLED:
    urlpatterns.append(path("admin/", admin.site.urls))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
