"""Charts for chapter 7's stakeholder map (``relsell.models.stakeholders``).

Names are drawn as typed when they use Latin letters; a name in Chinese characters is
replaced by "person N" (the course charts carry no CJK font), and the table beside the
chart still shows it.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from ..checks import records
from ..models.stakeholders import ROLES, STANCES, balance, run, stakeholder_map
from .style import PALETTE, new_figure

__all__ = ["STANCE_COLOURS", "chart", "stakeholder_chart", "pairs_chart", "chart_label"]

# Okabe-Ito: green for friends, sky blue for supporters, grey for neutrals, orange and
# vermillion for opposition.
STANCE_COLOURS = {
    "ally": "#009E73",
    "supporter": "#56B4E9",
    "neutral": "#999999",
    "opponent": "#E69F00",
    "enemy": "#D55E00",
}
_COLUMNS = list(reversed(STANCES))  # enemy on the left, ally on the right


def chart(result: dict | None = None) -> Figure:
    """The stakeholder map of ``run(...)`` (default: the Donghai case)."""
    result = run() if result is None else result
    return stakeholder_chart(result["people"])


def chart_label(name: str, index: int) -> str:
    """The name if the chart font can draw it, else "person N" (N counts from 1)."""
    return name if all(ord(ch) < 0x2E80 for ch in name) else f"person {index + 1}"


def stakeholder_chart(people: Any) -> Figure:
    """Role x stance map: one dot per person, sized by weighted influence, with the balance.

    ``people`` is a stakeholder table or map (records or a DataFrame), checked first.
    """
    m = stakeholder_map(people) if not _is_map(people) else people
    b = balance(m)
    fig, ax = new_figure(7.2, 4.8)
    ax.spines[["left", "bottom"]].set_visible(False)
    for x in range(len(_COLUMNS) + 1):
        ax.axvline(x - 0.5, color="#dddddd", linewidth=0.8, zorder=0)
    for y in range(len(ROLES) + 1):
        ax.axhline(y - 0.5, color="#dddddd", linewidth=0.8 if y != 1 else 1.6, zorder=0)
    cells: dict[tuple[int, int], int] = {}
    for i, row in enumerate(m):
        x = _COLUMNS.index(row["stance"])
        y = len(ROLES) - 1 - ROLES.index(row["role"])
        k = cells.get((x, y), 0)
        cells[(x, y)] = k + 1
        dy = 0.2 - 0.28 * (k % 2)
        dx = -0.22 + 0.22 * (k // 2 % 3)
        size = 80 + 60 * float(row["weight"])
        ax.scatter(
            x + dx,
            y + dy,
            s=size,
            color=STANCE_COLOURS[row["stance"]],
            edgecolor="black",
            linewidth=0.5,
            zorder=3,
        )
        ax.annotate(
            chart_label(str(row["name"]), i),
            (x + dx, y + dy),
            xytext=(0, -13),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize="small",
            zorder=4,
        )
    ax.set_xlim(-0.5, len(_COLUMNS) - 0.5)
    ax.set_ylim(-0.5, len(ROLES) - 0.5)
    ax.set_xticks(range(len(_COLUMNS)), _COLUMNS)
    ax.set_yticks(range(len(ROLES)), list(reversed(ROLES)))
    ax.tick_params(length=0)
    ax.xaxis.set_ticks_position("top")
    ax.set_xlabel(
        "dot size: influence x role weight; the sponsor stands apart, below the line",
        fontsize="small",
    )
    sign = "+" if b.net >= 0 else "−"
    ax.set_title(
        f"Support {b.support:.1f} against opposition {b.opposition:.1f}: "
        f"net {sign}{abs(b.net):.1f}",
        loc="left",
        pad=28,
    )
    fig.tight_layout()
    return fig


def _is_map(people: Any) -> bool:
    """Records already made by ``stakeholder_map`` (drawn as they are)."""
    return isinstance(people, list) and all(
        isinstance(p, dict) and {"weight", "score", "role", "stance"} <= set(p) for p in people
    )


def pairs_chart(table: Any) -> Figure:
    """Pairs of interests to coordinate, n(n - 1) / 2, for 1 to n good friends.

    ``table`` is ``pairs_table(...)`` (records, or the same as a DataFrame).
    """
    rows = records(table, ("allies", "pairs"), what="the table returned by pairs_table()")
    allies = [int(row["allies"]) for row in rows]
    pairs = [int(row["pairs"]) for row in rows]
    fig, ax = new_figure(7.0, 3.6)
    colours = [PALETTE["accent"] if n <= 2 else PALETTE["grey"] for n in allies]
    bars = ax.bar(allies, pairs, color=colours)
    ax.bar_label(bars, padding=2, fontsize="small")
    ax.set_xticks(allies)
    ax.set_xlabel("good friends inside the customer (n)")
    ax.set_ylabel("pairs of interests, n(n-1)/2")
    ax.set_title("One or two good friends: at most one pair of interests to reconcile")
    ax.set_ylim(0, max(1, max(pairs)) * 1.18)
    fig.tight_layout()
    return fig
