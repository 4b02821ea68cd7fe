"""Time to render one letter to PDF: median and p95 of 20 renders per kind and language.

Target: under 300 ms for one letter on a 2-core machine.
"""

import statistics
import time

from _setup import django_ready

SAMPLE = {
    "date": "2027-03-14",
    "recipient_name": "Focal point (benchmark)",
    "recipient_title": "Ministry of Justice",
    "recipient_address": "1 Main Street\nCapital City",
    "issues": "trafficking in persons for forced labour; smuggling of migrants by sea",
    "review_context": "",
    "signatory_name": "Benchmark Signatory",
    "signatory_function": "Director",
    "contact_details": "bench@example.org",
    "organization_name": "Benchmark organization",
    "organization_address": "PO Box 1",
    "organization_email": "info@example.org",
    "organization_phone": "+43 1 234",
    "organization_website": "https://example.org",
    "organization_logo": "",
}


def main(renders: int = 20) -> None:
    django_ready("portal.settings.test")
    from engagement import letters

    letters.letter_pdf(
        {**SAMPLE, "kind": "pledge", "language": "en", "government": "x", "intro": "warm-up"}
    )  # imports WeasyPrint, loads fonts
    print(f"{'letter':28} {'median ms':>10} {'p95 ms':>8} {'bytes':>8}")
    for kind in ("pledge", "focal_point"):
        for language in ("ar", "zh-hans", "en", "fr", "ru", "es"):
            government = letters.default_government(language, "KEN")
            letter = {
                **SAMPLE,
                "kind": kind,
                "language": language,
                "state": "KEN",
                "government": government,
                "intro": letters.default_intro(language, "KEN", government),
            }
            timings = []
            for _ in range(renders):
                started = time.perf_counter()
                data = letters.letter_pdf(letter)
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(
                f"{kind + ' / ' + language:28} {statistics.median(timings):10.1f} "
                f"{p95:8.1f} {len(data):8d}"
            )


if __name__ == "__main__":
    main()
