"""Chart for chapter 2's "Bring them back!" model (``relsell.models.customer_base``)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import StrMethodFormatter

from ..checks import records
from ..models.customer_base import run
from .style import PALETTE, new_figure

__all__ = ["chart", "retention_gap_chart"]

_NEEDED = ("year", "customers_base", "customers_better", "profit_base", "profit_better")


def chart(result: dict | list[dict] | None = None) -> Figure:
    """The retention-gap chart of ``run(...)``'s result (by default, the defaults)."""
    result = run() if result is None else result
    return retention_gap_chart(result["table"] if isinstance(result, dict) else result)


def retention_gap_chart(table: object) -> Figure:
    """Yearly profit of one firm at two retention rates, with the customers in the last year.

    ``table`` is ``compare_retention(...)``: its records, or the same as a DataFrame.
    """
    table = records(table, (*_NEEDED, "rate_base", "rate_better"), what="compare_retention()")
    low, high = table[0]["rate_base"], table[0]["rate_better"]
    rows = [row for row in table if row["year"] > 0]
    years = [row["year"] for row in rows]
    base = [row["profit_base"] for row in rows]
    better = [row["profit_better"] for row in rows]
    fig, ax = new_figure()
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    ax.plot(
        years,
        base,
        marker="s",
        markersize=4,
        color=PALETTE["one_off"],
        label=f"retention {low:.0%}",
    )
    ax.plot(
        years,
        better,
        marker="o",
        markersize=4,
        color=PALETTE["retained"],
        label=f"retention {high:.0%}",
    )
    ax.fill_between(years, base, better, color=PALETTE["retained"], alpha=0.12, linewidth=0)
    last = rows[-1]
    up = last["profit_better"] >= last["profit_base"]  # label the higher line above
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
    top = float(max(*base, *better, 0))
    bottom = float(min(*base, *better, 0))
    ax.set_ylim(bottom - 0.12 * (top - bottom + 1), top + 0.15 * (top - bottom + 1))
    ax.set_xlabel("year")
    ax.set_ylabel("profit in the year (yuan)")
    ax.set_title("Bring them back! Same firm, two retention rates")
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.legend(frameon=False, loc="best")
    fig.tight_layout()
    return fig
