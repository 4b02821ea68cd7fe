"""Time of a full simulated drawing of lots over the reference parties: 20 draws, one seed each.

Prints median, p95 and max in milliseconds, with the States drawn and reviews performed.
Target: well under 2 s per draw on a 2-core machine.
"""

import statistics
import time
from datetime import date

from _setup import django_ready

AS_OF = date(2026, 1, 1)


def main(draws: int = 20) -> None:
    django_ready("portal.settings.test")
    from reviews import lots

    started = time.perf_counter()
    candidates = lots.candidates_as_of(AS_OF)
    load_ms = (time.perf_counter() - started) * 1000
    timings, reviews, problems = [], set(), 0
    for seed in range(draws):
        started = time.perf_counter()
        draw = lots.draw_lots(candidates, seed)
        timings.append((time.perf_counter() - started) * 1000)
        reviews.add(draw.reviews_total)
        problems += len(draw.problems)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(f"candidates loaded in {load_ms:.1f} ms ({len(candidates)} parties, as of {AS_OF})")
    print(
        f"{'draws':>6} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'States':>7} {'reviews':>9}"
    )
    print(
        f"{draws:6d} {statistics.median(timings):10.1f} {p95:8.1f} {timings[-1]:8.1f} "
        f"{draw.states_drawn:7d} {min(reviews):4d}-{max(reviews):<4d}"
    )
    print(f"problems over all draws: {problems}")


if __name__ == "__main__":
    main()
