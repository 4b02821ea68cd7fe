"""What the engagement app adds to the pages of lower apps (``portal.blocks``)."""

from engagement.selectors.dialogues import dialogues_upcoming_for_state
from portal.blocks import Block, block_provider


@block_provider("reviews.state_detail")
def state_upcoming_dialogues(*, state, **page) -> Block | None:
    """The upcoming dialogues of the working groups related to the State, if any."""
    dialogues = dialogues_upcoming_for_state(state)
    if not dialogues:
        return None
    return Block("engagement/includes/state_dialogues.html", {"dialogues": dialogues})
