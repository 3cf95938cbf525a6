"""Chart for chapter 1's Pinacor sales-force structure model (``relsell.models.pinacor``)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .style import SERIES, new_figure

__all__ = ["structure_chart"]


def structure_chart(detail: dict[str, pd.DataFrame]) -> Figure:
    """Learning hours per customer type, stacked, for each sales-force structure.

    ``detail`` maps a structure name ("territory", "segment") to the table of
    ``relsell.models.pinacor.learning_hours``.
    """
    fig, ax = new_figure(7.0, 3.9)
    colours = SERIES
    names = list(detail)
    colour_of: dict[str, str] = {}
    for row, name in enumerate(names):
        left = 0.0
        for _, item in detail[name].iterrows():
            kind = item["customer_type"]
            first_time = kind not in colour_of
            colour = colour_of.setdefault(kind, colours[len(colour_of) % len(colours)])
            ax.barh(
                row,
                item["hours"],
                left=left,
                color=colour,
                edgecolor="white",
                label=kind if first_time else None,
            )
            ax.text(
                left + item["hours"] / 2,
                row,
                f"{int(item['accounts'])}",
                ha="center",
                va="center",
                color="white",
                fontweight="bold",
            )
            left += item["hours"]
        ax.text(left * 1.01 + 1, row, f"{left:,.0f} h", va="center")
    ax.set_yticks(range(len(names)), [f"{n} rep" for n in names])
    ax.invert_yaxis()
    ax.set_xlabel("hours to understand the accounts (numbers in bars: accounts)")
    totals = {int(d["accounts"].sum()) for d in detail.values()}
    ax.set_title(
        f"Same {totals.pop()} accounts, different focus"
        if len(totals) == 1
        else "Accounts and learning hours by structure"
    )
    ax.legend(
        frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, fontsize="small"
    )
    ax.set_xlim(0, max(d["hours"].sum() for d in detail.values()) * 1.18)
    fig.tight_layout()
    return fig
