"""Checks shared by the review data's forms and its CSV import."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Dates of the review data: the Convention's years and the cycles to come, with room.
EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)


def check_review_date(value: date | None) -> None:
    """Refuse a date outside ``EARLIEST``..``LATEST`` (a typing slip, e.g. the year 9999)."""
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s.")
            % {"earliest": date_format(EARLIEST, "j F Y"), "latest": date_format(LATEST, "j F Y")}
        )


class ReviewDatesMixin:
    """Form mixin: every date field of the form must fall in the review data's range."""

    def clean(self):
        data = super().clean()
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField) and name in data:
                try:
                    check_review_date(data[name])
                except ValidationError as error:
                    self.add_error(name, error)
        return data


def signature_problem(signature: date | None, consent: date | None) -> str:
    """A State signs a treaty before it ratifies it (an accession has no signature)."""
    if signature and consent and signature > consent:
        return _("The signature cannot come after the consent to be bound.")
    return ""


def done_on_problem(done_on: date | None, today: date) -> str:
    """A step's actual date is a day that has come."""
    if done_on and done_on > today:
        return _("A step cannot have been done on a day still to come.")
    return ""
