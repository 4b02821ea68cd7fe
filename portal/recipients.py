"""The language a person is written to in: emails, calendar feeds, the default of a letter.

A user's ``language`` (empty follows the browser on pages) decides; where it is empty, or
names a language the portal no longer offers, and for an address without an account, the
portal writes in ``settings.LANGUAGE_CODE`` (English): a message has no browser to follow.

    with in_language_of(user):
        subject = render_to_string(...)
"""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

from portal.models import User


def offered_language(code: str | None) -> str:
    """``code`` if the portal offers it (``settings.LANGUAGES``), else the default language."""
    offered = {language for language, _name in settings.LANGUAGES}
    return code if code and code in offered else settings.LANGUAGE_CODE


def user_language(user) -> str:
    """The language to write to ``user`` in (None, or a user without a choice: the default)."""
    return offered_language(getattr(user, "language", "") if user is not None else "")


def address_language(email: str) -> str:
    """The language of the account with this address, or the default without one."""
    user = User.objects.filter(email__iexact=email.strip()).only("language").first()
    return user_language(user)


@contextmanager
def in_language_of(user):
    """Render what is inside the block in ``user``'s language (see ``user_language``)."""
    with translation.override(user_language(user)):
        yield
