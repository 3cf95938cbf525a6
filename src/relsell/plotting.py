"""Charts for the models: one function per chart, each returning a matplotlib Figure.

Notebooks call these so a chart looks the same on the static page, in the widget and in
the exercise. Colours are from the Okabe-Ito palette (safe for colour-blind readers) and
every chart says in its title what the reader should see.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import StrMethodFormatter

from .retention import break_even_year, payback_year

__all__ = ["customer_chart", "structure_chart", "PALETTE"]

PALETTE = {"one_off": "#D55E00", "retained": "#0072B2", "accent": "#009E73", "grey": "#555555"}
mpl.rcParams["svg.hashsalt"] = "relsell"  # stable SVG ids, so rebuilt pages do not differ


def _figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, Axes]:
    """A new figure that pyplot does not keep open.

    Made through pyplot so Jupyter's inline backend renders it as an image when a cell
    returns it, then closed at once so it is shown exactly once and never leaks memory
    while a student drags a slider.
    """
    fig = plt.figure(figsize=(width, height), dpi=100)
    plt.close(fig)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def customer_chart(table: pd.DataFrame) -> Figure:
    """Cumulative discounted profit of the one-off and the retained customer, by year."""
    fig, ax = _figure()
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    ax.plot(
        table["year"],
        table["transactional_cumulative"],
        marker="s",
        markersize=4,
        color=PALETTE["one_off"],
        label="one-off (transactional) customer",
    )
    ax.plot(
        table["year"],
        table["retained_cumulative"],
        marker="o",
        markersize=4,
        color=PALETTE["retained"],
        label="retained customer",
    )
    even, back = break_even_year(table), payback_year(table)
    if even is not None:
        ax.axvline(even, color=PALETTE["accent"], linestyle="--", linewidth=1)
        ax.annotate(
            f"overtakes the one-off sale in year {even}",
            xy=(even, 1),
            xytext=(6, -14),
            xycoords=("data", "axes fraction"),
            textcoords="offset points",
            color="#006b4f",
        )
    if back is not None and back != even:
        ax.plot(
            [back],
            [table.loc[table["year"] == back, "retained_cumulative"].iloc[0]],
            marker="*",
            markersize=12,
            color=PALETTE["accent"],
            linestyle="none",
            label=f"acquisition cost repaid (year {back})",
        )
    ax.set_xlabel("year (0 = the year the customer is won)")
    ax.set_ylabel("cumulative discounted profit (yuan)")
    ax.set_title("One sale or a relationship?")
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.legend(frameon=False, loc="center right")
    fig.tight_layout()
    return fig


def structure_chart(detail: dict[str, pd.DataFrame]) -> Figure:
    """Learning hours per customer type, stacked, for each sales-force structure.

    ``detail`` maps a structure name ("territory", "segment") to the table of
    ``relsell.pinacor.learning_hours``.
    """
    fig, ax = _figure(7.0, 3.9)
    colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
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
