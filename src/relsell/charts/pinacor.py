"""Chart for chapter 1's Pinacor sales-force structure model (``relsell.models.pinacor``)."""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.figure import Figure

from ..checks import records
from ..models.pinacor import run
from .style import SERIES, new_figure

__all__ = ["chart", "structure_chart"]


def chart(result: dict | None = None) -> Figure:
    """The structure chart of ``run(...)``'s result (by default, the case's defaults)."""
    result = run() if result is None else result
    return structure_chart(result["detail"])


def structure_chart(detail: Mapping[str, object]) -> Figure:
    """Learning hours per customer type, stacked, for each sales-force structure.

    ``detail`` maps a structure name ("territory", "segment") to the records of
    ``relsell.models.pinacor.learning_hours`` (``detail_by_structure()`` gives both).
    """
    tables = {
        name: records(table, ("customer_type", "accounts", "hours"), what="learning_hours()")
        for name, table in detail.items()
    }
    fig, ax = new_figure(7.0, 3.9)
    colours = SERIES
    names = list(tables)
    colour_of: dict[str, str] = {}
    for row, name in enumerate(names):
        left = 0.0
        for item in tables[name]:
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
    totals = {sum(int(item["accounts"]) for item in table) for table in tables.values()}
    ax.set_title(
        f"Same {totals.pop()} accounts, different focus"
        if len(totals) == 1
        else "Accounts and learning hours by structure"
    )
    ax.legend(
        frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, fontsize="small"
    )
    ax.set_xlim(0, max(sum(item["hours"] for item in t) for t in tables.values()) * 1.18)
    fig.tight_layout()
    return fig
