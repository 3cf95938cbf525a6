"""Explorer for chapter 6's typhoon decision: move the goods or gamble?"""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer"]


def explorer(**start) -> Explorer:
    """Flood chance, share lost, and the ranges of moving cost and value; starts at the case.

    The amounts are ranges, as the source gives them ("more than" 10,000 and 600,000); enter
    the same amount twice for a single what-if. The chance starts at the yearly base rate of a
    1-in-50-year storm, a reference mark; its control ends where the chart's axis does
    (``CHANCE_AXIS_MAX``).
    """
    return model_explorer("typhoon", "Move the goods or gamble?", start)
