"""Explorer for chapter 5's visit funnel (``relsell.models.visits``)."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer", "funnel_explorer"]


def explorer(**start) -> Explorer:
    """A control for the target and every assumption of the funnel; starts at ``start``."""
    return model_explorer("visits", "What do the deals take?", start)


# The name the chapter's notebook and exercise use.
funnel_explorer = explorer
