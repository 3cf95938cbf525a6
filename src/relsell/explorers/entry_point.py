"""Explorer for chapter 6's entry-point advisor (``relsell.models.entry_point``)."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.entry_point import route_chart
from ..models.entry_point import advise, summary
from .base import Explorer

__all__ = ["entry_explorer", "QUESTIONS"]

QUESTIONS = {
    "high_level_tie": "We have a relationship with their top management",
    "sponsor": "Someone the approver trusts will vouch for us",
    "technical_staff": "We can bring R&D staff or pre-sales engineers",
    "weak_relationships": "Our relationships with this customer are weak",
    "product_edge": "Excellent product, or a clear price-performance edge",
    "patient": "We can afford a long campaign",
}


def entry_explorer(**facts: bool) -> Explorer:
    """One tick box per fact the chapter's rules use; starts from ``facts`` or the defaults."""
    start = {"technical_staff": True, **facts}
    controls = {
        key: widgets.Checkbox(
            value=bool(start.get(key, False)),
            description=text,
            indent=False,
            layout=widgets.Layout(width="95%"),
        )
        for key, text in QUESTIONS.items()
    }

    def compute(**values):
        advice = advise(**values)
        return route_chart(advice), summary(advice)

    return Explorer(controls, compute, title="Where to enter the customer?", columns=2)
