"""The status machine of a bulk export of letters, in one place.

queued → running → done, or failed (from queued or running). ``export_transition`` is the one
function that changes the status: a conditional UPDATE, so that of two workers given the same
export only one starts it (read and write are one statement). ``allowed_actions`` says what the
secretariat may do with an export now (follow its progress, download it until the link expires).
"""

from django.utils import timezone

from engagement.models import LetterExport
from portal.permissions import is_secretariat

S = LetterExport.Status

TRANSITIONS: dict[str, frozenset[str]] = {
    S.QUEUED: frozenset({S.RUNNING, S.FAILED}),
    S.RUNNING: frozenset({S.DONE, S.FAILED}),
    S.DONE: frozenset(),
    S.FAILED: frozenset(),
}
# Still being made: the page follows its progress.
IN_PROGRESS = frozenset({S.QUEUED, S.RUNNING})

FOLLOW = "follow"  # see the export and its progress (secretariat)
DOWNLOAD = "download"  # download the ZIP and the merged PDF until the link expires


def is_expired(export: LetterExport, now=None) -> bool:
    """Its download links have expired (from the second they expire)."""
    return bool(export.expires_at and export.expires_at <= (now or timezone.now()))


def is_available(export: LetterExport, now=None) -> bool:
    """Made, its links not expired and its files still kept (the sweep deletes them)."""
    return (
        export.status == S.DONE
        and not is_expired(export, now)
        and bool(export.archive)
        and bool(export.merged)
    )


def allowed_actions(export: LetterExport, user, now=None) -> frozenset[str]:
    """What ``user`` may do with ``export`` at ``now``."""
    if not is_secretariat(user):
        return frozenset()
    actions = {FOLLOW}
    if is_available(export, now):
        actions.add(DOWNLOAD)
    return frozenset(actions)


def export_transition(export_id: int, target: str, **fields) -> bool:
    """Move the export to ``target`` (with ``fields`` written in the same statement) if its
    status allows it at the moment of writing; False when it does not (e.g. another worker
    started it first). The export's row is its record: status, progress, error, files."""
    sources = [source for source, allowed in TRANSITIONS.items() if target in allowed]
    changed = LetterExport.objects.filter(pk=export_id, status__in=sources).update(
        status=target, **fields
    )
    return bool(changed)
