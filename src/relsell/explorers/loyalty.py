"""Explorer for chapter 3's loyalty-or-inertia sorter: place your own customer in the 2 x 2."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..charts.loyalty import loyalty_chart
from ..models.loyalty import INVOLVEMENT_CUT, REPEAT_CUT, classify, classify_table, sample_customers
from ..models.loyalty import summary as loyalty_summary
from .base import Explorer

__all__ = ["loyalty_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def loyalty_explorer() -> Explorer:
    """Describe one customer by involvement and repeat share; see the cell and why.

    The six sample customers stay on the chart for comparison; the cut-offs can be moved to
    see how much the sorting depends on where "high" and "repeat" begin.
    """
    controls = {
        "name": widgets.Text(
            value="Your customer", description="Customer", style=_STYLE, layout=_WIDE
        ),
        "involvement": widgets.FloatText(
            value=3.0, step=0.5, description="Involvement (1 to 7)", style=_STYLE, layout=_WIDE
        ),
        "repeat_share": widgets.FloatText(
            value=0.8,
            step=0.05,
            description="Repeat share (0 to 1)",
            style=_STYLE,
            layout=_WIDE,
        ),
        "involvement_cut": widgets.FloatSlider(
            value=INVOLVEMENT_CUT,
            min=1.0,
            max=7.0,
            step=0.5,
            description="High involvement above",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
        "repeat_cut": widgets.FloatSlider(
            value=REPEAT_CUT,
            min=0.05,
            max=1.0,
            step=0.05,
            description="Repeat purchase from",
            readout_format=".0%",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        ),
    }

    def compute(name, involvement, repeat_share, involvement_cut, repeat_cut):
        label = name.strip() if isinstance(name, str) and name.strip() else "Your customer"
        result = classify(
            involvement, repeat_share, involvement_cut=involvement_cut, repeat_cut=repeat_cut
        )
        mine = pd.DataFrame(
            [{"customer": label, "involvement": involvement, "repeat_share": repeat_share}]
        )
        table = classify_table(
            pd.concat([sample_customers(), mine], ignore_index=True),
            involvement_cut=involvement_cut,
            repeat_cut=repeat_cut,
        )
        chart = loyalty_chart(
            table, involvement_cut=involvement_cut, repeat_cut=repeat_cut, highlight=label
        )
        return chart, loyalty_summary(result, label)

    return Explorer(controls, compute, title="Loyalty or inertia?", columns=1)
