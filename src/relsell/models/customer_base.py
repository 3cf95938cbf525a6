"""Bring them back! What a few points of retention do to a customer base (chapter 2).

Chapter 2 tells how sellers turned to relationships: information systems let managers see
that a customer's value is what the firm loses when the customer defects, and that winning
new customers often only *replaces* the ones who left, "effort without profit". The 1990s
answered with the slogan "Bring them back!". This module puts numbers on both claims with
the smallest model that shows them:

* each year a share ``retention_rate`` of last year's customers stays, the rest defect;
* the firm wins ``new_customers_per_year`` new customers, each at ``acquisition_cost``;
* every customer served in a year brings ``margin_per_customer`` and costs ``service_cost``.

So customers follow ``N_t = r * N_(t-1) + A`` and settle at ``A / (1 - r)``; yearly profit is
``N_t * (margin - service) - A * acquisition_cost``. Profits are not discounted here, to keep
the picture simple; ``defection_cost`` discounts, like chapter 1's lifetime value.

All amounts are course assumptions for a small business, in yuan, not figures from the source.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from itertools import accumulate
from typing import Any

from ..checks import ModelInputError, fraction, number, records, whole_number
from ..params import Param, check_all, checked, defaults, settle

__all__ = [
    "PARAMS",
    "CustomerBase",
    "simulate",
    "compare_retention",
    "steady_state_customers",
    "average_lifetime_years",
    "replacement_share",
    "defection_cost",
    "summary",
    "run",
]

_YUAN = "Enter an amount in yuan per customer per year, 0 or more."
_MAX_CUSTOMERS = 10_000_000

# The assumptions of one customer base, declared once (checks, notebook controls, page controls).
_RETENTION = Param(
    "retention_rate",
    "Retention rate",
    "share",
    default=0.80,
    step=0.01,
    percent=True,
    hint="It is the share of last year's customers who stay this year.",
)
BASE_PARAMS = (
    Param(
        "starting_customers",
        "Starting customers",
        default=1000,
        minimum=0,
        maximum=_MAX_CUSTOMERS,
        high=5000,
        step=100,
        hint="Enter how many customers the firm has today, 0 or more.",
    ),
    Param(
        "new_customers_per_year",
        "New customers per year",
        default=200,
        minimum=0,
        maximum=_MAX_CUSTOMERS,
        high=1000,
        step=10,
        hint="Enter how many customers the firm wins each year, 0 or more.",
    ),
    _RETENTION,
    Param(
        "margin_per_customer",
        "Margin per customer",
        default=500.0,
        minimum=0,
        step=50,
        unit="yuan",
        hint=_YUAN,
    ),
    Param(
        "service_cost", "Service cost", default=100.0, minimum=0, step=10, unit="yuan", hint=_YUAN
    ),
    Param(
        "acquisition_cost",
        "Acquisition cost",
        default=1000.0,
        minimum=0,
        step=100,
        unit="yuan",
        hint="Enter what it costs to win one new customer, in yuan, 0 or more.",
    ),
    Param(
        "years",
        "Years",
        "whole",
        default=10,
        minimum=1,
        maximum=50,
        high=30,
        hint="Choose from 1 to 50 years.",
    ),
)
# The comparison's one extra setting: how many points better the twin firm retains.
_POINTS = Param(
    "points",
    "Retention improvement",
    default=0.05,
    minimum=-1,
    maximum=1,
    low=-0.2,
    high=0.2,
    step=0.01,
    percent=True,
    hint="Enter a change of the retention rate as a share, such as 0.05 for 5 points.",
)
# The explorer shows the two rates first: they are what the chapter is about.
PARAMS = (_RETENTION, _POINTS, *(p for p in BASE_PARAMS if p is not _RETENTION))


@dataclass(frozen=True)
@checked(BASE_PARAMS)
class CustomerBase:
    """The assumptions of one customer base; every field is checked by its ``Param``."""

    starting_customers: float = 1000
    new_customers_per_year: float = 200
    retention_rate: float = 0.80
    margin_per_customer: float = 500.0
    service_cost: float = 100.0
    acquisition_cost: float = 1000.0
    years: int = 10

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _base(base: CustomerBase | None, overrides: dict) -> CustomerBase:
    return settle(CustomerBase, base, overrides, "base")


def simulate(base: CustomerBase | None = None, **overrides: Any) -> list[dict]:
    """Year-by-year customers, defections and profit of one customer base, one record a year.

    Year 0 is today (the starting base, no flows yet). For each later year: ``lost`` (who
    defected), ``won`` (new customers), ``customers`` (served that year), ``profit`` and
    ``cumulative_profit`` (from year 1). Keyword arguments change single assumptions, e.g.
    ``simulate(retention_rate=0.85)``; ``relsell.charts.frame`` shows it as a table.
    """
    b = _base(base, overrides)
    unit_margin = b.margin_per_customer - b.service_cost
    rows = [
        {
            "year": 0,
            "lost": 0.0,
            "won": 0.0,
            "customers": float(b.starting_customers),
            "profit": 0.0,
        }
    ]
    for year in range(1, b.years + 1):
        before = rows[-1]["customers"]
        customers = b.retention_rate * before + b.new_customers_per_year
        won = float(b.new_customers_per_year)
        rows.append(
            {
                "year": year,
                "lost": (1 - b.retention_rate) * before,
                "won": won,
                "customers": customers,
                "profit": customers * unit_margin - won * b.acquisition_cost,
            }
        )
    for row, total in zip(rows, accumulate(row["profit"] for row in rows), strict=True):
        row["cumulative_profit"] = total
    return rows


def compare_retention(
    base: CustomerBase | None = None, points: float = 0.05, **overrides: Any
) -> list[dict]:
    """The same firm at its retention rate and at ``points`` higher, side by side.

    One record a year: ``year``, ``customers_base``, ``customers_better``, ``profit_base``,
    ``profit_better``, both ``cumulative_*``, and the two rates ``rate_base`` and
    ``rate_better`` (the same in every row, so the table says what it compares).
    """
    b = _base(base, overrides)
    step = _POINTS.check(points)
    better_rate = b.retention_rate + step
    if not 0 <= better_rate <= 1:
        raise ModelInputError(
            f"A retention rate of {b.retention_rate:g} plus {step:g} gives {better_rate:g}, "
            "outside 0 to 1. Choose a smaller improvement."
        )
    low = simulate(b)
    high = simulate(replace(b, retention_rate=better_rate))
    return [
        {
            "year": lo["year"],
            "customers_base": lo["customers"],
            "customers_better": hi["customers"],
            "profit_base": lo["profit"],
            "profit_better": hi["profit"],
            "cumulative_base": lo["cumulative_profit"],
            "cumulative_better": hi["cumulative_profit"],
            "rate_base": b.retention_rate,
            "rate_better": better_rate,
        }
        for lo, hi in zip(low, high, strict=True)
    ]


def steady_state_customers(new_customers_per_year: float, retention_rate: float) -> float:
    """Where the base settles, ``A / (1 - r)``; infinite when nobody ever leaves."""
    a = number("New customers per year", new_customers_per_year, minimum=0)
    r = fraction("Retention rate", retention_rate, hint="Enter a share such as 0.8.")
    return float("inf") if r == 1 else a / (1 - r)


def average_lifetime_years(retention_rate: float) -> float:
    """Average years a customer stays, ``1 / (1 - r)`` (counting the year they are won)."""
    r = fraction("Retention rate", retention_rate, hint="Enter a share such as 0.8.")
    return float("inf") if r == 1 else 1 / (1 - r)


def replacement_share(table: object) -> float:
    """Share of the customers won that only replaced customers who defected.

    1.0 is the treadmill of the source: every new customer fills the place of a lost one
    and the base does not grow.
    """
    t = records(
        table, ("year", "lost", "won", "customers", "profit"), what="the table from simulate()"
    )
    won = math.fsum(row["won"] for row in t)
    if won == 0:
        return 0.0
    return math.fsum(min(row["lost"], row["won"]) for row in t) / won


def defection_cost(
    margin_per_customer: float = 500.0,
    service_cost: float = 100.0,
    retention_rate: float = 0.80,
    discount_rate: float = 0.08,
    years: int = 10,
) -> float:
    """What the firm loses when one current customer defects: that customer's future value.

    The expected discounted profit the customer would still bring over ``years`` years,
    ``sum_{t=0}^{years-1} (margin - service) * r^t * (1 + i)^-t``. The source's shorthand
    "customer value = cost of customer defection" is read this way (Notes on the sources, ch. 2).
    """
    m = number("Margin per customer", margin_per_customer, minimum=0, hint=_YUAN)
    s = number("Service cost", service_cost, minimum=0, hint=_YUAN)
    r = fraction("Retention rate", retention_rate, hint="Enter a share such as 0.8.")
    i = number(
        "Discount rate",
        discount_rate,
        minimum=0,
        maximum=1,
        hint="Enter a yearly rate such as 0.08 for 8 %.",
    )
    n = whole_number("Years", years, minimum=1, maximum=50, hint="Choose from 1 to 50 years.")
    return math.fsum((m - s) * r**t * (1 + i) ** -t for t in range(n))


_COMPARISON = (
    "year",
    "customers_base",
    "customers_better",
    "profit_base",
    "profit_better",
    "rate_base",
    "rate_better",
)


def _yuan(amount: float) -> str:
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,.0f} yuan"


def summary(table: object) -> str:
    """The comparison in words: customers and profit in the last year, at both rates."""
    last = records(table, _COMPARISON, what="the table from compare_retention()")[-1]
    low, high = last["rate_base"], last["rate_better"]
    horizon = int(last["year"])
    p_low, p_high = float(last["profit_base"]), float(last["profit_better"])
    change = f" ({(p_high - p_low) / p_low:+.0%})" if p_low > 0 else ""
    return (
        f"In year {horizon}, a retention rate of {low:.0%} leaves {last['customers_base']:,.0f} "
        f"customers and a yearly profit of {_yuan(p_low)}; at {high:.0%} the firm has "
        f"{last['customers_better']:,.0f} customers and {_yuan(p_high)}{change}."
    )


def run(**values: Any) -> dict[str, Any]:
    """The model at these settings (``PARAMS`` names; the rest at their defaults), as plain data.

    ``table`` is ``compare_retention`` (the firm at ``retention_rate`` and ``points`` better),
    with the two rates ``rate_base`` and ``rate_better`` and the ``summary``.
    """
    v = check_all(PARAMS, {**defaults(PARAMS), **values})
    points = v.pop("points")
    table = compare_retention(CustomerBase(**v), points=points)
    return {
        "table": table,
        "rate_base": table[0]["rate_base"],
        "rate_better": table[0]["rate_better"],
        "summary": summary(table),
    }
