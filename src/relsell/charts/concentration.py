"""Chart for chapter 5's customer-concentration model (``relsell.models.concentration``)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .style import PALETTE, new_figure

__all__ = ["concentration_chart"]


def concentration_chart(table: pd.DataFrame) -> Figure:
    """A's profit per 100 of today's revenue in each scenario; revenue printed on each bar."""
    fig, ax = new_figure(7.0, 3.9)
    profits = table["profit"].to_list()
    colours = [PALETTE["retained"] if p >= 0 else PALETTE["one_off"] for p in profits]
    bars = ax.bar(range(len(table)), profits, color=colours, edgecolor="white")
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    span = max(abs(p) for p in profits) or 1.0
    for bar, (_, row) in zip(bars, table.iterrows(), strict=True):
        value = row["profit"]
        offset = span * 0.04 if value >= 0 else -span * 0.04
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            value + offset,
            f"{value:+.1f}\n(revenue {row['revenue']:.0f})"
            if value >= 0
            else f"(revenue {row['revenue']:.0f})\n{value:+.1f}",
            ha="center",
            va="bottom" if value >= 0 else "top",
            fontsize="small",
        )
    ax.set_ylim(min(0, min(profits)) - span * 0.45, max(0, max(profits)) + span * 0.45)
    ax.set_xticks(range(len(table)), [s.replace(" its ", "\nits ") for s in table["scenario"]])
    ax.set_ylabel("profit per 100 of today's revenue")
    share = table["revenue_from_b"].iloc[0] / table["revenue"].iloc[0]
    ax.set_title(f"A gets {share:.0%} of its revenue from B: what if B ...")
    fig.tight_layout()
    return fig
