"""Shared start-up for benchmark scripts: Django configured, database migrated and loaded."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_ready(settings_module: str = "portal.settings.local") -> None:
    """Configure Django, migrate the configured database and load the reference data."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()
    from django.core.management import call_command

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_reference_data", verbosity=0)
