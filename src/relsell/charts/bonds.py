"""Chart for chapter 3's bond-level model (``relsell.models.bonds``)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import StrMethodFormatter

from .style import PALETTE, SERIES, new_figure

__all__ = ["bonds_chart"]

_MARKERS = ["o", "s", "^", "D", "v", "P"]


def bonds_chart(table: pd.DataFrame) -> Figure:
    """Gain over no programme, by year, for each level of ``relsell.models.bonds.level_values``."""
    fig, ax = new_figure(7.0, 4.2)
    ax.axhline(0, color=PALETTE["grey"], linewidth=1, label="no programme")
    levels = list(table.columns[2:])
    for i, name in enumerate(levels):
        gain = table[name] - table["no programme"]
        ax.plot(
            table["year"],
            gain,
            marker=_MARKERS[i % len(_MARKERS)],
            markersize=4,
            color=SERIES[i % len(SERIES)],
            label=name,
        )
        ax.annotate(
            f"{gain.iloc[-1]:+,.0f}",
            (table["year"].iloc[-1], gain.iloc[-1]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
            color=SERIES[i % len(SERIES)],
        )
    ax.set_xlabel("year (0 = the year the programme starts)")
    ax.set_ylabel("cumulative gain per customer (yuan)")
    ax.set_title("Deeper bonds cost more but last longer")
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlim(table["year"].iloc[0] - 0.3, table["year"].iloc[-1] * 1.12 + 0.5)
    ax.legend(frameon=False, loc="upper left", fontsize="small")
    fig.tight_layout()
    return fig
