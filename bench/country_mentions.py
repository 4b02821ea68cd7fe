"""Speed of the country-mention check (``reviews.country_mentions``) on a 10-page comment.

Prints the one-off cost of building the lexicon and each script's pattern, then for texts of
about 30,000 characters (a written comment of ten pages): median and p95 of 200 scans in
milliseconds (CPU time of the process, with the wall-clock median beside it), the mentions
found, and the ratio to Django's own ``linebreaks(escape(text))`` of the same text timed in the
same run (what showing the comment on a page costs at least).

Texts: the Review Mechanism brochure (seed 002, English prose with a few State names), the
same with a State named in every paragraph, and synthetic Russian, Arabic and Chinese
paragraphs built from the State-name table (labelled as such). Target: a few milliseconds.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(os.environ.get("SHARED_DIR", ROOT.parent.parent / "shared")) / "seeds"
LENGTH = 30_000
RUNS = 200


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()


def _timed(function, text: str, runs: int) -> tuple[float, float, float, object]:
    """Median and p95 of the process's CPU time per call (steady on a shared, busy machine,
    where wall time also counts the waits for a core), the median wall time, the result."""
    result = function(text)
    cpu, wall = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        function(text)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    cpu.sort()
    return statistics.median(cpu), cpu[int(len(cpu) * 0.95) - 1], statistics.median(wall), result


def _repeat_to(paragraphs: list[str], length: int) -> str:
    out, index = [], 0
    while sum(len(p) + 2 for p in out) < length:
        out.append(paragraphs[index % len(paragraphs)])
        index += 1
    return "\n\n".join(out)[:length]


def texts() -> dict[str, str]:
    from reviews.state_names import _table

    seed = next(SEED.glob("002_*.txt"), None)
    prose = seed.read_text(encoding="utf-8") if seed else ""
    if len(prose) < LENGTH:  # no seed at hand: the brochure's sentences stand in, repeated
        prose = _repeat_to(
            [
                "The review process will identify best practices, gaps and "
                "challenges in the implementation of specific provisions."
            ],
            LENGTH,
        )
    prose = prose[:LENGTH]
    english = [row["short"] for row in _table("en").values()]
    paragraphs = [p for p in prose.split("\n") if p.strip()]
    named = _repeat_to(
        [
            f"{p} Our partners in {english[i % len(english)]} report the same."
            for i, p in enumerate(paragraphs)
        ],
        LENGTH,
    )
    ru = [row["name_gen"] for row in _table("ru").values()]
    ar = [row["name"] for row in _table("ar").values()]
    zh = [row["name"] for row in _table("zh-hans").values()]
    return {
        "seed 002 (en)": prose,
        "en, a State per paragraph": named,
        "ru (synthetic)": _repeat_to(
            [f"Организация отмечает работу гражданского общества в деле борьбы с торговлей "
             f"людьми и сотрудничество с правительством {name}." for name in ru], LENGTH),
        "ar (synthetic)": _repeat_to(
            [f"تلاحظ المنظمة عمل المجتمع المدني في مكافحة الاتجار بالأشخاص والتعاون مع {name}."
             for name in ar], LENGTH),
        "zh-hans (synthetic)": _repeat_to(
            [f"本组织注意到民间社会在打击贩运人口方面的工作以及与{name}政府的合作。"
             for name in zh],
            LENGTH),
    }  # fmt: skip


def main() -> None:
    _setup()
    from django.utils.html import escape, linebreaks

    from reviews.country_mentions import find_country_mentions, lexicon, matcher

    started = time.perf_counter()
    lexicon.build()
    print(f"lexicon built in {(time.perf_counter() - started) * 1000:.0f} ms")
    for script in ("latin", "cyrillic", "arabic", "han"):
        started = time.perf_counter()
        matcher.pattern(script)
        print(f"  {script:9} pattern compiled in {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"{RUNS} scans per text; CPU ms of this process (wall-clock median beside it)")
    print(
        f"{'text (~30,000 chars)':28} {'median ms':>10} {'p95 ms':>8} {'wall ms':>8} "
        f"{'mentions':>9} {'django ms':>10} {'ratio':>6}"
    )
    for name, text in texts().items():
        median, p95, wall, found = _timed(find_country_mentions, text, RUNS)
        base, _, _, _ = _timed(lambda t: linebreaks(escape(t)), text, RUNS)
        print(
            f"{name:28} {median:10.2f} {p95:8.2f} {wall:8.2f} {len(found):9d} {base:10.2f} "
            f"{median / base:6.1f}"
        )


if __name__ == "__main__":
    main()
