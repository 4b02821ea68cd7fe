"""Who may fetch each file the engagement app keeps, and the name a browser saves it under.

Registered with ``portal.files`` when the app is ready; ``/files/<kind>/<pk>/<name>`` asks
these policies. An organization's own files (nomination letters, written comments, letters)
are its members' and the secretariat's; letter exports are the secretariat's until they
expire; logos, pledge documents and the background papers of published dialogues are
public.
"""

from django.utils import timezone
from django.utils.text import slugify

from portal.files import FileKind, file_kind_register
from portal.permissions import is_secretariat

from .permissions import can_view_organization, is_member
from .workflows import dialogues, letter_exports

PDF = "application/pdf"


def _slug(text: str, length: int = 50) -> str:
    return slugify(text)[:length].strip("-") or "file"


def _always(instance) -> bool:
    return True


def _application_file_viewer(user, application) -> bool:
    return is_member(user, application.organization) or is_secretariat(user)


def nomination_letter_name(application) -> str:
    return f"nomination-letter-{_slug(application.organization.name)}-{application.dialogue_id}.pdf"


def written_comment_name(comment) -> str:
    stamp = timezone.localtime(comment.submitted_at).strftime("%Y%m%d-%H%M")
    return f"written-comments-{_slug(comment.application.organization.name)}-{stamp}.pdf"


def letter_name(letter) -> str:
    day = letter.input.get("date") or timezone.localdate(letter.created_at).isoformat()
    return f"{_slug(f'{letter.kind}-{letter.state.code}-{day}-{letter.organization.name}', 80)}.pdf"


def letter_export_name(export, extension: str) -> str:
    return f"letters-{timezone.localtime(export.created_at):%Y%m%d-%H%M%S}.{extension}"


def _export_viewer(user, export) -> bool:
    return letter_exports.DOWNLOAD in letter_exports.allowed_actions(export, user)


KINDS = [
    FileKind(
        key="nomination-letter",
        model="engagement.Application",
        field="nomination_letter",
        content_type=PDF,
        download_name=nomination_letter_name,
        can_view=_application_file_viewer,
        select_related=("organization",),
    ),
    FileKind(
        key="written-comments",
        model="engagement.WrittenComment",
        field="document",
        content_type=PDF,
        download_name=written_comment_name,
        can_view=lambda user, comment: _application_file_viewer(user, comment.application),
        select_related=("application__organization",),
    ),
    FileKind(
        key="letter",
        model="engagement.Letter",
        field="pdf",
        content_type=PDF,
        download_name=letter_name,
        can_view=lambda user, letter: can_view_organization(user, letter.organization),
        select_related=("organization", "state"),
    ),
    FileKind(
        key="letter-export-zip",
        model="engagement.LetterExport",
        field="archive",
        content_type="application/zip",
        download_name=lambda export: letter_export_name(export, "zip"),
        can_view=_export_viewer,
    ),
    FileKind(
        key="letter-export-pdf",
        model="engagement.LetterExport",
        field="merged",
        content_type=PDF,
        download_name=lambda export: letter_export_name(export, "pdf"),
        can_view=_export_viewer,
    ),
    FileKind(
        key="background-paper",
        model="engagement.Dialogue",
        field="background_paper",
        content_type=PDF,
        download_name=lambda dialogue: f"background-paper-{_slug(dialogue.title, 60)}.pdf",
        can_view=lambda user, dialogue: is_secretariat(user),
        is_public=lambda dialogue: dialogue.status in dialogues.PUBLIC,
    ),
    FileKind(
        key="pledge-document",
        model="engagement.PledgeSignature",
        field="source_document",
        content_type=PDF,
        download_name=lambda signature: f"pledge-{_slug(signature.state.name)}.pdf",
        can_view=lambda user, signature: True,
        is_public=_always,
        select_related=("state",),
    ),
    FileKind(
        key="logo",
        model="engagement.Organization",
        field="logo",
        content_type="image/png",  # every logo is stored as PNG (engagement.uploads)
        download_name=lambda organization: f"logo-{_slug(organization.name)}.png",
        can_view=lambda user, organization: True,
        is_public=_always,
    ),
]


def register() -> None:
    for kind in KINDS:
        file_kind_register(kind)
