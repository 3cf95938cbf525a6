"""Explorer for chapter 7's five-element visit-plan checker (``relsell.models.visit_plan``)."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from ..charts.visit_plan import plan_chart
from ..models.visit_plan import ELEMENTS, check_plan, summary
from .base import Explorer

__all__ = ["plan_explorer", "DRAFT_PLAN"]

# A hypothetical first draft by a new agent (not from the source): one element settled,
# three vague and one missing, so the checker has something to say.
DRAFT_PLAN = {
    "when": "next week",
    "what": "Review the family's health cover and show the hospital-cash option",
    "who": "the customer",
    "method": "",
    "reason": "I need two more sales for my monthly quota",
}

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def plan_explorer(plan: Mapping[str, str] | None = None) -> Explorer:
    """One text box per element of a visit (when, what, who, method, reason)."""
    start = dict(DRAFT_PLAN if plan is None else plan)
    controls = {
        e["key"]: widgets.Text(
            value=str(start.get(e["key"], "")),
            description=e["label"],
            placeholder=f"{e['label'].lower()} of the visit",
            continuous_update=False,
            style=_STYLE,
            layout=_WIDE,
        )
        for e in ELEMENTS
    }

    def compute(**entries):
        check = check_plan(entries)
        return plan_chart(check), summary(check)

    return Explorer(controls, compute, title="Is this visit planned?", columns=1)
