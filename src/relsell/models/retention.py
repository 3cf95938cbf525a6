"""One sale or a relationship? The economics behind chapter 1.

Relationship selling replaces "the product" by "the customer's lifetime value" as the
thing a seller manages. This module makes that claim concrete with the smallest model
that shows it:

* a **transactional customer** is won (acquisition cost), buys for one year and is gone;
* a **retained customer** is won the same way, costs a yearly relationship budget
  (follow-up, database, visits), stays each further year with probability
  ``retention_rate``, and buys a little more each year as trust grows and price
  sensitivity falls (``margin_growth``).

Both profit streams are discounted, so the retained customer's cumulative value is the
CLV formula of chapter 4, ``V = sum_t (Q_t - C_t) (1 + i)^-t``, with expected
(probability-weighted) yearly profit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..checks import records
from ..params import Param, checked, settle

__all__ = [
    "PARAMS",
    "CustomerEconomics",
    "compare_customers",
    "break_even_year",
    "payback_year",
    "summary",
    "run",
]

_YUAN = "Enter an amount in yuan per order, 0 or more."

# Every assumption, declared once: its checks, the notebook controls and the page's controls
# come from here. Amounts are in yuan; the defaults are a small B2B account and are
# assumptions of the course, not figures from the sources.
PARAMS = (
    Param(
        "margin_per_order",
        "Margin per order",
        default=250.0,
        minimum=0,
        step=10,
        unit="yuan",
        hint=_YUAN,
    ),
    Param(
        "orders_per_year",
        "Orders per year",
        default=4.0,
        minimum=0,
        maximum=365,
        high=52,
        step=1,
        hint="Enter how many orders the customer places in a year (0 to 365).",
    ),
    Param(
        "retention_rate",
        "Retention rate",
        "share",
        default=0.8,
        step=0.01,
        percent=True,
        hint="It is the share of customers who stay for another year.",
    ),
    Param(
        "acquisition_cost",
        "Acquisition cost",
        default=2000.0,
        minimum=0,
        step=100,
        unit="yuan",
        hint="Enter what it costs to win the customer, in yuan, 0 or more.",
    ),
    Param(
        "relationship_cost",
        "Relationship cost per year",
        default=300.0,
        minimum=0,
        step=50,
        unit="yuan",
        hint="Enter the yearly cost of follow-up and contact, in yuan, 0 or more.",
    ),
    Param(
        "margin_growth",
        "Margin growth per year",
        default=0.05,
        minimum=-0.5,
        maximum=1.0,
        low=-0.2,
        high=0.3,
        step=0.01,
        percent=True,
        hint="Enter a yearly growth rate such as 0.05 for 5 %.",
    ),
    Param(
        "discount_rate",
        "Discount rate",
        default=0.08,
        minimum=0,
        maximum=1.0,
        high=0.3,
        step=0.01,
        percent=True,
        hint="Enter a yearly rate such as 0.08 for 8 %.",
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


@dataclass(frozen=True)
@checked(PARAMS)
class CustomerEconomics:
    """The assumptions of one comparison; every field is checked by its ``Param``."""

    margin_per_order: float = 250.0
    orders_per_year: float = 4.0
    retention_rate: float = 0.8
    acquisition_cost: float = 2000.0
    relationship_cost: float = 300.0
    margin_growth: float = 0.05
    discount_rate: float = 0.08
    years: int = 10

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _economics(economics: CustomerEconomics | None, overrides: dict) -> CustomerEconomics:
    return settle(CustomerEconomics, economics, overrides, "economics")


def compare_customers(economics: CustomerEconomics | None = None, **overrides: Any) -> list[dict]:
    """Year-by-year discounted profit of a one-off and of a retained customer, one record a year.

    Year 0 is the year the customer is won (undiscounted, as in the CLV formula). Keys:
    ``year``, ``survival`` (chance the retained customer is still buying),
    ``transactional_profit``, ``retained_profit`` (discounted, expected), and the two
    ``*_cumulative`` sums. Pass keyword arguments to change single assumptions, e.g.
    ``compare_customers(retention_rate=0.9)``; ``relsell.charts.frame`` shows it as a table.
    """
    e = _economics(economics, overrides)
    yearly_margin = e.margin_per_order * e.orders_per_year
    rows, one_off_total, kept_total = [], 0.0, 0.0
    for year in range(e.years + 1):
        survival = e.retention_rate**year
        grown = yearly_margin * (1.0 + e.margin_growth) ** year
        retained = (grown - e.relationship_cost) * survival * (1.0 + e.discount_rate) ** -year
        transactional = yearly_margin - e.acquisition_cost if year == 0 else 0.0
        if year == 0:
            retained -= e.acquisition_cost
        one_off_total += transactional
        kept_total += retained
        rows.append(
            {
                "year": year,
                "survival": survival,
                "transactional_profit": transactional,
                "retained_profit": retained,
                "transactional_cumulative": one_off_total,
                "retained_cumulative": kept_total,
            }
        )
    return rows


def _check_table(table: object) -> list[dict]:
    needed = ("year", "transactional_cumulative", "retained_cumulative")
    return records(table, needed, what="the table from compare_customers()")


def break_even_year(table: list[dict]) -> int | None:
    """First year in which the retained customer has earned at least as much as the one-off.

    ``None`` means the relationship never catches up within the horizon.
    """
    for row in _check_table(table):
        if row["retained_cumulative"] >= row["transactional_cumulative"] - 1e-9:
            return int(row["year"])
    return None


def payback_year(table: list[dict]) -> int | None:
    """First year in which the retained customer has repaid its acquisition cost."""
    for row in _check_table(table):
        if row["retained_cumulative"] >= -1e-9:
            return int(row["year"])
    return None


def _yuan(amount: float) -> str:
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,.0f} yuan"


def summary(table: list[dict]) -> str:
    """The comparison in one or two plain sentences, for the explorer and the exercise."""
    t = _check_table(table)
    horizon = int(t[-1]["year"])
    one_off = float(t[-1]["transactional_cumulative"])
    kept = float(t[-1]["retained_cumulative"])
    even = break_even_year(t)
    back = payback_year(t)
    if even is None:
        first = (
            f"Within {horizon} years the retained customer never catches up with the one-off "
            f"sale ({_yuan(kept)} against {_yuan(one_off)}): at these figures the relationship "
            "costs more than it brings."
        )
    elif even == 0:
        first = (
            "The retained customer is ahead from the first year, because the relationship "
            "costs nothing extra in year 0."
        )
    else:
        first = f"The retained customer overtakes the one-off sale in year {even}."
    second = (
        f" It repays its acquisition cost in year {back}"
        if back is not None
        else " It never repays its acquisition cost within the horizon"
    )
    return (
        f"{first}{second}; after {horizon} years it is worth {_yuan(kept)} in today's money, "
        f"against {_yuan(one_off)} for the one-off customer."
    )


def run(**values: Any) -> dict[str, Any]:
    """The model at these settings (``PARAMS`` names; the rest at their defaults), as plain data.

    The one entry point the notebook explorer and the live page share: ``table`` (the records
    of ``compare_customers``), ``break_even_year``, ``payback_year`` and ``summary``.
    """
    table = compare_customers(CustomerEconomics(**values))
    return {
        "table": table,
        "break_even_year": break_even_year(table),
        "payback_year": payback_year(table),
        "summary": summary(table),
    }
