from django.conf import settings
from django.core.management import BaseCommand, call_command

from instruments.services import instruments_load_reference
from reviews.services import history_load_reference, states_load_reference


class Command(BaseCommand):
    help = (
        "Load the reference data kept in fixtures/: instruments, articles, clusters, working "
        "groups, lists of parties and the States with their treaty participation. Idempotent."
    )

    def handle(self, *args, **options):
        fixtures = settings.BASE_DIR / "fixtures"
        counts = instruments_load_reference(fixtures)
        call_command("loaddata", fixtures / "reference.json", verbosity=0)
        counts |= states_load_reference(fixtures / "parties")
        counts |= history_load_reference(fixtures / "sources")
        if options["verbosity"]:
            rows = ", ".join(f"{name}: {count}" for name, count in counts.items())
            self.stdout.write(f"Reference data loaded ({rows}).")
