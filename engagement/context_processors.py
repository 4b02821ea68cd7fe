from .permissions import is_secretariat


def roles(request):
    """The signed-in user's roles, for navigation (one query, cached on the user)."""
    user = getattr(request, "user", None)
    return {"is_secretariat": bool(user and is_secretariat(user))}
