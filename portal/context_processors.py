from django.conf import settings

from .permissions import is_bureau_member, is_secretariat, represented_state_ids


def portal(request):
    """The portal's name for every template."""
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "PORTAL_SHORT_NAME": settings.PORTAL_SHORT_NAME,
    }


def roles(request):
    """The signed-in user's roles, for navigation (one query, cached on the user)."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    return {
        "is_secretariat": is_secretariat(user),
        "is_bureau_member": is_bureau_member(user),
        "is_state_representative": bool(represented_state_ids(user)),
    }
