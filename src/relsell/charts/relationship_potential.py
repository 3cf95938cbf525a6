"""Radar chart for chapter 2's relationship-potential score (``models.relationship_potential``)."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from typing import cast

from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from ..models.relationship_potential import (
    CONDITIONS,
    MAX_SCORE,
    potential_index,
    run,
    score_table,
)
from .style import PALETTE, new_figure

__all__ = ["chart", "radar_chart"]


def chart(result: dict | None = None) -> Figure:
    """The radar of ``run(...)``'s result: the ratings, and the situation compared with if any."""
    result = run() if result is None else result
    return radar_chart(
        result["scores"],
        result["compare_scores"],
        label="your ratings",
        compare_label=result["compare"] or "",
    )


def radar_chart(
    scores: Mapping[str, float],
    compare: Mapping[str, float] | None = None,
    *,
    label: str = "this situation",
    compare_label: str = "comparison",
) -> Figure:
    """The fourteen ratings on a radar, numbered 1-14 in the source's order.

    ``compare`` draws a second situation (dashed) for contrast.
    """
    table = score_table(scores)
    other = score_table(compare) if compare is not None else None
    fig, flat = new_figure(7.0, 6.6)
    fig.delaxes(flat)
    # The stubs type add_subplot as plain Axes; projection="polar" returns PolarAxes.
    ax = cast(PolarAxes, fig.add_subplot(projection="polar"))
    n = len(CONDITIONS)
    angles = [2 * math.pi * k / n for k in range(n)]
    closed = [*angles, angles[0]]

    def draw(values, colour, style, text):
        data = [*values, values[0]]
        ax.plot(closed, data, color=colour, linestyle=style, linewidth=2, label=text)
        ax.fill(closed, data, color=colour, alpha=0.15)

    if compare is not None and other is not None:
        draw(
            [row["score"] for row in other],
            PALETTE["one_off"],
            "--",
            f"{compare_label} ({potential_index(compare):.0f}/100)",
        )
    draw(
        [row["score"] for row in table],
        PALETTE["retained"],
        "-",
        f"{label} ({potential_index(scores):.0f}/100)",
    )
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_xticks(angles)
    ax.set_xticklabels([])
    for i, (angle, (_, text, _)) in enumerate(zip(angles, CONDITIONS, strict=True), start=1):
        side = math.sin(angle)
        ax.text(
            angle,
            MAX_SCORE * 1.1,
            textwrap.fill(f"{i}. {text}", 18),
            ha="left" if side > 0.1 else "right" if side < -0.1 else "center",
            va="center",
            fontsize=8,
        )
    ax.set_ylim(0, MAX_SCORE)
    ax.set_yticks(range(1, MAX_SCORE + 1))
    ax.set_yticklabels([str(v) for v in range(1, MAX_SCORE + 1)], fontsize=7, color=PALETTE["grey"])
    ax.set_title("Relationship potential: the 14 conditions", pad=34)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=1)
    fig.tight_layout()
    return fig
