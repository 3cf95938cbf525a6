"""Explorer for chapter 6's four relationship types and levels."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer"]


def explorer(**start) -> Explorer:
    """Describe an account; see its type, levels, risks and the next step.

    Starts at the course's reading of the A/B case, or at ``start``, e.g.
    ``explorer(**EXAMPLES["new prospect (first visit)"])``.
    """
    return model_explorer("relationship_types", "Outsider, friend, supplier or partner?", start)
