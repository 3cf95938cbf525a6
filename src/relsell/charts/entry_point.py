"""Chart for chapter 7's entry-point advisor (``relsell.models.entry_point``)."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure

from ..models.entry_point import ROUTES, EntryAdvice, run
from .style import PALETTE, new_figure

__all__ = ["chart", "route_chart"]


def chart(result: dict | EntryAdvice | None = None) -> Figure:
    """The conditions of each route and the suggested one, for ``run(...)`` (default: run())."""
    return route_chart(run() if result is None else result)


def route_chart(advice: EntryAdvice | dict) -> Figure:
    """The conditions each route needs, met (filled dot) or not (cross); the advice highlighted.

    ``advice`` is ``advise(...)`` or ``run(...)``.
    """
    if isinstance(advice, EntryAdvice):
        advice = advice.as_dict()
    if not isinstance(advice, dict) or not {"route", "label", "conditions"} <= set(advice):
        raise TypeError(f"Expected the result of advise() or run(); got {type(advice).__name__}.")
    table = advice["conditions"]
    fig, ax = new_figure(8.0, 3.6)
    ax.spines[["left", "bottom"]].set_visible(False)
    conditions = [row["condition"] for row in table]
    for y, route in enumerate(ROUTES):
        if route == advice["route"]:
            ax.axhspan(y - 0.45, y + 0.45, color=PALETTE["accent"], alpha=0.15, zorder=0)
    for x, row in enumerate(table):
        y = ROUTES.index(row["route"])
        if row["met"]:
            ax.scatter(x, y, s=160, color=PALETTE["accent"], edgecolor="black", zorder=3)
        else:
            ax.scatter(x, y, s=160, marker="X", color=PALETTE["one_off"], zorder=3)
    ax.set_xticks(
        range(len(conditions)), [textwrap.fill(c, 16) for c in conditions], fontsize="small"
    )
    ax.set_yticks(range(len(ROUTES)), list(ROUTES))
    ax.set_ylim(len(ROUTES) - 0.5, -0.5)
    ax.set_xlim(-0.5, len(conditions) - 0.5)
    ax.tick_params(length=0)
    ax.set_title(
        f"Suggested entry: {advice['label']} (dot: condition met; cross: not met)",
        loc="left",
        fontsize="medium",
    )
    fig.tight_layout()
    return fig
