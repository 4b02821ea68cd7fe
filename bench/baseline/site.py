"""The yardstick of bench/load.py: a bare Django site that renders a 50-row table through a
template, served by gunicorn beside the portal with the same worker count.

One module is the whole project: settings, the URL configuration and the view. No database,
no middleware beyond Django's defaults for a public page, the cached template loader (the
default when DEBUG is off).
"""

from pathlib import Path

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="baseline-benchmark-only",  # noqa: S106 (a yardstick served on the loopback)
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        INSTALLED_APPS=[],
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [Path(__file__).resolve().parent / "templates"],
            }
        ],
        USE_TZ=True,
    )

import django
from django.core.wsgi import get_wsgi_application
from django.shortcuts import render
from django.urls import path

django.setup()

ROWS = [
    {"number": n, "name": f"Organization {n}", "country": "Austria", "status": "approved"}
    for n in range(1, 51)
]


def table(request):
    return render(request, "table.html", {"rows": ROWS})


urlpatterns = [path("", table)]
application = get_wsgi_application()
