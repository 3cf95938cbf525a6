"""Charts for chapter 4's customer analytics (``relsell.analytics``): ABC, RFM, CLV.

Each chart summarises all customers in a few bars or one curve, so it draws as fast for
100,000 customers as for 200 and stays readable on a phone.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter, StrMethodFormatter

from ..analytics import Analysis
from ..analytics.abc_analysis import TIERS
from .style import PALETTE, SERIES, new_figure

__all__ = ["abc_chart", "rfm_chart", "clv_chart"]

_TIER_COLOURS = dict(zip(TIERS, SERIES[:4], strict=True))


def _check(result: object) -> Analysis:
    if not isinstance(result, Analysis):
        raise TypeError(
            f"The chart needs the result of relsell.analytics.analyse(...); "
            f"got {type(result).__name__}."
        )
    return result


def abc_chart(result: Analysis) -> Figure:
    """The value pyramid (customers per tier) beside the Pareto curve with the cut-offs."""
    result = _check(result)
    table = result.abc_table()
    # Stacked, not side by side, so both panels stay readable on a phone.
    fig, ax = new_figure(7.0, 7.0)
    ax.remove()
    pyramid, curve = fig.subplots(2, 1, gridspec_kw={"height_ratios": [1, 1.25]})
    for axis in (pyramid, curve):
        axis.spines[["top", "right"]].set_visible(False)

    # Pyramid: one centred bar per tier, width = share of customers, high-end on top.
    levels = np.arange(len(TIERS))[::-1]
    widest = max(float(table["customer_share"].max()), 1e-9)
    for level, row in zip(levels, table.itertuples(), strict=True):
        width = max(row.customer_share / widest, 0.01)  # widest tier drawn 1 unit wide
        pyramid.barh(level, width, left=-width / 2, color=_TIER_COLOURS[row.tier], height=0.8)
        pyramid.text(
            0.58,
            level,
            f"{row.tier}: {row.customer_share:.0%} of customers, "
            f"{row.revenue_share:.0%} of revenue",
            va="center",
            ha="left",
            fontsize=10,
        )
    pyramid.set_xlim(-0.55, 2.6)
    pyramid.set_yticks([])
    pyramid.set_xticks([])
    pyramid.spines[["left", "bottom"]].set_visible(False)
    pyramid.set_title("Value pyramid: customers per tier", fontsize=11)

    # Pareto curve: cumulative revenue share against share of customers, largest first.
    cents = np.sort(result.arrays.cents)[::-1]
    total = cents.sum() or 1.0
    share = np.concatenate(([0.0], np.cumsum(cents) / total))
    x = np.linspace(0.0, 1.0, len(share))
    if len(share) > 400:  # the curve looks the same with 400 points and draws much faster
        keep = np.unique(np.linspace(0, len(share) - 1, 400).astype(int))
        x, share = x[keep], share[keep]
    curve.plot(x, share, color=PALETTE["retained"], linewidth=2, label="cumulative revenue")
    for cut, tier in zip(result.cutoffs, TIERS[:3], strict=True):
        curve.axhline(cut, color=_TIER_COLOURS[tier], linestyle="--", linewidth=1)
        curve.annotate(
            f"{tier} up to {cut:.0%}",
            xy=(1.0, cut),
            xytext=(-4, -11),
            textcoords="offset points",
            ha="right",
            fontsize=9,
            color=PALETTE["grey"],
        )
    top_two = table["customer_share"].iloc[:2].sum()
    top_two_revenue = table["revenue_share"].iloc[:2].sum()
    curve.axvline(top_two, color=PALETTE["grey"], linewidth=0.8)
    curve.set_xlim(0, 1)
    curve.set_ylim(0, 1.02)
    curve.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    curve.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    curve.set_xlabel("share of customers, largest buyers first")
    curve.set_ylabel("share of revenue")
    curve.set_title(
        f"Top {top_two:.0%} of customers bring {top_two_revenue:.0%} of revenue", fontsize=11
    )
    fig.subplots_adjust(left=0.12, right=0.96, bottom=0.08, top=0.95, hspace=0.3)
    return fig


def rfm_chart(result: Analysis) -> Figure:
    """Share of customers and share of revenue in each RFM segment."""
    result = _check(result)
    table = result.segment_table()
    fig, ax = new_figure(8.0, 4.2)
    y = np.arange(len(table))[::-1]
    ax.barh(y + 0.2, table["customer_share"], height=0.4, color=SERIES[4], label="customers")
    ax.barh(y - 0.2, table["revenue_share"], height=0.4, color=SERIES[0], label="revenue")
    for position, row in zip(y, table.itertuples(), strict=True):
        ax.text(row.customer_share + 0.005, position + 0.2, f"{row.customers:,}",
                va="center", fontsize=8)  # fmt: skip
        ax.text(row.revenue_share + 0.005, position - 0.2, f"{row.revenue_share:.0%}",
                va="center", fontsize=8)  # fmt: skip
    ax.set_yticks(y, table["segment"])
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("share of all customers / of all revenue")
    ax.set_title("RFM segments: how many customers, how much revenue")
    ax.legend(frameon=False, loc="lower right")
    ax.set_xlim(0, max(table["customer_share"].max(), table["revenue_share"].max()) * 1.18 + 0.01)
    fig.subplots_adjust(left=0.2, right=0.97, bottom=0.13, top=0.9)
    return fig


def clv_chart(result: Analysis) -> Figure:
    """Average CLV per ABC tier, split into the past (history) and the expected future."""
    result = _check(result)
    c = result.customers
    grouped = c.groupby("abc_tier", observed=False)[["clv_history", "clv_future", "clv"]].mean()
    grouped = grouped.reindex(list(TIERS)).fillna(0.0)
    negative = (
        (c["clv"] < 0).groupby(c["abc_tier"], observed=False).mean().reindex(list(TIERS))
    ).fillna(0.0)
    fig, ax = new_figure(8.0, 4.0)
    x = np.arange(len(TIERS))
    history, future = grouped["clv_history"].to_numpy(), grouped["clv_future"].to_numpy()
    ax.bar(x, history, color=SERIES[0], width=0.6, label="history (discounted)")
    ax.bar(x, future, bottom=history, color=SERIES[1], width=0.6, label="expected future")
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    top = float(np.max(history + np.maximum(future, 0))) or 1.0
    for k, tier in enumerate(TIERS):
        ax.text(k, max(history[k] + max(future[k], 0), 0) + top * 0.02,
                f"{grouped['clv'].iloc[k]:,.0f}\n{negative.get(tier, 0):.0%} below 0",
                ha="center", fontsize=8)  # fmt: skip
    ax.set_xticks(x, TIERS)
    ax.set_ylim(top=top * 1.25)
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_ylabel("average CLV per customer")
    ax.set_title("CLV by ABC tier (labels: mean CLV, share of customers below 0)")
    ax.legend(frameon=False, loc="upper right")
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.1, top=0.9)
    return fig
