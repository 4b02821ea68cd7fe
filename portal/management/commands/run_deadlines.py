import time

from django.core.management import BaseCommand

from portal.services.sweeps import sweeps_run_all


class Command(BaseCommand):
    help = (
        "Run one sweep of every deadline (for operators). With --every N, keep sweeping every N "
        "seconds: the embedded mode's timer when no Celery beat runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds.")

    def handle(self, *args, every, **options):
        while True:
            results = sweeps_run_all()
            if options["verbosity"]:
                for name, result in results.items():
                    self.stdout.write(f"{name}: {result}")
            if not every:
                return
            time.sleep(every)
