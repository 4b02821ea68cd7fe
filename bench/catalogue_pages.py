"""Render time and query count of the catalogue pages, in-process (no network).

Prints, per page and language: median and p95 of 50 renders in milliseconds, and the queries
per render. English pages are unprefixed; French and Arabic ones go through their catalogues
(compile them first: make catalogues, which `make bench` does).
"""

import statistics
import time

from _setup import django_ready

LANGUAGE_PREFIXES = ["", "/fr", "/ar"]
PAGES = [
    "/",
    "/instruments/",
    "/instruments/convention/",
    "/instruments/convention/?cluster=criminalization&q=",
    "/instruments/convention/articles/18/",
    "/clusters/",
    "/clusters/international-cooperation/",
]


def main(renders: int = 50) -> None:
    django_ready("portal.settings.test")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':58} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for url in [f"{prefix}{page}" for page in PAGES for prefix in LANGUAGE_PREFIXES]:
        client.get(url)  # warm caches and templates
        timings = []
        for _ in range(renders):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{url:58} {statistics.median(timings):10.1f} {p95:8.1f} {len(queries):8d}")


if __name__ == "__main__":
    main()
