"""Explorer for chapter 6's A/B case: what one dominant customer puts at risk."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer"]


def explorer(**start) -> Explorer:
    """A control for every assumption of the model; starts at ``start`` or 70 % from B."""
    return model_explorer("concentration", "One customer, most of the business", start)
