"""Writes to the pledge tracker."""

from django.utils import timezone

from engagement.models import PledgeSignature
from engagement.uploads import KEEP_CURRENT_FILE, file_field_update
from portal.files import atomic_with_files, file_replace


@atomic_with_files()
def pledge_signature_record(*, state, by, **fields) -> PledgeSignature:
    """Record (or correct) a government's signature of the pledge, with who recorded it."""
    signature = PledgeSignature.objects.select_for_update().filter(state=state).first()
    signature = signature or PledgeSignature(state=state)
    for name, value in fields.items():
        if name == "source_document":
            value = file_field_update(value)
            if value is not KEEP_CURRENT_FILE:
                file_replace(signature, name, value)
            continue
        setattr(signature, name, value)
    signature.recorded_by = by
    signature.recorded_at = timezone.now()
    signature.save()
    return signature
