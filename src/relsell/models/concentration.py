"""One customer, most of the business: what company A risks in chapter 6's opening case.

A makes ready-mixed concrete and gets 70 % of its business from B, the largest local
construction contractor, whose boss was a university classmate of A's chairman. B keeps
sending ultimatums ("the owner's price is low: take it, or another producer will"), and the
whole industry pays late, so A finances its customers' arrears. This module asks what A
stands to lose, per 100 of today's revenue, if B halves its orders, leaves, or keeps
squeezing the price.

The case gives only the 70 %. Everything else is a course assumption, stated here once:

* ``contribution_margin`` 0.25: of each 100 of sales, 25 is left after materials, fuel and
  transport (the costs that stop when an order stops);
* ``fixed_costs`` 15 per 100 of today's revenue: plant, mixer trucks, staff, which stay
  when a customer goes;
* ``payment_delay_months`` 6 and ``interest_rate`` 0.06: customers pay half a year late and
  A borrows at 6 % a year to bridge the gap (the "arrears interest" of the case);
* ``price_cut`` 0.05 per ultimatum, volume unchanged, and 3 ultimatums.

Why the numbers matter: a lost order stops its contribution but not the fixed costs, so a
supplier can afford to lose a small customer but not one that brings most of its revenue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..checks import records
from ..params import Param, check_all, checked, settle
from ._case import fact

__all__ = [
    "PARAMS",
    "SHARE_FROM_B",
    "SupplierEconomics",
    "scenario_table",
    "b_order_margin",
    "ultimatums_to_loss",
    "max_safe_share",
    "summary",
    "run",
]

SHARE_FROM_B = float(fact("ab_concrete", "share_from_b"))
REVENUE = 100.0  # everything is per 100 of A's revenue today
MAX_ULTIMATUMS = 50

# A's situation, declared once. Only share_from_b is a case figure (70 %); the others are
# course assumptions for a concrete producer, so students can see how the risk depends on them.
PARAMS = (
    Param(
        "share_from_b",
        "Share of revenue from B",
        "share",
        default=SHARE_FROM_B,
        step=0.01,
        percent=True,
        hint="It is the part of A's business that B gives, e.g. 0.7 for 70 %.",
    ),
    Param(
        "contribution_margin",
        "Contribution margin",
        "share",
        default=0.25,
        step=0.01,
        percent=True,
        hint="It is the share of each sale left after materials and transport, e.g. 0.25.",
    ),
    Param(
        "fixed_costs",
        "Fixed costs",
        default=15.0,
        minimum=0,
        maximum=100,
        step=1,
        unit="per 100 of revenue",
        hint="Enter the plant, truck and staff costs per 100 of today's revenue (0 to 100).",
    ),
    Param(
        "payment_delay_months",
        "Payment delay",
        default=6.0,
        minimum=0,
        maximum=60,
        step=1,
        unit="months",
        hint="Enter how many months customers pay late (0 to 60).",
    ),
    Param(
        "interest_rate",
        "Interest rate",
        "share",
        default=0.06,
        high=0.3,
        step=0.01,
        percent=True,
        hint="It is the yearly rate A pays to finance its customers' arrears, e.g. 0.06 for 6 %.",
    ),
    Param(
        "price_cut",
        "Price cut per ultimatum",
        "share",
        default=0.05,
        high=0.3,
        step=0.01,
        percent=True,
        allow_one=False,
        hint="It is the share by which each ultimatum lowers B's price, e.g. 0.05.",
    ),
    Param(
        "ultimatums",
        "Number of ultimatums",
        "whole",
        default=3,
        minimum=0,
        maximum=MAX_ULTIMATUMS,
        high=10,
        hint=f"Enter how many times B forces a lower price (0 to {MAX_ULTIMATUMS}).",
    ),
)


@dataclass(frozen=True)
@checked(PARAMS)
class SupplierEconomics:
    """A's situation; every field is checked by its ``Param`` when it is created."""

    share_from_b: float = SHARE_FROM_B
    contribution_margin: float = 0.25
    fixed_costs: float = 15.0
    payment_delay_months: float = 6.0
    interest_rate: float = 0.06
    price_cut: float = 0.05
    ultimatums: int = 3

    @property
    def arrears_rate(self) -> float:
        """Interest on late payment as a share of each sale: delay in years times the rate."""
        return self.payment_delay_months / 12 * self.interest_rate


def _economics(economics: SupplierEconomics | None, overrides: dict) -> SupplierEconomics:
    return settle(SupplierEconomics, economics, overrides, "economics")


def _row(label: str, e: SupplierEconomics, b_volume: float, b_price: float) -> dict:
    """Profit per 100 of today's revenue when B buys ``b_volume`` of today's volume at
    ``b_price`` times today's price (other customers unchanged)."""
    other = REVENUE * (1 - e.share_from_b)
    b_today = REVENUE * e.share_from_b * b_volume
    b_revenue = b_today * b_price
    variable = (other + b_today) * (1 - e.contribution_margin)
    revenue = other + b_revenue
    interest = revenue * e.arrears_rate
    profit = revenue - variable - e.fixed_costs - interest
    return {
        "scenario": label,
        "revenue": revenue,
        "revenue_from_b": b_revenue,
        "arrears_interest": interest,
        "profit": profit,
    }


