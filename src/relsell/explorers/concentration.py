"""Explorer for chapter 5's A/B case: what one dominant customer puts at risk."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.concentration import concentration_chart
from ..models.concentration import SupplierEconomics, scenario_table, summary
from .base import Explorer

__all__ = ["concentration_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def concentration_explorer(economics: SupplierEconomics | None = None) -> Explorer:
    """Every assumption of ``relsell.models.concentration``; starts at 70 % from B."""
    e = economics or SupplierEconomics()

    def rate(description: str, value: float, high: float, step: float = 0.01):
        return widgets.FloatSlider(
            value=value,
            min=0.0,
            max=high,
            step=step,
            description=description,
            readout_format=".0%",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        )

    controls = {
        "share_from_b": rate("Share of revenue from B", e.share_from_b, 1.0),
        "contribution_margin": rate("Contribution margin", e.contribution_margin, 1.0),
        "fixed_costs": widgets.FloatText(
            value=e.fixed_costs,
            step=1,
            description="Fixed costs per 100 of revenue",
            style=_STYLE,
            layout=_WIDE,
        ),
        "payment_delay_months": widgets.FloatText(
            value=e.payment_delay_months,
            step=1,
            description="Payment delay (months)",
            style=_STYLE,
            layout=_WIDE,
        ),
        "interest_rate": rate("Interest rate / year", e.interest_rate, 0.3),
        "price_cut": rate("Price cut per ultimatum", e.price_cut, 0.3),
        "ultimatums": widgets.IntSlider(
            value=e.ultimatums,
            min=0,
            max=10,
            description="Number of ultimatums",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
    }

    def compute(**values):
        table = scenario_table(SupplierEconomics(**values))
        return concentration_chart(table), summary(table)

    return Explorer(controls, compute, title="One customer, most of the business")
