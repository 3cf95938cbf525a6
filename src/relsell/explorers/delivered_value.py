"""Explorer for chapter 3's customer-delivered-value model: two offers side by side."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer", "delivered_value_explorer"]


def explorer(**start) -> Explorer:
    """Eight amounts for each of two offers (the Lexus case to start), in two columns.

    The left column is the first offer, the right column the second; each amount is in
    thousand USD as the buyer perceives it. An empty name, or the same name twice, shows a
    message and keeps the last chart.
    """
    return model_explorer("delivered_value", "Which offer delivers more value?", start)


delivered_value_explorer = explorer  # the name notebooks and exercises call
