"""Background tasks of the engagement app: thin wrappers around one service each."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from engagement.models import LetterExport
from engagement.services.letters import letter_export_build
from engagement.workflows.letter_exports import export_transition


@shared_task(name="engagement.export_letters", acks_late=True, soft_time_limit=600, time_limit=660)
def export_letters(*, export_id: int) -> str:
    """Make a bulk export of letters (ZIP and merged PDF); a failure is recorded on it."""
    try:
        letter_export_build(export_id)
    except (SoftTimeLimitExceeded, OSError, ValueError) as error:
        export_transition(
            export_id, LetterExport.Status.FAILED, error=f"{error.__class__.__name__}: {error}"
        )
        return "failed"
    return "done"
