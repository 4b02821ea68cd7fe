"""The reader's language: which one a request prefers, and addresses with or without its prefix.

Pages live under ``i18n_patterns(prefix_default_language=False)``: English at ``/dialogues/5/``,
the other five languages at ``/fr/dialogues/5/``, ``/zh-hans/dialogues/5/``, ... so a shared link
keeps its language. An unprefixed address is English to Django; ``UserLanguageMiddleware`` sends a
reader who prefers another language to the prefixed address.
"""

from django.utils import translation
from django.utils.translation import check_for_language, get_language_from_path


def supported(code: str | None) -> str | None:
    """``code`` as a language of ``settings.LANGUAGES`` (``zh-Hans`` -> ``zh-hans``), or None."""
    if not code or not check_for_language(code):
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def path_language(path: str) -> str | None:
    """The language named by the address's prefix (``/fr/...`` -> ``fr``), None without one."""
    return get_language_from_path(path)


def path_without_language(path: str) -> str:
    """The address without its language prefix: ``/fr/accounts/login/`` -> ``/accounts/login/``."""
    language = path_language(path)
    if not language:
        return path
    rest = path[len(language) + 1 :]
    return rest if rest.startswith("/") else "/" + rest


def preferred_language(request) -> str:
    """The language a reader asked for, wherever the address does not say: a signed-in user's
    own choice first, then the language cookie (the switcher), then the browser's header."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        chosen = supported(user.language)
        if chosen:
            return chosen
    return translation.get_language_from_request(request, check_path=False)
