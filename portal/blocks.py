"""Blocks that a higher app adds to a lower app's page.

A lower app never imports a higher one, yet some of its pages show something of a higher app
(the upcoming dialogues on a State's page, the catalogue on the home page). The page names a
slot, e.g. ``"reviews.state_detail"``; a higher app registers a provider for it when it starts
(its ``AppConfig.ready``). The page's view asks ``page_blocks(slot, **context)`` and its template
includes each block's template with the block's context (``{% include block.template with
block=block.context %}``).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    template: str
    context: dict = field(default_factory=dict)


_providers: dict[str, list[Callable[..., Block | None]]] = defaultdict(list)


def block_provider(slot: str):
    """Register the decorated function as a provider of blocks for ``slot``; it is called
    with the page's context (keyword arguments) and returns a Block, or None to add nothing."""

    def register(provider: Callable[..., Block | None]):
        if provider not in _providers[slot]:
            _providers[slot].append(provider)
        return provider

    return register


def page_blocks(slot: str, **context) -> list[Block]:
    """The blocks the registered providers give for ``slot``, in the order they registered."""
    blocks = (provider(**context) for provider in _providers[slot])
    return [block for block in blocks if block is not None]
