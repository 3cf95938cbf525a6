"""Chart for chapter 2's "Bring them back!" model (``relsell.models.customer_base``)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import StrMethodFormatter

from .style import PALETTE, new_figure

__all__ = ["retention_gap_chart"]


def retention_gap_chart(table: pd.DataFrame) -> Figure:
    """Yearly profit of one firm at two retention rates, with the customers in the last year."""
    low, high = table.attrs["rate_base"], table.attrs["rate_better"]
    rows = table[table["year"] > 0]
    fig, ax = new_figure()
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    ax.plot(
        rows["year"],
        rows["profit_base"],
        marker="s",
        markersize=4,
        color=PALETTE["one_off"],
        label=f"retention {low:.0%}",
    )
    ax.plot(
        rows["year"],
        rows["profit_better"],
        marker="o",
        markersize=4,
        color=PALETTE["retained"],
        label=f"retention {high:.0%}",
    )
    ax.fill_between(
        rows["year"],
        rows["profit_base"],
        rows["profit_better"],
        color=PALETTE["retained"],
        alpha=0.12,
        linewidth=0,
    )
    last = rows.iloc[-1]
    up = (
        last["profit_better"] >= last["profit_base"]
    )  # label the higher line above, the other below
    for column, customers, colour, offset in (
        ("profit_base", "customers_base", PALETTE["one_off"], -14 if up else 8),
        ("profit_better", "customers_better", PALETTE["retained"], 8 if up else -14),
    ):
        ax.annotate(
            f"{last[customers]:,.0f} customers",
            xy=(last["year"], last[column]),
            xytext=(-4, offset),
            textcoords="offset points",
            ha="right",
            color=colour,
        )
    top = float(max(rows["profit_base"].max(), rows["profit_better"].max(), 0))
    bottom = float(min(rows["profit_base"].min(), rows["profit_better"].min(), 0))
    ax.set_ylim(bottom - 0.12 * (top - bottom + 1), top + 0.15 * (top - bottom + 1))
    ax.set_xlabel("year")
    ax.set_ylabel("profit in the year (yuan)")
    ax.set_title("Bring them back! Same firm, two retention rates")
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.legend(frameon=False, loc="best")
    fig.tight_layout()
    return fig
