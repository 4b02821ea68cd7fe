from django.conf import settings
from django.core.management import BaseCommand, CommandError

from engagement.demo import DEMO_PASSWORD, DEMO_TOTP_SECRETS, DEMO_USERS, demo_data_load
from reviews.demo import review_demo_load


class Command(BaseCommand):
    help = "Create the labelled demo users, organizations and dialogues (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet-logins", action="store_true", help="Do not print the demo logins."
        )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "Demo data is not allowed with production settings: the demo accounts have "
                "published passwords."
            )
        counts = demo_data_load()
        review_demo_load()
        if options["quiet_logins"]:
            return
        out = self.stdout.write
        out("")
        users, organizations = counts["users"], counts["organizations"]
        out(f"Demo data loaded: {users} users, {organizations} organizations (labelled demo).")
        out("Kenya carries demo review data (group, reviewers, focal point, steps), labelled demo.")
        out(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for spec in DEMO_USERS:
            role = spec.role.label if spec.role else "Applicant (member of an organization)"
            line = f"  {spec.email:28} {role}"
            if spec.email in DEMO_TOTP_SECRETS:
                line += f"   authenticator secret: {DEMO_TOTP_SECRETS[spec.email]}"
            out(line)
        out("Accounts with an authenticator secret ask for a 6-digit code at sign-in: add the")
        out("secret to an authenticator app, or print the current code with")
        out("  .venv/bin/python manage.py demo_totp secretariat@demo.invalid")
        out("")
