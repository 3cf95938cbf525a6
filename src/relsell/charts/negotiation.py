"""Chart for chapter 6's negotiation model (``relsell.models.negotiation``)."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..models.negotiation import run
from .style import PALETTE, new_figure

__all__ = ["chart"]


def chart(result: dict | None = None) -> Figure:
    """A's profit with B at each price against its profit without B (the BATNA line).

    Where the two cross is A's walk-away price; B's demand and B's own walk-away are marked,
    and the zone of possible agreement is shaded. ``result`` is ``run(...)``.
    """
    result = run() if result is None else result
    if not isinstance(result, dict) or "curve" not in result:
        raise TypeError("Expected the result of relsell.models.negotiation.run(...).")
    prices = [100 * row["price"] for row in result["curve"]]
    profits = [row["profit_with_b"] for row in result["curve"]]
    fig, ax = new_figure(7.0, 4.0)
    ax.plot(prices, profits, color=PALETTE["retained"], linewidth=2, label="A's profit with B")
    ax.axhline(
        result["batna_profit"], color=PALETTE["one_off"], linestyle="--", linewidth=1.6,
        label=f"A's profit without B (BATNA): {result['batna_profit']:+.1f}",
    )  # fmt: skip
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    if result["zopa"]:
        low, high = (100 * x for x in result["zopa"])
        ax.axvspan(low, high, color=PALETTE["accent"], alpha=0.18, label="zone of agreement")
    bottom, top = min(profits), max(profits)
    # (value, label, colour, line style, side of the line, height): labels never overlap
    marks = (
        (result["walk_away"], "A walks away", PALETTE["one_off"], "-", "right", top),
        (result["demand"], "B demands", PALETTE["grey"], ":", "right", 0.55 * top),
        (result["b_walk_away"], "B's alternative", PALETTE["accent"], "-.", "left", 0.55 * top),
    )
    for value, label, colour, style, side, height in marks:
        x = 100 * value
        if prices[0] <= x <= prices[-1]:
            ax.axvline(x, color=colour, linestyle=style, linewidth=1.2)
            ax.annotate(
                f"{label}\n{x:.1f} %", (x, height), xytext=(-3 if side == "right" else 3, -2),
                textcoords="offset points", ha=side, va="top", fontsize="small", color=colour,
            )  # fmt: skip
    ax.set_ylim(bottom - 0.05 * (top - bottom), top + 0.25 * (top - bottom))
    ax.set_xlabel("price B pays, % of today's price")
    ax.set_ylabel("A's profit per 100 of today's revenue")
    ax.set_title(f"A's walk-away price: {100 * result['walk_away']:.1f} % of today's price")
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    return fig
