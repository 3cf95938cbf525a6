"""Explorer for chapter 3's customer-delivered-value model: two offers side by side."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.delivered_value import delivered_value_chart
from ..models.delivered_value import (
    LABELS,
    Offer,
    compare_offers,
    lexus_offers,
    offer_fields,
    summary,
)
from .base import Explorer

__all__ = ["delivered_value_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def delivered_value_explorer(first: Offer | None = None, second: Offer | None = None) -> Explorer:
    """Eight amounts for each of two offers (the Lexus case to start), in two columns.

    The left column is the first offer, the right column the second; each box is in thousand
    USD as the buyer perceives it. A negative amount or an empty name shows a message and
    keeps the last chart.
    """
    default_first, default_second = lexus_offers()
    offers = (first or default_first, second or default_second)
    controls: dict[str, widgets.ValueWidget] = {
        "a_name": widgets.Text(
            value=offers[0].name, description="First offer", style=_STYLE, layout=_WIDE
        ),
        "b_name": widgets.Text(
            value=offers[1].name, description="Second offer", style=_STYLE, layout=_WIDE
        ),
    }
    for part in offer_fields():
        for prefix, offer in (("a", offers[0]), ("b", offers[1])):
            controls[f"{prefix}_{part}"] = widgets.FloatText(
                value=getattr(offer, part),
                step=1,
                description=LABELS[part],
                style=_STYLE,
                layout=_WIDE,
            )

    def compute(**values):
        built = {}
        for prefix in ("a", "b"):
            built[prefix] = Offer(
                name=values[f"{prefix}_name"],
                **{part: values[f"{prefix}_{part}"] for part in offer_fields()},
            )
        table = compare_offers(built["a"], built["b"])
        return delivered_value_chart(table), summary(table)

    return Explorer(controls, compute, title="Which offer delivers more value?", columns=2)
