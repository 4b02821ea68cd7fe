"""Writes of the catalogue: it is reference data, loaded from the fixtures (idempotent)."""

from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from .models import Article


@transaction.atomic
def instruments_load_reference(fixtures: Path) -> dict:
    """Load the instruments, their articles and the review clusters from
    ``fixtures/instruments.json`` (built from ``fixtures/sources/articles.json``); rows keep
    their keys, so loading again updates them."""
    call_command("loaddata", fixtures / "instruments.json", verbosity=0)
    return {"articles": Article.objects.count()}
