"""A bulk export of 200 letters: rendering the 200 PDFs, then the ZIP and merged PDF.

Target on a 2-core machine: under 40 s in all. Letters are written to a temporary media
folder and removed afterwards, with their rows.
"""

import os
import tempfile
import time
from datetime import date

from _setup import django_ready

LETTERS = 200


def main() -> None:
    media = tempfile.mkdtemp(prefix="letters-bench-")
    os.environ["MEDIA_ROOT"] = media
    django_ready("portal.settings.test")
    from engagement.models import Letter, LetterExport, Organization
    from engagement.services.letters import letter_export_build, letter_generate, letter_input
    from reviews.models import State

    organization, _ = Organization.objects.get_or_create(
        name="Letters benchmark organization",
        defaults={
            "kind": "ngo",
            "country": "KE",
            "email": "bench@bench.invalid",
            "postal_address": "PO Box 1",
            "mission": "Benchmark",
        },
    )
    states = list(State.objects.order_by("name")[:50])
    started = time.perf_counter()
    for index in range(LETTERS):
        state = states[index % len(states)]
        fields = {
            "kind": ["pledge", "focal_point"][index % 2],
            "language": ["en", "fr", "es"][index % 3],
            "state": state,
            "date": date(2027, 1, 5),
            "issues": "trafficking in persons",
            "signatory_name": "Benchmark signatory",
        }
        letter_generate(
            organization=organization, state=state, by=None, data=letter_input(organization, fields)
        )
    rendered = time.perf_counter() - started
    export = LetterExport.objects.create(description="benchmark", criteria={}, total=LETTERS)
    export.criteria = {"since": "1900-01-01"}
    export.save()
    started = time.perf_counter()
    letter_export_build(export.pk)
    exported = time.perf_counter() - started
    export.refresh_from_db()
    print(
        f"rendered {LETTERS} letters in {rendered:.1f} s ({rendered / LETTERS * 1000:.0f} ms "
        f"each); ZIP and merged PDF of {export.total} letters in {exported:.1f} s "
        f"({export.merged.size // 1024} KiB merged); total {rendered + exported:.1f} s"
    )
    Letter.objects.filter(organization=organization).delete()
    export.delete()


if __name__ == "__main__":
    main()
