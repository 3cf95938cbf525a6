"""Explorer for chapter 3's bond-level model: cost, uplift and copy time of each level."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer", "bonds_explorer"]


def explorer(**start) -> Explorer:
    """The customer's market, then each level's cost, uplift and years to copy, a row each."""
    return model_explorer("bonds", "Financial, social or structural bonds?", start, columns=3)


bonds_explorer = explorer  # the name notebooks call
