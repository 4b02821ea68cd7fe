"""What the catalogue adds to the pages of lower apps (``portal.blocks``)."""

from portal.blocks import Block, block_provider

from .selectors import article_count


@block_provider("portal.home")
def home_catalogue(**page) -> Block:
    """The catalogue's cards on the home page: the instruments and their articles, the
    clusters."""
    return Block("instruments/includes/home_cards.html", {"article_count": article_count()})
