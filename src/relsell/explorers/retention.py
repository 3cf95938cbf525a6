"""Explorer for chapter 1's "one sale or a relationship?" model (``models.retention``)."""

from __future__ import annotations

from ..charts.retention import chart
from ..models.retention import PARAMS, CustomerEconomics, compare_customers, summary
from .base import Explorer
from .controls import controls

__all__ = ["explorer"]


def explorer(economics: CustomerEconomics | None = None) -> Explorer:
    """A control for every assumption of the model; starts at ``economics`` or the defaults."""
    start = (economics or CustomerEconomics()).as_dict()

    def compute(**values):
        table = compare_customers(CustomerEconomics(**values))
        return chart(table), summary(table)

    return Explorer(controls(PARAMS, start), compute, title="One sale or a relationship?")
