"""Chart for chapter 1's retention model (``relsell.models.retention``)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import StrMethodFormatter

from ..models.retention import break_even_year, payback_year, run
from .style import PALETTE, new_figure

__all__ = ["chart"]


def chart(result: dict | list[dict] | None = None) -> Figure:
    """Cumulative discounted profit of the one-off and the retained customer, by year.

    ``result`` is ``run(...)`` or its table ``compare_customers(...)``; by default the defaults.
    """
    result = run() if result is None else result
    table = result["table"] if isinstance(result, dict) else result
    years = [row["year"] for row in table]
    fig, ax = new_figure()
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    ax.plot(
        years,
        [row["transactional_cumulative"] for row in table],
        marker="s",
        markersize=4,
        color=PALETTE["one_off"],
        label="one-off (transactional) customer",
    )
    ax.plot(
        years,
        [row["retained_cumulative"] for row in table],
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
            [next(r["retained_cumulative"] for r in table if r["year"] == back)],
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
