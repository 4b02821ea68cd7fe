"""Periodic sweeps over database state: the deadline engine's one entry point.

A sweep is a function taking ``now`` and returning a small dict of counts. Each must be
idempotent: it moves status columns under ``select_for_update`` so that running it twice, or
twice at once, does nothing twice. Apps register their sweeps in ``settings.DEADLINE_SWEEPS``.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from portal.models import SweepRecord

from .outbox import email_batch

logger = logging.getLogger(__name__)


def _record(name: str, **fields) -> None:
    SweepRecord.objects.update_or_create(name=name, defaults=fields)


def sweeps_run_all(now=None) -> dict:
    """Run every sweep in ``settings.DEADLINE_SWEEPS``; one failing does not stop the others.

    Records, per sweep, when it started and last succeeded; /health/ reads these. The emails a
    sweep writes are handed to workers in batches when it ends.
    """
    results = {}
    for path in settings.DEADLINE_SWEEPS:
        name = path.rsplit(".", 1)[-1]
        with email_batch():
            results[name] = _sweep_run(name, import_string(path), now)
    return results


def _sweep_run(name: str, sweep, now) -> dict:
    _record(name, last_started_at=timezone.now())
    try:
        result = sweep(now=now)
    except Exception as error:
        logger.exception("Sweep %s failed", name)
        _record(name, last_error=f"{error.__class__.__name__}: {error}"[:2000])
        return {"error": str(error)}
    _record(name, last_success_at=timezone.now(), last_error="", last_result=result or {})
    return result


def sweeps_health(now=None) -> tuple[bool, dict]:
    """Whether every sweep succeeded within three intervals, and when each last did."""
    now = now or timezone.now()
    limit = timedelta(seconds=3 * settings.DEADLINE_SWEEP_INTERVAL)
    records = {record.name: record for record in SweepRecord.objects.all()}
    report, healthy = {}, True
    for path in settings.DEADLINE_SWEEPS:
        name = path.rsplit(".", 1)[-1]
        record = records.get(name)
        last = record.last_success_at if record else None
        fresh = last is not None and now - last <= limit
        healthy = healthy and fresh
        report[name] = {"last_success": last.isoformat() if last else None, "fresh": fresh}
    return healthy, report
