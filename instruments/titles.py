"""Official titles of the instruments in the six UN languages, from
``fixtures/sources/instrument_titles.json`` (each with the authentic text it comes from).

Only a title marked official there is shown as a title in another language; the portal never
presents a translation of its own as an instrument's or article's title. Where no official
title is at hand (the articles' titles), pages show the English one, marked as English.
"""

import json
from functools import cache

from django.conf import settings


@cache
def _titles() -> dict:
    path = settings.BASE_DIR / "fixtures" / "sources" / "instrument_titles.json"
    return json.loads(path.read_text(encoding="utf-8"))["instruments"]


def official_title(code: str, language: str) -> str | None:
    """The instrument's official title in ``language`` (a Django code: "zh-hans", "fr", ...),
    or None where the file has none marked official."""
    entry = _titles().get(code, {}).get(language.lower())
    return entry["title"] if entry and entry.get("official") else None
