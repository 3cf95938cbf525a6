"""Explorer for chapter 5's typhoon decision: move the goods or gamble?"""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.typhoon import typhoon_chart
from ..models.typhoon import (
    BASE_RATE,
    CHANCE_AXIS_MAX,
    GOODS_VALUE_RANGE,
    MOVING_COST_RANGE,
    decide_band,
    summary,
)
from .base import Explorer

__all__ = ["typhoon_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def _amount(value: float, step: float, description: str) -> widgets.FloatText:
    return widgets.FloatText(
        value=value, step=step, description=description, style=_STYLE, layout=_WIDE
    )


def typhoon_explorer() -> Explorer:
    """Flood chance, the ranges of moving cost and value, share lost; starts at the case.

    The moving cost and the value of the goods are ranges, as the source gives them ("more
    than" 10,000 and 600,000); enter the same amount twice for a single what-if. The flood
    chance slider starts at the yearly base rate of a 1-in-50-year storm, a reference mark,
    and its upper end is the chart's axis (both ``CHANCE_AXIS_MAX``).
    """
    controls = {
        "probability": widgets.FloatSlider(
            value=BASE_RATE,
            min=0.0,
            max=CHANCE_AXIS_MAX,
            step=0.001,
            description="Flood chance",
            readout_format=".1%",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
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
        "cost_low": _amount(MOVING_COST_RANGE[0], 1000, "Moving cost, lowest"),
        "cost_high": _amount(MOVING_COST_RANGE[1], 1000, "Moving cost, highest"),
        "value_low": _amount(GOODS_VALUE_RANGE[0], 50000, "Value of the goods, lowest"),
        "value_high": _amount(GOODS_VALUE_RANGE[1], 50000, "Value of the goods, highest"),
    }

    def compute(probability, loss_share, cost_low, cost_high, value_low, value_high):
        cost, goods = (cost_low, cost_high), (value_low, value_high)
        result = decide_band(probability, cost, goods, loss_share)
        chart = typhoon_chart(
            probability, cost, goods, loss_share, max_chance=controls["probability"].max
        )
        return chart, summary(result)

    return Explorer(controls, compute, title="Move the goods or gamble?")
