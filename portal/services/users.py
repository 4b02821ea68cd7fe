"""Changes a user makes to their own account that are not allauth's."""

from django.conf import settings

from portal.models import User


class LanguageError(ValueError):
    pass


def user_language_set(user: User, language: str) -> User:
    """Record the language of ``user``'s pages, emails, calendar and letters; an empty value
    lets the browser decide again. Raises ``LanguageError`` for a code the portal has not."""
    if language and language not in dict(settings.LANGUAGES):
        raise LanguageError(language)
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user
