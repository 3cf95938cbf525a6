"""Explorer for chapter 1's "one sale or a relationship?" model (``models.retention``)."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer"]


def explorer(**start) -> Explorer:
    """A control for every assumption of the model; starts at ``start`` or the defaults."""
    return model_explorer("retention", "One sale or a relationship?", start)
