"""The change log of the review data: every change, who made it, when and through which
page, newest first."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from portal.deadlines import start_of_vienna_day
from portal.permissions import SecretariatRequiredMixin

from ..forms.data import ChangeLogFilterForm
from ..models import (
    PreparatoryPhase,
    ReviewContact,
    ReviewDataChange,
    ReviewerAssignment,
    ReviewGroup,
    ReviewStep,
    State,
    TreatyParticipation,
)

CHANGES_PAGE_SIZE = 50


def _field_labels() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Each logged field's label, and the labels of its values where it has choices (or is a
    yes/no field)."""
    labels, values = {}, {}
    for model in (
        State,
        TreatyParticipation,
        ReviewerAssignment,
        ReviewStep,
        ReviewGroup,
        ReviewContact,
        PreparatoryPhase,
    ):
        for model_field in model._meta.concrete_fields:
            labels.setdefault(model_field.name, str(model_field.verbose_name))
            if model_field.choices:
                choices = {str(value): str(label) for value, label in model_field.flatchoices}
                values.setdefault(model_field.name, {}).update(choices)
            elif model_field.get_internal_type() == "BooleanField":
                values.setdefault(model_field.name, {}).update({"True": _("yes"), "False": _("no")})
    return labels, values


ACTIONS = {
    "created": gettext_lazy("created"),
    "changed": gettext_lazy("changed"),
    "deleted": gettext_lazy("deleted"),
}
STATE_FIELDS = ("state", "state_under_review", "reviewer")  # logged as State ids


class ChangeLogView(SecretariatRequiredMixin, TemplateView):
    """The change log, newest first, in a constant number of queries per page."""

    template_name = "reviews/staff/changes.html"

    def get_context_data(self, **kwargs):
        form = ChangeLogFilterForm(self.request.GET or None)
        lines = ReviewDataChange.objects.select_related("actor", "state")
        if form.is_bound:
            form.is_valid()
            data = form.cleaned_data  # the fields that are valid, even if one is not
            if data.get("state"):
                text = data["state"].strip()
                lines = lines.filter(Q(state__code__iexact=text) | Q(state__name__icontains=text))
            if data.get("via"):
                lines = lines.filter(via=data["via"])
            if data.get("from"):
                lines = lines.filter(at__gte=start_of_vienna_day(data["from"]))
            if data.get("to"):
                lines = lines.filter(at__lt=start_of_vienna_day(data["to"] + timedelta(days=1)))
        page = Paginator(lines.order_by("-at", "-id"), CHANGES_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        entries = list(page.object_list)
        self._describe(entries)
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(
            form=form, page=page, entries=entries, filter_query=params.urlencode(), **kwargs
        )

    @staticmethod
    def _describe(entries) -> None:
        """Give each line ``rows`` (label, old, new), with State and group ids as names: two
        queries for the whole page."""
        labels, value_labels = _field_labels()
        state_ids, group_ids = set(), set()
        for entry in entries:
            for name, values in (entry.changes or {}).items():
                ids = {
                    str(value) for value in values if str(value).isascii() and str(value).isdigit()
                }
                if name in STATE_FIELDS:
                    state_ids |= ids
                elif name == "review_group":
                    group_ids |= ids
        names = {}
        if state_ids:
            names["state"] = {
                str(pk): name
                for pk, name in State.objects.filter(pk__in=state_ids).values_list("pk", "name")
            }
        if group_ids:
            names["review_group"] = {
                str(group.pk): str(group) for group in ReviewGroup.objects.filter(pk__in=group_ids)
            }
        for entry in entries:
            entry.action_label = ACTIONS.get(entry.action, entry.action)
            entry.rows = []
            for name, values in (entry.changes or {}).items():
                old, new = ([*values, "", ""])[:2] if isinstance(values, list) else ("", values)
                lookup = names.get("state" if name in STATE_FIELDS else name) or value_labels.get(
                    name, {}
                )
                entry.rows.append(
                    (
                        labels.get(name, name.replace("_", " ")),
                        lookup.get(str(old), old),
                        lookup.get(str(new), new),
                    )
                )
