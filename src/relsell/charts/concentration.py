"""Chart for chapter 6's customer-concentration model (``relsell.models.concentration``)."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..checks import records
from ..models.concentration import run
from .style import PALETTE, new_figure

__all__ = ["chart"]


def chart(result: dict | list[dict] | None = None) -> Figure:
    """A's profit per 100 of today's revenue in each scenario; revenue printed on each bar.

    ``result`` is ``run(...)`` or its table ``scenario_table(...)``; by default the defaults.
    """
    result = run() if result is None else result
    table = result["table"] if isinstance(result, dict) and "table" in result else result
    rows = records(
        table,
        ("scenario", "revenue", "revenue_from_b", "profit"),
        what="the table from scenario_table()",
    )
    fig, ax = new_figure(7.0, 3.9)
    profits = [row["profit"] for row in rows]
    colours = [PALETTE["retained"] if p >= 0 else PALETTE["one_off"] for p in profits]
    bars = ax.bar(range(len(rows)), profits, color=colours, edgecolor="white")
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    span = max(abs(p) for p in profits) or 1.0
    for bar, row in zip(bars, rows, strict=True):
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
    ax.set_xticks(range(len(rows)), [row["scenario"].replace(" its ", "\nits ") for row in rows])
    ax.set_ylabel("profit per 100 of today's revenue")
    share = rows[0]["revenue_from_b"] / rows[0]["revenue"]
    ax.set_title(f"A gets {share:.0%} of its revenue from B: what if B ...")
    fig.tight_layout()
    return fig
