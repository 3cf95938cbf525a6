"""Explorer for chapter 7's visit funnel (``relsell.models.visits``)."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.visits import funnel_chart
from ..models.visits import (
    DEFAULT_TARGET_DEALS,
    VisitAssumptions,
    month_at_quota,
    plan_for_target,
    summary,
)
from .base import Explorer

__all__ = ["funnel_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def funnel_explorer(assumptions: VisitAssumptions | None = None) -> Explorer:
    """Boxes for the target and every assumption of the funnel; starts at the defaults.

    Rates are typed, not slid, so a student who types 30 for 30 % sees the model's
    message instead of a slider that silently stops at 1.
    """
    a = assumptions or VisitAssumptions()

    def whole(description: str, value: int) -> widgets.IntText:
        return widgets.IntText(value=value, description=description, style=_STYLE, layout=_WIDE)

    def decimal(description: str, value: float, step: float) -> widgets.FloatText:
        return widgets.FloatText(
            value=value, step=step, description=description, style=_STYLE, layout=_WIDE
        )

    controls = {
        "target_deals": whole("Target deals", DEFAULT_TARGET_DEALS),
        "prospects": whole("Prospects on the list", a.prospects),
        "first_visits": whole("Daily quota: the 7", a.first_visits),
        "second_visits": whole("Daily quota: the 3", a.second_visits),
        "working_days": whole("Working days / month", a.working_days),
        "conversation_rate": decimal("Visits -> conversations", a.conversation_rate, 0.05),
        "closing_rate": decimal("Conversations -> deals", a.closing_rate, 0.01),
        "visits_per_prospect": decimal("Visits per prospect", a.visits_per_prospect, 0.5),
        "commission_per_deal": decimal("Commission / deal (yuan)", a.commission_per_deal, 50),
    }

    def compute(target_deals, **values):
        assumptions = VisitAssumptions(**values)
        plan = plan_for_target(target_deals, assumptions)
        return funnel_chart(plan), summary(plan, month_at_quota(assumptions))

    return Explorer(controls, compute, title="What do the deals take?")
