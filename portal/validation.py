"""Ids, numbers and dates from a request, checked before anything queries or computes with them.

- ``parse_id``, the ``id`` path converter and the model choice fields: an id is 1 to
  2**63 - 1 in ASCII digits, or no id at all (a 404 or a form error), whatever a client types
  (text, signs, decimals, other scripts' digits, numbers past 64 bits).
- ``YearRangeValidator``: dates the portal computes deadlines from stay in years it can count
  days back and forth from (``date.min`` is year 1).
- ``formset_limit``: a formset builds at most the rows it may hold, whatever its
  ``TOTAL_FORMS`` says.
- ``ModelBoundsMixin``: a model form checks its number and date fields against their model
  fields' validators (and the database's integer range) before ``clean()`` computes with them,
  so the admin, the forms and the browser (``min``/``max``) agree on one set of bounds.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MAX_ID = 2**63 - 1  # the largest bigint primary key


def parse_id(value) -> int | None:
    """The id ``value`` spells in ASCII digits, between 1 and ``MAX_ID``; else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not (isinstance(value, str) and value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def object_or_404(queryset, value):
    """The object of ``queryset`` whose id ``value`` spells; a 404 for anything else."""
    pk = parse_id(value)
    if pk is None:
        raise Http404
    return get_object_or_404(queryset, pk=pk)


class IdConverter:
    """``<id:pk>``: like ``<int:pk>``, without matching a number no primary key can hold."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        pk = parse_id(value)
        if pk is None:
            raise ValueError(value)  # the URL does not match: a 404
        return pk

    def to_url(self, value) -> str:
        return str(value)


class ModelIdChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` that takes only an id (``parse_id``) to the database."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if parse_id(value) is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class ModelIdsField(forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` that takes only ids (``parse_id``) to the database:
    SQLite cannot even compare a column with an integer past 64 bits."""

    def _check_values(self, value):
        for pk in value:
            if parse_id(pk) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


@deconstructible
class YearRangeValidator:
    """A date or datetime in the years ``first`` to ``last``."""

    def __init__(self, first: int, last: int):
        self.first, self.last = first, last

    def __call__(self, value):
        if value is not None and not self.first <= value.year <= self.last:
            raise ValidationError(
                _("Give a date between the years %(first)s and %(last)s."),
                code="year_out_of_range",
                params={"first": self.first, "last": self.last},
            )

    def __eq__(self, other):
        return isinstance(other, YearRangeValidator) and (self.first, self.last) == (
            other.first,
            other.last,
        )


def formset_limit(most: int) -> dict:
    """Arguments of Django's formset factories: at most ``most`` rows, however many a client
    says it sent (Django's own cap is a thousand more than ``max_num``, each row validated
    and shown again)."""
    return {"max_num": most, "absolute_max": most, "validate_max": True}


BOUNDED_FORM_FIELDS = (forms.IntegerField, forms.DateField, forms.DateTimeField)


def _limit(validator):
    limit = validator.limit_value
    return limit() if callable(limit) else limit


class ModelBoundsMixin:
    """For a ``ModelForm``: its number and date fields run their model fields' validators
    as form-field validators (so ``clean()`` only sees values in range), and number inputs
    carry the bounds as ``min`` and ``max``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if not isinstance(field, BOUNDED_FORM_FIELDS):
                continue
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            for validator in model_field.validators:
                if validator not in field.validators:
                    field.validators.append(validator)
                if isinstance(field, forms.IntegerField):
                    if isinstance(validator, MinValueValidator):
                        field.widget.attrs["min"] = max(
                            _limit(validator), int(field.widget.attrs.get("min", -(2**63)))
                        )
                    elif isinstance(validator, MaxValueValidator):
                        field.widget.attrs["max"] = min(
                            _limit(validator), int(field.widget.attrs.get("max", 2**63))
                        )
