"""Explorer for chapter 6's negotiation: A's walk-away price against B's ultimatums."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer"]


def explorer(**start) -> Explorer:
    """A control for every assumption; starts at ``start`` or the course's defaults."""
    return model_explorer("negotiation", "Walk away, or accept B's price?", start)
