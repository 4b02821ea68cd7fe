from django.conf import settings


def portal(request):
    """The portal's name for every template."""
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "PORTAL_SHORT_NAME": settings.PORTAL_SHORT_NAME,
    }
