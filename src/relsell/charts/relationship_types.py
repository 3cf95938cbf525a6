"""Chart for chapter 6's relationship-type grid (``relsell.models.relationship_types``)."""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..models.relationship_types import run
from .style import PALETTE, SERIES, new_figure

__all__ = ["chart"]

# (friendship, business) -> cell position (column, row) and colour.
_CELLS = {
    "outsider": (0, 0, SERIES[4]),
    "friend": (1, 0, SERIES[2]),
    "supplier": (0, 1, SERIES[1]),
    "partner": (1, 1, SERIES[0]),
}


def chart(result: dict[str, Any] | None = None) -> Figure:
    """The 2 x 2 grid of friendship x business with the account's cell highlighted.

    ``result`` is ``run(...)`` or ``assess(...)`` (by default the A/B case); the marked cell
    shows its tie level and relationship-marketing level, and an arrow points to partner
    when the account is not there yet.
    """
    assessment = run() if result is None else result
    if not isinstance(assessment, dict) or "tie_level" not in assessment:
        raise TypeError("Expected the dictionary returned by run() or assess().")
    fig, ax = new_figure(6.2, 4.6)
    kind = assessment["type"]
    for name, (col, row, colour) in _CELLS.items():
        chosen = name == kind
        ax.add_patch(
            Rectangle(
                (col, row),
                1,
                1,
                facecolor=colour,
                alpha=0.6 if chosen else 0.15,
                edgecolor=PALETTE["grey"] if not chosen else "black",
                linewidth=3 if chosen else 1,
            )
        )
        ax.text(
            col + 0.5,
            row + 0.72,
            name,
            ha="center",
            va="center",
            fontsize="x-large",
            fontweight="bold",
            color="black",
        )
    col, row, _ = _CELLS[kind]
    rm = assessment["rm_level"]
    lines = [
        f"{assessment['tie_level']} level" if assessment["tie_level"] != "none" else "no tie yet",
        f"RM level {rm}" if rm is not None else "no business",
        f"{assessment['contacts']} contact(s), {assessment['organisational_ties']} tie(s)",
    ]
    ax.text(col + 0.5, row + 0.35, "\n".join(lines), ha="center", va="center", color="black")
    if kind != "partner":
        ax.annotate(
            "",
            xy=(1.5, 1.5),
            xytext=(col + 0.5, row + 0.5),
            arrowprops={
                "arrowstyle": "->",
                "color": "black",
                "linewidth": 1.5,
                "shrinkA": 40,
                "shrinkB": 40,
            },
        )
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    ax.set_xticks([0.5, 1.5], ["no personal friendship", "personal friendship"])
    ax.set_yticks([0.5, 1.5], ["no business", "business"])
    ax.tick_params(length=0)
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.set_title(
        f"This account is a {kind}" if kind != "outsider" else "This account is an outsider"
    )
    fig.tight_layout()
    return fig
