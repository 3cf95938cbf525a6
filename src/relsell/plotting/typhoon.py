"""Chart for chapter 5's typhoon decision model (``relsell.typhoon``)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter, StrMethodFormatter

from ..typhoon import OTHER_CUSTOMER_LOSS, decide, decision_curve
from .style import PALETTE, SERIES, new_figure

__all__ = ["typhoon_chart"]


def typhoon_chart(
    probability: float,
    moving_cost: float,
    goods_value: float,
    loss_share: float = 1.0,
    show_other_customer: bool = True,
) -> Figure:
    """Expected uninsured loss against the flood chance, with the moving cost as a flat line.

    Where the loss line crosses the cost line is the break-even chance p*; the marker is
    the chosen chance. A dashed line shows the other customer's cement (more than 1 million)
    under the same moving cost, as a second scenario.
    """
    result = decide(probability, moving_cost, goods_value, loss_share)
    top = max(0.05, min(1.0, result["probability"] * 1.25), min(1.0, result["break_even"] * 2.5))
    grid = [i * top / 200 for i in range(201)]
    curve = decision_curve(moving_cost, goods_value, loss_share, grid)
    fig, ax = new_figure(7.0, 4.2)
    ax.plot(
        curve["probability"],
        curve["expected_loss"],
        color=PALETTE["retained"],
        label=f"expected loss if the goods stay (goods worth {goods_value:,.0f})",
    )
    if show_other_customer:
        other = decision_curve(moving_cost, OTHER_CUSTOMER_LOSS, 1.0, grid)
        ax.plot(
            other["probability"],
            other["expected_loss"],
            color=SERIES[1],
            linestyle="--",
            label=f"other customer's cement (worth {OTHER_CUSTOMER_LOSS:,.0f})",
        )
    ax.axhline(
        result["moving_cost"],
        color=PALETTE["one_off"],
        linewidth=2,
        label=f"cost of moving ({result['moving_cost']:,.0f})",
    )
    be = result["break_even"]
    if be <= top:
        ax.axvline(be, color=PALETTE["grey"], linestyle=":", linewidth=1)
        ax.annotate(
            f"break-even p* = {be:.1%}",
            xy=(be, 1),
            xytext=(-4, -14),
            ha="right",
            xycoords=("data", "axes fraction"),
            textcoords="offset points",
            color=PALETTE["grey"],
        )
    ax.plot(
        [result["probability"]],
        [result["expected_loss"]],
        marker="o",
        markersize=8,
        color=PALETTE["accent"],
        linestyle="none",
        label=f"chosen chance {result['probability']:.1%}: {result['decision']}",
    )
    ax.set_xlim(0, top)
    ymax = max(result["moving_cost"] * 3, float(curve["expected_loss"].max()) * 0.5, 1.0)
    ax.set_ylim(0, ymax)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0 if top >= 0.05 else 1))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlabel("chance that the storm floods the warehouse")
    ax.set_ylabel("amount (currency unstated)")
    ax.set_title("Move the goods or gamble?")
    ax.legend(frameon=False, loc="lower right", fontsize="small")
    fig.tight_layout()
    return fig
