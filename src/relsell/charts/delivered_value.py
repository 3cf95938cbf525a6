"""Chart for chapter 3's customer-delivered-value model (``relsell.models.delivered_value``)."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..checks import records
from ..models.delivered_value import COST_PARTS, LABELS, VALUE_PARTS, run
from .style import PALETTE, SERIES, new_figure

__all__ = ["chart", "delivered_value_chart", "PART_COLOURS"]

# Okabe-Ito colours: cool colours for the value parts, warm ones and grey for the costs.
PART_COLOURS = {
    "product": SERIES[0],
    "services": SERIES[4],
    "personnel": SERIES[2],
    "image": SERIES[3],
    "money": SERIES[5],
    "time": SERIES[1],
    "energy": "#F0E442",
    "psychic": PALETTE["grey"],
}


def chart(result: dict | None = None) -> Figure:
    """The two offers of ``run(...)`` (default: the Lexus case), part by part."""
    result = run() if result is None else result
    return delivered_value_chart(result["table"])


def delivered_value_chart(table: list[dict]) -> Figure:
    """For each offer a value bar and a cost bar, stacked by part, with the delivered value.

    ``table`` is the result of ``relsell.models.delivered_value.compare_offers`` (records or
    a DataFrame).
    """
    offers = records(
        table,
        ("offer", *VALUE_PARTS, *COST_PARTS, "total_value", "total_cost", "delivered_value"),
        what="the table from compare_offers()",
    )
    fig, ax = new_figure(7.0, 4.4)
    rows: list[str] = []
    y: float = 0
    drawn: set[str] = set()
    widest = float(
        max(*(o["total_value"] for o in offers), *(o["total_cost"] for o in offers), 1.0)
    )
    for offer in offers:
        for kind, parts in (("value", VALUE_PARTS), ("cost", COST_PARTS)):
            left = 0.0
            for part in parts:
                amount = float(offer[part])
                if amount <= 0:
                    continue
                ax.barh(
                    y,
                    amount,
                    left=left,
                    color=PART_COLOURS[part],
                    edgecolor="white",
                    label=LABELS[part] if part not in drawn else None,
                )
                drawn.add(part)
                left += amount
            total = float(offer[f"total_{kind}"])
            ax.text(left + widest * 0.01, y, f"{total:g}", va="center", fontsize="small")
            rows.append(f"{offer['offer']}\ntotal {kind}")
            y += 1
        ax.text(
            widest * 1.08,
            y - 1.5,
            f"delivered value\n{float(offer['delivered_value']):g}",
            va="center",
            ha="left",
            fontweight="bold",
            color="#006b4f" if offer["delivered_value"] >= 0 else "#8a0000",
        )
        y += 0.5
    positions = [0, 1, 2.5, 3.5][: len(rows)]
    ax.set_yticks(positions, rows)
    ax.invert_yaxis()
    ax.set_xlim(0, widest * 1.35)
    ax.set_xlabel("thousand USD, as the buyer perceives them")
    ax.set_title("Delivered value = total customer value − total customer cost")
    ax.legend(
        frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, fontsize="small"
    )
    fig.tight_layout()
    return fig
