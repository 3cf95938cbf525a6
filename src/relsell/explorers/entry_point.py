"""Explorer for chapter 7's entry-point advisor (``relsell.models.entry_point``)."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer", "entry_explorer"]


def explorer(**start: bool) -> Explorer:
    """One tick box per fact the chapter's rules use; starts from ``start`` or the defaults."""
    return model_explorer("entry_point", "Where to enter the customer?", start)


# The name the chapter's notebook and exercise call.
entry_explorer = explorer
