"""Writes to the Review Mechanism's reference data."""

import csv
import json
from datetime import date
from pathlib import Path

from django.db import transaction

from portal import sources

from ..models import (
    CompilationItem,
    PreparatoryPhase,
    RegionalGroup,
    ReviewDataChange,
    ReviewGroup,
    State,
    TimelineEvent,
    Treaty,
    TreatyParticipation,
)

EU_CODE = "EUU"
PARTY_FILES = {
    Treaty.UNTOC: "parties_untoc.csv",
    Treaty.TIP: "parties_tip.csv",
    Treaty.SOM: "parties_som.csv",
    Treaty.FIREARMS: "parties_firearms.csv",
    Treaty.UNCAC: "uncac_parties.csv",
}


class ReferenceDataError(ValueError):
    """A reference file does not fit the expected shape."""


def _code(row: dict) -> str:
    return (row.get("iso3") or "").strip().upper() or (
        EU_CODE if row["country"].strip() == "European Union" else ""
    )


def _date(value: str) -> date | None:
    value = (value or "").strip()
    return date.fromisoformat(value) if value else None


def _read(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def states_load_reference(directory: Path) -> dict[str, int]:
    """Create or update every State and its treaty participations from the CSVs in ``directory``.

    Idempotent: a second run changes nothing. Returns the number of rows per file. Rows the
    secretariat has entered or corrected (firmness ``secretariat``), and regional groups it
    changed (found in the change log), are left as they are.
    """
    counts = {}
    states = {}
    corrected = set(  # regional groups the secretariat changed stay as they are
        ReviewDataChange.objects.filter(changes__has_key="regional_group").values_list(
            "state__code", flat=True
        )
    )
    for row in _read(directory / "regional_groups.csv"):
        code = _code(row)
        if not code:
            raise ReferenceDataError(f"regional_groups.csv: no code for {row['country']!r}")
        group = row["group"].strip()
        if group not in RegionalGroup.values:
            raise ReferenceDataError(f"regional_groups.csv: unknown group {group!r}")
        defaults = {"name": row["country"].strip(), "is_state": code != EU_CODE}
        if code not in corrected:
            defaults |= {
                "regional_group": group,
                "regional_group_source": row["source"].strip(),
                "regional_group_note": (row.get("note") or "").strip(),
            }
        state, _ = State.objects.update_or_create(
            code=code, defaults=defaults, create_defaults=defaults | {"regional_group": group}
        )
        states[code] = state
    counts["regional_groups.csv"] = len(states)

    for treaty, filename in PARTY_FILES.items():
        rows = _read(directory / filename)
        kept = TreatyParticipation.objects.filter(
            treaty=treaty, firmness=TreatyParticipation.Firmness.SECRETARIAT
        ).values_list("state__code", flat=True)
        kept = set(kept)
        for row in rows:
            code = _code(row)
            if code not in states:
                raise ReferenceDataError(
                    f"{filename}: {row['country']!r} ({code}) is not in regional_groups.csv"
                )
            if code in kept:
                continue
            TreatyParticipation.objects.update_or_create(
                state=states[code],
                treaty=treaty,
                defaults={
                    "signature_date": _date(row["signature"]),
                    "consent_date": _date(row["consent_date"]),
                    "consent_type": row["consent_type"].strip(),
                    "source": row["source"].strip(),
                    "firmness": row["status"].strip(),
                },
            )
        counts[filename] = len(rows)
    return counts


@transaction.atomic
def history_load_reference(directory: Path) -> dict[str, int]:
    """Load the history (``timeline.json``) and the compilation (``recommendations.json``)
    from ``directory``, refusing both while a citation names no registered source.

    Idempotent. Reference rows are found by their key and brought in line with the files (an
    event or an item the files no longer hold is removed); items the secretariat added keep
    their place after the reference items of their year.
    """

    problems = sources.reference_data_problems()
    if problems:
        raise ReferenceDataError("Citations readers cannot check:\n" + "\n".join(problems))
    events = json.loads((directory / "timeline.json").read_text())
    TimelineEvent.objects.exclude(key__in=[event["key"] for event in events]).delete()
    for event in events:
        TimelineEvent.objects.update_or_create(
            key=event["key"],
            defaults={
                "date": event["date"],
                "end_date": event.get("end_date") or "",
                # A month or a year sorts before the days it holds, unless the event says otherwise.
                "sort_key": event.get("sort_key") or event["date"],
                "title": event["title"],
                "kind": event["kind"],
                "documents": event.get("documents") or [],
                "source": event["source"],
                "note": event.get("note") or "",
            },
        )
    items = json.loads((directory / "recommendations.json").read_text())
    keys = [item["key"] for item in items]
    CompilationItem.objects.exclude(reference_key="").exclude(reference_key__in=keys).delete()
    for position, item in enumerate(items, start=1):
        CompilationItem.objects.update_or_create(
            reference_key=item["key"],
            defaults={
                "kind": item["kind"],
                "position": position,
                "year": item["year"],
                "body": item["body"],
                "document": item["document"] or "",
                "label": item["label"] or "",
                "text": item["text"],
                "tags": item.get("tags") or [],
                "source": item["source"],
                "notes": item.get("notes") or "",
            },
        )
    review_groups_load_defaults()
    return {"timeline.json": len(events), "recommendations.json": len(items)}


# The dates the sources give for the start of each group's review, with the citation and a note
# where the portal approximates. The secretariat corrects them on the staff page.
GROUP_DEFAULTS = {
    1: (
        date(2020, 11, 1),
        "unodc-2021-11-01; unodc-2022-11-01; guide: Part 2, Figure 2",
        "UNODC gives October 2020 for the start of the first group; the day is not published: "
        "1 November 2020 is the portal's approximation, for the secretariat to correct.",
    ),
    2: (date(2021, 11, 1), "unodc-2021-11-01", ""),
    3: (date(2022, 11, 1), "unodc-2022-11-01", ""),
}
PREPARATORY_SOURCE = (
    "compilation: “Background on the Review Mechanism” (p. 3); untoc-at-20: section “The Review "
    "Mechanism”, figure II"
)


def review_groups_load_defaults() -> None:
    """Create the preparatory phase and the three review groups with their sourced defaults,
    keeping any date the secretariat has set."""

    if not PreparatoryPhase.objects.exists():
        PreparatoryPhase.objects.create(
            starts_on=date(2018, 10, 15), ends_on=date(2020, 10, 12), source=PREPARATORY_SOURCE
        )

    for number, (starts_on, source, note) in GROUP_DEFAULTS.items():
        ReviewGroup.objects.get_or_create(
            number=number, defaults={"starts_on": starts_on, "source": source, "note": note}
        )
