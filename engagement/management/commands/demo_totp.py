from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.core.management import BaseCommand, CommandError

from engagement.demo import DEMO_TOTP_SECRETS


class Command(BaseCommand):
    help = "Print the current authenticator code of a demo account (demo accounts only)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "Demo data is not allowed with production settings: the demo accounts have "
                "published passwords."
            )

        secret = DEMO_TOTP_SECRETS.get(email.lower())
        if secret is None:
            raise CommandError(f"{email} is not a demo account with an authenticator.")
        counters = list(yield_hotp_counters_from_time())
        current = counters[len(counters) // 2]
        self.stdout.write(format_hotp_value(hotp_value(secret, current)))
