"""Explorer for chapter 2's relationship-potential score (``models.relationship_potential``)."""

from __future__ import annotations

from ..models.relationship_potential import NONE, situation
from .base import Explorer, model_explorer

__all__ = ["explorer", "potential_explorer"]


def explorer(**start) -> Explorer:
    """Fourteen 0-4 ratings and a situation to compare with; starts at ``start`` or the defaults
    (the enquiry line answered by people, compared with the automated line)."""
    return model_explorer(
        "relationship_potential", "Relationship potential: the 14 conditions", start, columns=1
    )


def potential_explorer(
    start: str = "gas enquiry line, answered by people",
    compare: str = "gas enquiry line, automated",
) -> Explorer:
    """The explorer starting from the ratings of the example situation ``start``."""
    scores = situation(start)
    if compare != NONE:
        situation(compare)  # an unknown name is explained in the situation's words
    return explorer(**scores, compare=compare)
