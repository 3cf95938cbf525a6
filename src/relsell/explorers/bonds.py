"""Explorer for chapter 3's bond-level model: cost, uplift and copy time of each level."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.bonds import bonds_chart
from ..models.bonds import BondLevel, Market, default_levels, level_values, summary
from .base import Explorer

__all__ = ["bonds_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def bonds_explorer() -> Explorer:
    """Three levels side by side (cost, uplift, years to copy) plus the customer's market."""
    market = Market()
    controls: dict[str, widgets.ValueWidget] = {
        "margin": widgets.FloatText(
            value=market.margin,
            step=100,
            description="Yearly margin (yuan)",
            style=_STYLE,
            layout=_WIDE,
        ),
        "base_retention": widgets.FloatText(
            value=market.base_retention,
            step=0.05,
            description="Base retention (0-1)",
            style=_STYLE,
            layout=_WIDE,
        ),
    }
    for i, level in enumerate(default_levels(), start=1):
        controls[f"cost_{i}"] = widgets.FloatText(
            value=level.yearly_cost,
            step=10,
            description=f"Level {i}: cost / year",
            style=_STYLE,
            layout=_WIDE,
        )
        controls[f"uplift_{i}"] = widgets.FloatText(
            value=level.retention_uplift,
            step=0.01,
            description=f"Level {i}: uplift (0-1)",
            style=_STYLE,
            layout=_WIDE,
        )
        controls[f"copy_{i}"] = widgets.FloatText(
            value=level.years_to_copy,
            step=1,
            description=f"Level {i}: years to copy",
            style=_STYLE,
            layout=_WIDE,
        )
    names = [level.name for level in default_levels()]

    def compute(margin, base_retention, **values):
        levels = [
            BondLevel(
                names[i - 1],
                yearly_cost=values[f"cost_{i}"],
                retention_uplift=values[f"uplift_{i}"],
                years_to_copy=values[f"copy_{i}"],
            )
            for i in (1, 2, 3)
        ]
        table = level_values(levels, Market(margin=margin, base_retention=base_retention))
        return bonds_chart(table), summary(table)

    return Explorer(controls, compute, title="Financial, social or structural bonds?", columns=2)
