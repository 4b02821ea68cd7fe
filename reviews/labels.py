"""The working groups' English names (fixtures/reference.json), marked so that the catalogues
carry them in the glossary's wording; ``WorkingGroup.local_name`` shows them via ``gettext``."""

from django.utils.translation import gettext_noop

REFERENCE_NAMES = [
    gettext_noop("Working Group of Government Experts on Technical Assistance"),
    gettext_noop("Technical Assistance"),
    gettext_noop("Working Group on International Cooperation"),
    gettext_noop("International Cooperation"),
    gettext_noop("Working Group on Trafficking in Persons"),
    gettext_noop("Trafficking in Persons"),
    gettext_noop("Working Group on the Smuggling of Migrants"),
    gettext_noop("Smuggling of Migrants"),
    gettext_noop("Working Group on Firearms"),
    gettext_noop("Firearms"),
]
