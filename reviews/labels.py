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

# The bodies of the compilation's Part B (fixtures: the compilation of April 2024), offered in
# the compilation's filter in the reader's language.
COMPILATION_BODIES = [
    gettext_noop("Constructive Dialogue on International Cooperation"),
    gettext_noop("Constructive Dialogue on Technical Assistance"),
    gettext_noop("Constructive Dialogue on Trafficking in Persons"),
    gettext_noop("Constructive Dialogue on the Smuggling of Migrants"),
]
