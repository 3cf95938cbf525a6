"""Chart for chapter 5's five-element visit-plan checker (``relsell.models.visit_plan``)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..models.visit_plan import ELEMENTS, _check_result, ready_count, run
from .style import new_figure

__all__ = ["chart", "plan_chart", "STATUS_COLOURS"]

# Okabe-Ito: green for ready, orange for vague, vermilion for missing; hatching repeats
# the message for readers who cannot tell the colours apart.
STATUS_COLOURS = {"ready": "#009E73", "vague": "#E69F00", "missing": "#D55E00"}
_HATCH = {"ready": "", "vague": "//", "missing": "xx"}


def chart(result: dict | None = None) -> Figure:
    """The check of ``run(...)`` (by default Lin Jie's draft plan), element by element."""
    result = run() if result is None else result
    check = result["table"] if isinstance(result, dict) and "table" in result else result
    return plan_chart(check)


def plan_chart(check: object) -> Figure:
    """One bar per element of a visit, coloured by its status in ``check_plan``."""
    t = _check_result(check)
    fig, ax = new_figure(7.0, 3.2)
    labels = {e["key"]: e["label"] for e in ELEMENTS}
    for row, item in enumerate(t):
        status = item["status"]
        ax.barh(
            row,
            1,
            color=STATUS_COLOURS[status],
            hatch=_HATCH[status],
            edgecolor="white",
        )
        note = status if status == "ready" else f"{status}: {item['advice']}"
        ax.text(
            0.015,
            row,
            note,
            va="center",
            color="black",
            fontsize="small",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 2},
        )
    ax.set_yticks(range(len(t)), [labels[item["element"]] for item in t])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xticks([])
    ax.spines[["bottom"]].set_visible(False)
    ax.set_title(f"Five elements of a visit: {ready_count(t)} of 5 ready")
    ax.legend(
        handles=[
            Patch(facecolor=c, hatch=_HATCH[s], edgecolor="white", label=s)
            for s, c in STATUS_COLOURS.items()
        ],
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.02),
        ncol=3,
    )
    fig.tight_layout()
    return fig
