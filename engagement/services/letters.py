"""Generating letters and keeping each with its exact input."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from engagement import letters
from engagement.models import Letter, Organization

BLANK = "______"  # shown in a preview where the letter still needs words


def letter_input(organization: Organization, fields: dict) -> dict:
    """The letter's complete input as plain values: what it was made from, kept for ever."""
    language = fields["language"]
    state = fields["state"]
    government = fields.get("government") or letters.default_government(language, state.name)
    return {
        "kind": fields["kind"],
        "language": language,
        "state": state.code,
        "date": fields["date"].isoformat(),
        "government": government,
        "recipient_name": fields.get("recipient_name", ""),
        "recipient_title": fields.get("recipient_title", ""),
        "recipient_address": fields.get("recipient_address", ""),
        "issues": fields.get("issues") or BLANK,
        "intro": fields.get("intro") or letters.default_intro(language, government),
        "review_context": fields.get("review_context", ""),
        "signatory_name": fields["signatory_name"],
        "signatory_function": fields.get("signatory_function", ""),
        "contact_details": fields.get("contact_details", ""),
        "organization_name": organization.name,
        "organization_address": organization.postal_address,
        "organization_email": organization.email,
        "organization_phone": organization.phone,
        "organization_website": organization.website,
        "organization_logo": organization.logo.name if organization.logo else "",
    }


@transaction.atomic
def letter_generate(
    *, organization: Organization, state, by, data: dict, archival: bool = False
) -> Letter:
    """Render the letter to PDF and keep it, with its input, in the organization's history."""
    pdf = letters.letter_pdf(data, archival=archival)
    letter = Letter(
        organization=organization,
        state=state,
        kind=data["kind"],
        language=data["language"],
        input=data,
        archival=archival,
        created_by=by,
    )
    name = slugify(f"{data['kind']}-{state.code}-{data['date']}-{organization.name}")[:80]
    letter.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
    letter.save()
    return letter
