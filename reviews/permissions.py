"""Who may see and edit what of a State's review."""

from portal.permissions import is_secretariat, represents_state


def can_see_review_contacts(user, state) -> bool:
    """Names and contacts of the focal point and experts: the secretariat and the State's own
    representatives, or everyone once the State has made them public (seed 000 L2760-2790)."""
    return state.contacts_public or is_secretariat(user) or represents_state(user, state)


def can_edit_review_contacts(user, state) -> bool:
    """The secretariat, and the State's representatives for their own State."""
    return is_secretariat(user) or represents_state(user, state)
