"""Explorer for chapter 3's loyalty-or-inertia sorter: place your own customer in the 2 x 2.

The six sample customers stay on the chart for comparison; the cut-offs can be moved to see
how much the sorting depends on where "high" and "repeat" begin.
"""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer", "loyalty_explorer"]


def explorer(**start) -> Explorer:
    """A control for the customer and for each cut-off; starts at ``start`` or the defaults."""
    return model_explorer("loyalty", "Loyalty or inertia?", start, columns=1)


loyalty_explorer = explorer  # the name notebooks and exercises call
