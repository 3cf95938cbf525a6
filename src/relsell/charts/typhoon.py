"""Chart for chapter 6's typhoon decision model (``relsell.models.typhoon``)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter, StrMethodFormatter

from ..checks import number
from ..models.typhoon import CHANCE_AXIS_MAX, OTHER_CUSTOMER_LOSS_RANGE, run
from .style import PALETTE, SERIES, new_figure

__all__ = ["chart"]


def _money(low: float, high: float) -> str:
    return f"{low:,.0f}" if low == high else f"{low:,.0f}–{high:,.0f}"


def chart(
    result: dict | None = None,
    *,
    show_other_customer: bool = True,
    max_chance: float = CHANCE_AXIS_MAX,
) -> Figure:
    """Expected uninsured loss against the flood chance, with the moving cost and p*'s BAND.

    ``result`` is ``run(...)`` or ``decide_band(...)``; by default the case at the base rate.
    Cost and value are ranges (the source's "more than" figures), so the expected loss is a
    band, the moving cost is a band, and the break-even chance p* is a shaded band between
    lowest cost / highest value and highest cost / lowest value. A single amount (a range of
    width 0) draws a line instead. The x axis runs at least to ``max_chance`` (the explorer's
    chance control ends there too, so the axis always shows its whole range) and further if
    the chosen chance or the band lies beyond it. The marker is the chosen chance; dashed
    lines show the other customer's cement (more than 1 million).
    """
    result = run() if result is None else result
    if not isinstance(result, dict) or "break_even_low" not in result:
        raise TypeError("Expected the dictionary returned by run() or decide_band().")
    axis_max = number("Axis maximum", max_chance, minimum=0.001, maximum=1.0)
    p, share = result["probability"], result["loss_share"]
    (c_low, c_high), (v_low, v_high) = result["moving_cost"], result["goods_value"]
    low, high = result["break_even_low"], result["break_even_high"]
    top = max(axis_max, min(1.0, p * 1.25), min(1.0, high * 1.25))
    grid = [top * k / 200 for k in range(201)]

    fig, ax = new_figure(7.0, 5.4)
    blue = PALETTE["retained"]
    label = f"expected loss if the goods stay (goods worth {_money(v_low, v_high)})"
    if v_low == v_high:
        ax.plot(grid, [g * v_low * share for g in grid], color=blue, linewidth=1.5, label=label)
    else:
        ax.fill_between(
            grid,
            [g * v_low * share for g in grid],
            [g * v_high * share for g in grid],
            color=blue,
            alpha=0.35,
            linewidth=0,
            label=label,
        )
        for value in (v_low, v_high):
            ax.plot(grid, [g * value * share for g in grid], color=blue, linewidth=1.2)
    if show_other_customer:
        o_low, o_high = OTHER_CUSTOMER_LOSS_RANGE
        label = f"other customer's cement (worth {_money(o_low, o_high)})"
        for value in (o_low, o_high):
            ax.plot(
                grid,
                [g * value for g in grid],
                color=SERIES[1],
                linestyle="--",
                linewidth=1.2,
                label=label,
            )
            label = "_nolegend_"
    red = PALETTE["one_off"]
    if c_low == c_high:
        ax.axhline(c_low, color=red, linewidth=2, label=f"cost of moving ({_money(c_low, c_high)})")
    else:
        ax.axhspan(
            c_low,
            c_high,
            color=red,
            alpha=0.30,
            linewidth=0,
            label=f"cost of moving ({_money(c_low, c_high)})",
        )
        for cost in (c_low, c_high):
            ax.axhline(cost, color=red, linewidth=1.2)
    grey = PALETTE["grey"]
    if low <= top:
        if low == high:
            ax.axvline(low, color=grey, linestyle=":", linewidth=1)
            text = f"break-even p* = {low:.1%}"
        else:
            ax.axvspan(low, min(high, top), color=grey, alpha=0.18, linewidth=0)
            text = f"break-even band: p* between {low:.1%} and {high:.1%}"
        ax.annotate(
            text,
            xy=(high if high <= top else low, 1),
            xytext=(4, -14),
            ha="left",
            xycoords=("data", "axes fraction"),
            textcoords="offset points",
            color=grey,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.5},
        )
    e_low, e_high = result["expected_loss"]
    verdict = {
        "move": "move",
        "stay": "stay",
        "depends": "depends on the exact amounts",
        "either": "either",
    }[result["decision"]]
    ax.plot(
        [p, p],
        [e_low, e_high],
        marker="o",
        markersize=6,
        linewidth=2.5,
        color=PALETTE["accent"],
        label=f"chosen chance {p:.1%}: {verdict}",
    )
    ax.set_xlim(0, top)
    ax.set_ylim(0, max(c_high * 3, e_high * 1.2, 1.0))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0 if top >= 0.05 else 1))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel("chance that the storm floods the warehouse")
    ax.set_ylabel("amount (currency unstated)")
    ax.set_title(
        "Move the goods or gamble?" + (" The break-even chance is a band" if low != high else "")
    )
    ax.legend(
        frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=1, fontsize="small"
    )
    fig.tight_layout()
    return fig
