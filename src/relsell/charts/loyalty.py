"""Chart for chapter 3's loyalty-or-inertia sorter (``relsell.models.loyalty``)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from ..checks import records
from ..models.loyalty import (
    INVOLVEMENT_CUT,
    INVOLVEMENT_MAX,
    INVOLVEMENT_MIN,
    REPEAT_CUT,
    SEGMENTS,
    run,
)
from .style import PALETTE, SERIES, new_figure

__all__ = ["chart", "loyalty_chart", "SEGMENT_COLOURS"]

SEGMENT_COLOURS = {
    "brand loyalty": SERIES[0],
    "brand inertia": SERIES[1],
    "uncommitted searcher": SERIES[2],
    "indifferent switcher": SERIES[3],
}
_MARKERS = {
    "brand loyalty": "o",
    "brand inertia": "s",
    "uncommitted searcher": "^",
    "indifferent switcher": "D",
}


def chart(result: dict | None = None) -> Figure:
    """The customer of ``run(...)`` (drawn larger) among the six sample customers."""
    result = run() if result is None else result
    return loyalty_chart(
        result["table"],
        involvement_cut=result["involvement_cut"],
        repeat_cut=result["repeat_cut"],
        highlight=result["highlight"],
    )


def loyalty_chart(
    table: list[dict],
    *,
    involvement_cut: float = INVOLVEMENT_CUT,
    repeat_cut: float = REPEAT_CUT,
    highlight: str | None = None,
) -> Figure:
    """Customers on involvement x repeat share, with the four cells named.

    ``table`` is the result of ``relsell.models.loyalty.classify_table`` (records or a
    DataFrame); ``highlight`` names one customer to draw larger (the explorer's "your customer").
    """
    rows = records(
        table,
        ("customer", "involvement", "repeat_share", "segment"),
        what="the table from classify_table()",
    )
    fig, ax = new_figure(7.0, 4.6)
    ax.axvline(involvement_cut, color=PALETTE["grey"], linewidth=1, linestyle="--")
    ax.axhline(repeat_cut, color=PALETTE["grey"], linewidth=1, linestyle="--")
    # Each cell's name sits just inside the cell, next to the crossing of the cut-offs.
    above, below = min(repeat_cut + 0.05, 1.06), max(repeat_cut - 0.05, -0.02)
    cells = {
        (True, True): (involvement_cut + 0.15, above, "left"),
        (False, True): (involvement_cut - 0.15, above, "right"),
        (True, False): (involvement_cut + 0.15, below, "left"),
        (False, False): (involvement_cut - 0.15, below, "right"),
    }
    for key, (x, y, align) in cells.items():
        segment, in_source = SEGMENTS[key]
        label = segment if in_source else f"{segment} (course label)"
        ax.text(
            x,
            y,
            label,
            ha=align,
            va="center",
            fontsize="small",
            fontweight="bold" if in_source else "normal",
            color=SEGMENT_COLOURS[segment],
        )
    seen: set[str] = set()
    for row in rows:
        segment = row["segment"]
        big = highlight is not None and row["customer"] == highlight
        ax.scatter(
            row["involvement"],
            row["repeat_share"],
            s=140 if big else 60,
            marker=_MARKERS[segment],
            color=SEGMENT_COLOURS[segment],
            edgecolor="black" if big else "white",
            linewidth=1.5 if big else 0.5,
            zorder=3,
            label=segment if segment not in seen else None,
        )
        seen.add(segment)
        ax.annotate(
            str(row["customer"]),
            (row["involvement"], row["repeat_share"]),
            xytext=(6, 5),
            textcoords="offset points",
            fontsize="small",
            fontweight="bold" if big else "normal",
        )
    ax.set_xlim(INVOLVEMENT_MIN - 0.2, INVOLVEMENT_MAX + 0.4)
    ax.set_ylim(-0.08, 1.12)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel("involvement (1 = the purchase means nothing, 7 = it matters a great deal)")
    ax.set_ylabel("share of purchases with one brand")
    ax.set_title("Loyalty or inertia? Involvement decides", pad=14)
    fig.tight_layout()
    return fig
