"""Explorer for chapter 2's "Bring them back!" model (``relsell.models.customer_base``)."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.customer_base import retention_gap_chart
from ..models.customer_base import CustomerBase, compare_retention, summary
from .base import Explorer

__all__ = ["customer_base_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def customer_base_explorer(base: CustomerBase | None = None, points: float = 0.05) -> Explorer:
    """Controls for every assumption of ``relsell.models.customer_base``; starts at the defaults."""
    b = base or CustomerBase()

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
        "retention_rate": rate("Retention rate", b.retention_rate, 0.0, 1.0),
        "points": rate("Improvement (points)", points, -0.2, 0.2),
        "starting_customers": amount("Customers today", b.starting_customers, 100),
        "new_customers_per_year": amount("New customers / year", b.new_customers_per_year, 10),
        "margin_per_customer": amount("Margin / customer / year (yuan)", b.margin_per_customer, 50),
        "service_cost": amount("Service cost / customer / year (yuan)", b.service_cost, 10),
        "acquisition_cost": amount("Cost to win a customer (yuan)", b.acquisition_cost, 100),
        "years": widgets.IntSlider(
            value=b.years,
            min=1,
            max=30,
            description="Years",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
    }

    def compute(points, **values):
        table = compare_retention(CustomerBase(**values), points=points)
        return retention_gap_chart(table), summary(table)

    return Explorer(controls, compute, title="Bring them back!")
