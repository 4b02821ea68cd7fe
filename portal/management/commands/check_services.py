from django.conf import settings
from django.core.management import BaseCommand, CommandError

from portal.health import check_broker, check_cache, check_database, create_database_if_missing


class Command(BaseCommand):
    help = "Fail loudly if the configured database, cache or broker cannot be reached."

    def add_arguments(self, parser):
        parser.add_argument(
            "--create-database",
            action="store_true",
            help="Create the PostgreSQL database named by DATABASE_URL if the server lacks it.",
        )

    def handle(self, *args, **options):
        if options["create_database"]:
            created = create_database_if_missing()
            if created:
                self.stdout.write(f"database: created {created}")
        checks = [("database", check_database), ("cache", check_cache)]
        if settings.REDIS_URL:
            checks.append(("broker", check_broker))
        failures = []
        for name, check in checks:
            ok, detail = check()
            self.stdout.write(f"{name}: {'ok' if ok else 'UNREACHABLE'} ({detail})")
            if not ok:
                failures.append(name)
        if failures:
            raise CommandError(f"Unreachable: {', '.join(failures)}")
