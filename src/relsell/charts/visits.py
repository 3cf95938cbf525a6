"""Chart for chapter 7's visit funnel (``relsell.models.visits``)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..models.visits import _check_plan
from .style import PALETTE, SERIES, new_figure

__all__ = ["funnel_chart"]

_LABELS = {
    "prospects": "prospects on the list",
    "visits": "visits",
    "conversations": "sales conversations",
    "deals": "deals",
}


def funnel_chart(plan: pd.DataFrame) -> Figure:
    """What a target number of deals takes, stage by stage (from ``plan_for_target``)."""
    t = _check_plan(plan)
    info = t.attrs
    fig, ax = new_figure(7.0, 3.6)
    values = [int(v) for v in t["needed"]]
    labels = [_LABELS[s] for s in t["stage"]]
    ax.barh(range(len(values)), values, color=SERIES[: len(values)], edgecolor="white")
    top = max(values)
    for row, value in enumerate(values):
        ax.text(value + top * 0.01, row, f"{value:,}", va="center", fontweight="bold")
    ax.set_yticks(range(len(values)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.15)
    ax.set_xlabel("number needed (each stage rounded up)")
    deals = info["target_deals"]
    ax.set_title(f"What {deals} deal{'s' if deals != 1 else ''} take")
    ax.text(
        0.99,
        0.04,
        f"at {info['visits_per_day']} visits a day: {info['days']} working days\n"
        f"prospects used: {info['share_of_list']:.0%} of a list of {info['list_size']:,}",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        color=PALETTE["grey"],
        fontsize="small",
    )
    fig.tight_layout()
    return fig
