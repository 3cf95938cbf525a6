"""Charts for chapter 4's customer analytics: the ABC pyramid, RFM segments and CLV by tier.

Each chart is drawn from plain records, the result of ``relsell.models.customer_analytics``
(``analyse`` or ``run``), so the *same* drawing code serves the notebook (matplotlib, via
``abc_chart(result)`` on an ``Analysis`` of ``relsell.analytics``, converted by
:func:`records`) and the live page (the ``relsell.sketch`` stand-in in the browser, where
there is no numpy, pandas or matplotlib: nothing here imports them at module level). Each chart
has one axes and summarises all customers in a few bars or one curve, so it draws as fast for
100,000 customers as for 200 and stays readable on a phone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter, StrMethodFormatter

from ..models.customer_analytics import TIERS, VIEWS, clv_by_tier, pareto_curve
from .style import PALETTE, SERIES, new_figure

if TYPE_CHECKING:  # numpy and pandas only where an Analysis is converted (the notebook)
    from ..analytics import Analysis

__all__ = [
    "abc_chart",
    "rfm_chart",
    "clv_chart",
    "abc_figure",
    "rfm_figure",
    "clv_figure",
    "figure_for_live",
    "records",
]

_TIER_COLOURS = dict(zip(TIERS, SERIES[:4], strict=True))


# ---- from an Analysis (relsell.analytics) to the plain records the charts draw ---------------
def _check(result: object) -> Analysis:
    from ..analytics import Analysis

    if not isinstance(result, Analysis):
        raise TypeError(
            f"The chart needs the result of relsell.analytics.analyse(...); "
            f"got {type(result).__name__}."
        )
    return result


def _plain(value: Any) -> Any:
    """A pandas cell as plain data: NaN (a segment without customers) becomes None."""
    return None if isinstance(value, float) and math.isnan(value) else value


def records(result: Analysis, parts: tuple[str, ...] = ("abc", "rfm", "clv")) -> dict[str, Any]:
    """An ``Analysis`` as the plain data of ``customer_analytics.analyse`` (without the
    per-customer records): what the charts draw. ``parts`` limits the work to the charts
    needed ("abc", "rfm", "clv"); the tiers, segments and summary are always there."""
    from ..analytics import summary

    result = _check(result)
    tiers = result.abc_table().to_dict("records")
    segments = [
        {key: _plain(value) for key, value in row.items()}
        for row in result.segment_table().to_dict("records")
    ]
    data: dict[str, Any] = {
        "n_transactions": len(result.arrays.codes),
        "n_customers": result.arrays.n_customers,
        "cutoffs": list(result.cutoffs),
        "assumptions": result.assumptions.as_dict(),
        "tiers": tiers,
        "segments": segments,
        "summary": summary(result),
    }
    if "abc" in parts:
        counts = [int(row["customers"]) for row in tiers]
        data["pareto"] = pareto_curve(result.arrays.cents.tolist(), counts)
    if "clv" in parts:
        c = result.customers
        data["clv"] = {
            "tiers": clv_by_tier(
                c["abc_tier"].cat.codes.tolist(),
                c["clv_history"].tolist(),
                c["clv_future"].tolist(),
            ),
            "negative": int((c["clv"] < 0).sum()),
            "total": float(c["clv"].sum()),
            "mean": float(c["clv"].mean()),
        }
    return data


def abc_chart(result: Analysis) -> Figure:
    """The value pyramid and the Pareto curve with the cut-offs, of ``analyse(...)``."""
    return abc_figure(records(_check(result), ("abc",)))


def rfm_chart(result: Analysis) -> Figure:
    """Share of customers and of revenue in each RFM segment, of ``analyse(...)``."""
    return rfm_figure(records(_check(result), ("rfm",)))


def clv_chart(result: Analysis) -> Figure:
    """Average CLV per ABC tier, history and expected future, of ``analyse(...)``."""
    return clv_figure(records(_check(result), ("clv",)))


# ---- the charts, from plain records ----------------------------------------------------------
def _data(data: object, *keys: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping) or any(key not in data for key in keys):
        raise TypeError(
            "The chart needs the result of relsell.models.customer_analytics.analyse(...) or "
            f"run(); got {type(data).__name__}."
        )
    return data


def abc_figure(data: Mapping[str, Any]) -> Figure:
    """The Pareto curve (share of revenue against share of customers, largest buyers first)
    with each tier's stretch shaded and its cut-off read off the curve, and the value pyramid
    (customers per tier, high-end on top) in the corner under the curve, which is always
    empty: one axes, which the browser's chart stand-in draws as easily as matplotlib."""
    data = _data(data, "tiers", "pareto", "cutoffs")
    tiers = data["tiers"]
    x = list(data["pareto"]["customer_share"])
    y = list(data["pareto"]["revenue_share"])
    fig, ax = new_figure(7.0, 5.6)

    # Each tier's stretch of the curve, shaded in the tier's colour down to the axis; its
    # cut-off is read off the curve as a dashed line from the revenue axis to where it ends.
    n = sum(int(row["customers"]) for row in tiers) or 1
    done = 0
    for k, row in enumerate(tiers):
        start, done = done, done + int(row["customers"])
        lo, hi = start / n, done / n
        xs = [a for a in x if lo <= a <= hi]
        ys = [b for a, b in zip(x, y, strict=True) if lo <= a <= hi]
        colour = _TIER_COLOURS[row["tier"]]
        if len(xs) > 1:
            ax.fill_between(xs, ys, 0, color=colour, alpha=0.18, linewidth=0)
        if k < len(data["cutoffs"]):
            cut = data["cutoffs"][k]
            ax.plot([0, hi], [cut, cut], color=colour, linestyle="--", linewidth=1)
            ax.annotate(
                f"{row['tier']} up to {cut:.0%}",
                xy=(hi, cut),
                xytext=(5, -11),
                textcoords="offset points",
                ha="left",
                fontsize=9,
                color=PALETTE["grey"],
            )
    ax.plot(x, y, color=PALETTE["retained"], linewidth=2, label="cumulative revenue")
    top_two = tiers[0]["customer_share"] + tiers[1]["customer_share"]
    top_two_revenue = tiers[0]["revenue_share"] + tiers[1]["revenue_share"]
    ax.plot([top_two], [top_two_revenue], "o", color=PALETTE["grey"], markersize=5)

    # The pyramid: one centred bar per tier, width = share of customers, high-end on top.
    # Under a Pareto curve the lower right is always empty (the curve is above the diagonal).
    widest = max(max(float(row["customer_share"]) for row in tiers), 1e-9)
    centre, full, step = 0.37, 0.12, 0.08
    ax.text(centre, 0.34, "Value pyramid", ha="center", va="bottom", fontsize=9)
    for level, row in enumerate(tiers):
        at = 0.3 - step * level
        width = max(row["customer_share"] / widest, 0.03) * full
        ax.barh(at, width, left=centre - width / 2, height=0.06, zorder=3,
                color=_TIER_COLOURS[row["tier"]])  # fmt: skip
        ax.text(
            centre + full / 2 + 0.02,
            at,
            f"{row['tier']}: {row['customer_share']:.0%} of customers, "
            f"{row['revenue_share']:.0%} of revenue",
            va="center",
            ha="left",
            fontsize=9,
        )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("share of customers, largest buyers first")
    ax.set_ylabel("share of revenue")
    ax.set_title(f"Top {top_two:.0%} of customers bring {top_two_revenue:.0%} of revenue")
    fig.subplots_adjust(left=0.11, right=0.97, bottom=0.1, top=0.93)
    return fig


