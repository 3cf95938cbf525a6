"""Explorer for chapter 2's "Bring them back!" model (``relsell.models.customer_base``)."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer", "customer_base_explorer"]


def explorer(**start) -> Explorer:
    """A control for every assumption of the model and the improvement; starts at ``start``.

    E.g. ``explorer(retention_rate=0.6, points=0.1)``; the rest start at the defaults.
    """
    return model_explorer("customer_base", "Bring them back!", start)


customer_base_explorer = explorer  # the name notebook 02 and exercise 02 call
