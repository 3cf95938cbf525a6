"""Explorer for chapter 1's "one sale or a relationship?" model."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts import customer_chart
from ..models.retention import CustomerEconomics, compare_customers, summary
from .base import Explorer

__all__ = ["retention_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def retention_explorer(economics: CustomerEconomics | None = None) -> Explorer:
    """Sliders and boxes for every assumption of ``models.retention``; starts at the defaults."""
    e = economics or CustomerEconomics()

    def amount(description: str, value: float, step: float) -> widgets.FloatText:
        return widgets.FloatText(
            value=value, step=step, description=description, style=_STYLE, layout=_WIDE
        )

    def rate(description: str, value: float, low: float, high: float) -> widgets.FloatSlider:
        return widgets.FloatSlider(
            value=value,
            min=low,
            max=high,
            step=0.01,
            description=description,
            readout_format=".0%",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        )

    controls = {
        "margin_per_order": amount("Margin per order (yuan)", e.margin_per_order, 10),
        "orders_per_year": widgets.IntSlider(
            value=int(e.orders_per_year),
            min=0,
            max=52,
            description="Orders per year",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
        "retention_rate": rate("Retention rate", e.retention_rate, 0.0, 1.0),
        "acquisition_cost": amount("Acquisition cost (yuan)", e.acquisition_cost, 100),
        "relationship_cost": amount("Relationship cost / year (yuan)", e.relationship_cost, 50),
        "margin_growth": rate("Margin growth / year", e.margin_growth, -0.2, 0.3),
        "discount_rate": rate("Discount rate", e.discount_rate, 0.0, 0.3),
        "years": widgets.IntSlider(
            value=e.years,
            min=1,
            max=30,
            description="Years",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
    }

    def compute(**values):
        table = compare_customers(CustomerEconomics(**values))
        return customer_chart(table), summary(table)

    return Explorer(controls, compute, title="One sale or a relationship?")