def rfm_figure(data: Mapping[str, Any]) -> Figure:
    """Share of customers and share of revenue in each RFM segment."""
    segments = _data(data, "segments")["segments"]
    fig, ax = new_figure(8.0, 4.2)
    y = list(range(len(segments)))[::-1]
    customers = [row["customer_share"] for row in segments]
    revenue = [row["revenue_share"] for row in segments]
    ax.barh([p + 0.2 for p in y], customers, height=0.4, color=SERIES[4], label="customers")
    ax.barh([p - 0.2 for p in y], revenue, height=0.4, color=SERIES[0], label="revenue")
    for position, row in zip(y, segments, strict=True):
        ax.text(row["customer_share"] + 0.005, position + 0.2, f"{row['customers']:,}",
                va="center", fontsize=8)  # fmt: skip
        ax.text(row["revenue_share"] + 0.005, position - 0.2, f"{row['revenue_share']:.0%}",
                va="center", fontsize=8)  # fmt: skip
    ax.set_yticks(y, [row["segment"] for row in segments])
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("share of all customers / of all revenue")
    ax.set_title("RFM segments: how many customers, how much revenue")
    ax.legend(frameon=False, loc="lower right")
    ax.set_xlim(0, max(*customers, *revenue) * 1.18 + 0.01)
    fig.subplots_adjust(left=0.2, right=0.97, bottom=0.13, top=0.9)
    return fig


def clv_figure(data: Mapping[str, Any]) -> Figure:
    """Average CLV per ABC tier, split into the past (history) and the expected future."""
    tiers = _data(data, "clv")["clv"]["tiers"]
    history = [row["mean_clv_history"] for row in tiers]
    future = [row["mean_clv_future"] for row in tiers]
    fig, ax = new_figure(8.0, 4.0)
    x = list(range(len(tiers)))
    ax.bar(x, history, color=SERIES[0], width=0.6, label="history (discounted)")
    ax.bar(x, future, bottom=history, color=SERIES[1], width=0.6, label="expected future")
    ax.axhline(0, color=PALETTE["grey"], linewidth=0.8)
    tops = [h + max(f, 0.0) for h, f in zip(history, future, strict=True)]
    top = max(tops) if max(tops) > 0 else 1.0
    lowest = min(0.0, *history, *(h + f for h, f in zip(history, future, strict=True)))
    for k, row in enumerate(tiers):
        ax.text(k, max(tops[k], 0.0) + top * 0.02,
                f"{row['mean_clv']:,.0f}\n{row['negative_share']:.0%} below 0",
                ha="center", fontsize=8)  # fmt: skip
    ax.set_xticks(x, [row["tier"] for row in tiers])
    ax.set_ylim(lowest * 1.15 if lowest < 0 else 0.0, top * 1.25)
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_ylabel("average CLV per customer")
    ax.set_title("CLV by ABC tier (labels: mean CLV, share of customers below 0)")
    ax.legend(frameon=False, loc="upper right")
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.1, top=0.9)
    return fig


_FIGURES = dict(zip(VIEWS, (abc_figure, rfm_figure, clv_figure), strict=True))


def figure_for_live(result: Mapping[str, Any]) -> Figure:
    """The chart of the view a ``customer_analytics.run(...)`` result asks for."""
    view = _data(result, "tiers").get("view", VIEWS[0])
    if view not in _FIGURES:
        raise ValueError(f"View must be one of {', '.join(VIEWS)}; got {view!r}.")
    return _FIGURES[view](result)
