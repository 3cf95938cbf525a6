"""Chart for chapter 5's visit funnel (``relsell.models.visits``)."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..models.visits import _check_plan, run
from .style import PALETTE, SERIES, new_figure

__all__ = ["chart", "funnel_chart"]

_LABELS = {
    "prospects": "prospects on the list",
    "visits": "visits",
    "conversations": "sales conversations",
    "deals": "deals",
}


def chart(result: dict | None = None) -> Figure:
    """The funnel of ``run(...)`` (by default the chapter's case): what the target takes."""
    result = run() if result is None else result
    plan = result["plan"] if isinstance(result, dict) and "plan" in result else result
    return funnel_chart(plan)


def funnel_chart(plan: dict) -> Figure:
    """What a target number of deals takes, stage by stage (from ``plan_for_target``)."""
    p = _check_plan(plan)
    fig, ax = new_figure(7.0, 3.6)
    values = [int(row["needed"]) for row in p["table"]]
    labels = [_LABELS[row["stage"]] for row in p["table"]]
    ax.barh(range(len(values)), values, color=SERIES[: len(values)], edgecolor="white")
    top = max(values)
    for row, value in enumerate(values):
        ax.text(value + top * 0.01, row, f"{value:,}", va="center", fontweight="bold")
    ax.set_yticks(range(len(values)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.15)
    ax.set_xlabel("number needed (each stage rounded up)")
    deals = p["target_deals"]
    ax.set_title(f"What {deals} deal{'s' if deals != 1 else ''} take")
    ax.text(
        0.99,
        0.04,
        f"at {p['visits_per_day']} visits a day: {p['days']} working days\n"
        f"prospects used: {p['share_of_list']:.0%} of a list of {p['list_size']:,}",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        color=PALETTE["grey"],
        fontsize="small",
    )
    fig.tight_layout()
    return fig
