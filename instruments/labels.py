"""The reference data's English names, marked so that the catalogues carry them: the review
clusters (fixtures/instruments.json) and the instruments' short names. Models show them
through ``gettext`` (``local_name``, ``local_short_name``); a name the secretariat adds later
and no catalogue holds shows as stored."""

from django.utils.translation import gettext_noop

REFERENCE_NAMES = [
    gettext_noop("Organized Crime Convention"),
    gettext_noop("Trafficking in Persons Protocol"),
    gettext_noop("Smuggling of Migrants Protocol"),
    gettext_noop("Firearms Protocol"),
    gettext_noop("Criminalization and jurisdiction"),
    gettext_noop("Criminalization"),
    gettext_noop("Prevention, technical assistance, protection measures and other measures"),
    gettext_noop("Prevention"),
    gettext_noop("Law enforcement and the judicial system"),
    gettext_noop("Law enforcement"),
    gettext_noop("International cooperation, mutual legal assistance and confiscation"),
    gettext_noop("International cooperation"),
]
