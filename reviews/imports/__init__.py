"""CSV export and import of the review data: States' groups and languages, party status,
reviewer assignments and the dates of review steps.

Each kind of file has a fixed header (``KINDS``), in any column order on import. An import is
previewed by running it for real inside a transaction that is rolled back, and applied, once
the secretariat confirms it, in one transaction: all rows or none. Every write goes through the
review services, so each change is logged with ``via=import`` and the person who confirmed it.
"""

from .export import (
    assignment_values,
    export_csv,
    participation_values,
    state_values,
    step_values,
)
from .files import (
    KINDS,
    MAX_UPLOAD_BYTES,
    SIGNATURES,
    ParsedFile,
    content_token,
    parse,
    upload_read,
)
from .kinds import IMPORTERS
from .report import ImportReport, import_apply, import_preview
from .rows import (
    CHANGED,
    CREATED,
    DELETED,
    ERROR,
    ISO_DATE,
    OUTCOMES,
    UNCHANGED,
    VIA,
    RowResult,
)

__all__ = [
    "CHANGED",
    "CREATED",
    "DELETED",
    "ERROR",
    "IMPORTERS",
    "ISO_DATE",
    "KINDS",
    "MAX_UPLOAD_BYTES",
    "OUTCOMES",
    "SIGNATURES",
    "UNCHANGED",
    "VIA",
    "ImportReport",
    "ParsedFile",
    "RowResult",
    "assignment_values",
    "content_token",
    "export_csv",
    "import_apply",
    "import_preview",
    "parse",
    "participation_values",
    "state_values",
    "step_values",
    "upload_read",
]