def scenario_table(economics: SupplierEconomics | None = None, **overrides: Any) -> list[dict]:
    """A's revenue and profit, per 100 of today's revenue, in four scenarios: one record each.

    Scenarios: ``today``; ``B halves its orders``; ``B leaves``; ``after N ultimatums`` (B
    stays, but each ultimatum cuts its price by ``price_cut``). Keys: ``scenario``,
    ``revenue``, ``revenue_from_b``, ``arrears_interest``, ``profit`` and ``profit_change``
    (against today). Keyword arguments change single assumptions, e.g. ``share_from_b=0.3``;
    ``relsell.charts.frame`` shows it as a table.
    """
    e = _economics(economics, overrides)
    price_after = (1 - e.price_cut) ** e.ultimatums
    rows = [
        _row("today", e, 1.0, 1.0),
        _row("B halves its orders", e, 0.5, 1.0),
        _row("B leaves", e, 0.0, 1.0),
        _row(
            f"after {e.ultimatums} ultimatum{'' if e.ultimatums == 1 else 's'}",
            e,
            1.0,
            price_after,
        ),
    ]
    for row in rows:
        row["profit_change"] = row["profit"] - rows[0]["profit"]
    return rows


def b_order_margin(
    ultimatums: int = 0, economics: SupplierEconomics | None = None, **overrides: Any
) -> float:
    """What each 100 of B's business leaves A after materials and arrears interest.

    Fixed costs are left out on purpose: this is the contribution an order makes, the number
    A weighs when it decides to "grit its teeth" and accept a price that "earns nothing".
    """
    e = _economics(economics, {**overrides, "ultimatums": ultimatums})
    price = (1 - e.price_cut) ** e.ultimatums
    return 100 * (price * (1 - e.arrears_rate) - (1 - e.contribution_margin)) / price


def ultimatums_to_loss(economics: SupplierEconomics | None = None, **overrides: Any) -> int | None:
    """After how many ultimatums B's orders no longer cover their own materials and interest.

    ``None`` if the price is never cut (``price_cut`` 0) and the orders stay profitable, and
    0 if they already lose money today.
    """
    e = _economics(economics, overrides)
    if b_order_margin(0, e) <= 0:
        return 0
    if e.price_cut == 0:
        return None
    # price * (1 - arrears) <= 1 - margin  <=>  k >= log(ratio) / log(1 - cut)
    ratio = (1 - e.contribution_margin) / (1 - e.arrears_rate)
    if ratio <= 0:
        return None
    k = math.ceil(math.log(ratio) / math.log(1 - e.price_cut) - 1e-12)
    return max(k, 0)


def max_safe_share(economics: SupplierEconomics | None = None, **overrides: Any) -> float:
    """The largest share one customer may bring so that losing it still leaves a profit.

    Losing the customer leaves ``100 * (1 - s)`` of revenue, each 100 of which earns the
    contribution margin minus arrears interest; the fixed costs stay. Returns 0 if A makes
    a loss even today (no customer can be lost safely).
    """
    e = _economics(economics, overrides)
    earning = REVENUE * (e.contribution_margin - e.arrears_rate)
    if earning <= 0 or e.fixed_costs >= earning:
        return 0.0
    return 1 - e.fixed_costs / earning


def _check_table(table: object) -> dict[str, dict]:
    """The scenario table by scenario name; any other table is refused with a reason."""
    needed = ("scenario", "revenue", "revenue_from_b", "profit")
    rows = records(table, needed, what="the table returned by scenario_table()")
    names = [row["scenario"] for row in rows]
    if names[:3] != ["today", "B halves its orders", "B leaves"] or len(names) != 4:
        raise TypeError(
            "Expected the table returned by scenario_table(), with its four scenarios in order "
            f"(today, B halves its orders, B leaves, after N ultimatums); got {names}."
        )
    return {row["scenario"]: row for row in rows}


def summary(table: list[dict]) -> str:
    """The scenario table in words: today's profit and what each blow does to it."""
    t = _check_table(table)
    today = t["today"]
    share = today["revenue_from_b"] / today["revenue"]
    ultimatum_label = list(t)[3]

    def verdict(label: str) -> str:
        p = t[label]["profit"]
        if p < -0.05:
            return f"{label}: a loss of {-p:.1f}"
        if p > 0.05:
            return f"{label}: a profit of {p:.1f}"
        return f"{label}: break-even"

    profit_today = today["profit"]
    state_today = f"earns {profit_today:.1f}" if profit_today >= 0 else f"loses {-profit_today:.1f}"
    if profit_today < -0.05:
        ending = " A is in the red even with B; losing B makes it worse."
    elif t["B leaves"]["profit"] < -0.05:
        ending = " Losing this one customer would put A in the red."
    else:
        ending = " A would survive losing B."
    return (
        f"With {share:.0%} of its revenue from B, A {state_today} per 100 of revenue today. "
        f"{verdict('B halves its orders')}; {verdict('B leaves')}; "
        f"{verdict(ultimatum_label)}." + ending
    )


def run(**values: Any) -> dict[str, Any]:
    """The model at these settings (``PARAMS`` names; the rest at their defaults), as plain data.

    The entry point the explorer and the live page share: ``table`` (the records of
    ``scenario_table``), ``ultimatums_to_loss``, ``max_safe_share`` and ``summary``.
    """
    e = SupplierEconomics(**check_all(PARAMS, values))
    table = scenario_table(e)
    return {
        "table": table,
        "ultimatums_to_loss": ultimatums_to_loss(e),
        "max_safe_share": max_safe_share(e),
        "summary": summary(table),
    }
