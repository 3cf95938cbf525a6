"""Explorer for chapter 5's typhoon decision: move the goods or gamble?"""

from __future__ import annotations

import ipywidgets as widgets

from ..plotting.typhoon import typhoon_chart
from ..typhoon import FLOOD_PROBABILITY, GOODS_VALUE, MOVING_COST, decide, summary
from .base import Explorer

__all__ = ["typhoon_explorer"]

_STYLE = {"description_width": "14em"}
_WIDE = widgets.Layout(width="95%")


def typhoon_explorer() -> Explorer:
    """Flood chance, moving cost, value of the goods and share lost; starts at the case."""
    controls = {
        "probability": widgets.FloatSlider(
            value=FLOOD_PROBABILITY,
            min=0.0,
            max=0.2,
            step=0.001,
            description="Flood chance",
            readout_format=".1%",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
        "moving_cost": widgets.FloatText(
            value=MOVING_COST, step=1000, description="Moving cost", style=_STYLE, layout=_WIDE
        ),
        "goods_value": widgets.FloatText(
            value=GOODS_VALUE,
            step=50000,
            description="Value of the goods",
            style=_STYLE,
            layout=_WIDE,
        ),
        "loss_share": widgets.FloatSlider(
            value=1.0,
            min=0.05,
            max=1.0,
            step=0.05,
            description="Share lost in a flood",
            readout_format=".0%",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
    }

    def compute(probability, moving_cost, goods_value, loss_share):
        result = decide(probability, moving_cost, goods_value, loss_share)
        chart = typhoon_chart(probability, moving_cost, goods_value, loss_share)
        return chart, summary(result)

    return Explorer(controls, compute, title="Move the goods or gamble?")
