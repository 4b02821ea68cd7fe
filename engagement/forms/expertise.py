"""The expertise fields shared by the organization's profile and the application."""

from django import forms
from django.utils.translation import gettext_lazy as _

from instruments.models import Cluster, Instrument
from portal.validation import ModelIdsField


class ExpertiseFields(forms.Form):
    """Instruments and review clusters of expertise, as boxes to tick."""

    expertise_instruments = ModelIdsField(
        label=_("Instruments of expertise"),
        queryset=Instrument.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise_clusters = ModelIdsField(
        label=_("Review clusters of expertise"),
        queryset=Cluster.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
