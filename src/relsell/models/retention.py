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

import numpy as np
import pandas as pd

from ..checks import fraction, number, whole_number

__all__ = ["CustomerEconomics", "compare_customers", "break_even_year", "payback_year", "summary"]

_YUAN = "Enter an amount in yuan per order, 0 or more."


@dataclass(frozen=True)
class CustomerEconomics:
    """The assumptions of one comparison; every field is checked when it is created.

    Amounts are in yuan; the defaults are a small B2B account and are assumptions of
    the course, not figures from the sources.
    """

    margin_per_order: float = 250.0
    orders_per_year: float = 4.0
    retention_rate: float = 0.8
    acquisition_cost: float = 2000.0
    relationship_cost: float = 300.0
    margin_growth: float = 0.05
    discount_rate: float = 0.08
    years: int = 10

    def __post_init__(self) -> None:
        checked = {
            "margin_per_order": number(
                "Margin per order", self.margin_per_order, minimum=0, hint=_YUAN
            ),
            "orders_per_year": number(
                "Orders per year",
                self.orders_per_year,
                minimum=0,
                maximum=365,
                hint="Enter how many orders the customer places in a year (0 to 365).",
            ),
            "retention_rate": fraction(
                "Retention rate",
                self.retention_rate,
                hint="It is the share of customers who stay for another year.",
            ),
            "acquisition_cost": number(
                "Acquisition cost",
                self.acquisition_cost,
                minimum=0,
                hint="Enter what it costs to win the customer, in yuan, 0 or more.",
            ),
            "relationship_cost": number(
                "Relationship cost per year",
                self.relationship_cost,
                minimum=0,
                hint="Enter the yearly cost of follow-up and contact, in yuan, 0 or more.",
            ),
            "margin_growth": number(
                "Margin growth per year",
                self.margin_growth,
                minimum=-0.5,
                maximum=1.0,
                hint="Enter a yearly growth rate such as 0.05 for 5 %.",
            ),
            "discount_rate": number(
                "Discount rate",
                self.discount_rate,
                minimum=0,
                maximum=1.0,
                hint="Enter a yearly rate such as 0.08 for 8 %.",
            ),
            "years": whole_number(
                "Years", self.years, minimum=1, maximum=50, hint="Choose from 1 to 50 years."
            ),
        }
        for key, value in checked.items():
            object.__setattr__(self, key, value)

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _economics(economics: CustomerEconomics | None, overrides: dict) -> CustomerEconomics:
    if economics is None:
        return CustomerEconomics(**overrides)
    if not isinstance(economics, CustomerEconomics):
        raise TypeError(
            f"economics must be a CustomerEconomics(...) or None; got {type(economics).__name__}."
        )
    if overrides:
        return CustomerEconomics(**{**economics.as_dict(), **overrides})
    return economics


def compare_customers(economics: CustomerEconomics | None = None, **overrides) -> pd.DataFrame:
    """Year-by-year discounted profit of a one-off and of a retained customer.

    Year 0 is the year the customer is won (undiscounted, as in the CLV formula).
    Columns: ``year``, ``survival`` (chance the retained customer is still buying),
    ``transactional_profit``, ``retained_profit`` (discounted, expected), and the
    two ``*_cumulative`` sums. Pass keyword arguments to change single assumptions,
    e.g. ``compare_customers(retention_rate=0.9)``.
    """
    e = _economics(economics, overrides)
    years = np.arange(e.years + 1)
    discount = (1.0 + e.discount_rate) ** -years.astype(float)
    yearly_margin = e.margin_per_order * e.orders_per_year
    survival = e.retention_rate ** years.astype(float)
    grown_margin = yearly_margin * (1.0 + e.margin_growth) ** years.astype(float)

    transactional = np.zeros(len(years))
    transactional[0] = yearly_margin - e.acquisition_cost
    retained = (grown_margin - e.relationship_cost) * survival * discount
    retained[0] -= e.acquisition_cost

    return pd.DataFrame(
        {
            "year": years,
            "survival": survival,
            "transactional_profit": transactional,
            "retained_profit": retained,
            "transactional_cumulative": np.cumsum(transactional),
            "retained_cumulative": np.cumsum(retained),
        }
    )


def _check_table(table: object) -> pd.DataFrame:
    needed = {"year", "transactional_cumulative", "retained_cumulative"}
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"Expected the table from compare_customers(); got {type(table).__name__}.")
    missing = needed - set(table.columns)
    if missing or table.empty:
        raise ValueError(
            "Expected the table from compare_customers(); "
            + (f"missing columns {sorted(missing)}." if missing else "it is empty.")
        )
    return table


def break_even_year(table: pd.DataFrame) -> int | None:
    """First year in which the retained customer has earned at least as much as the one-off.

    ``None`` means the relationship never catches up within the horizon.
    """
    t = _check_table(table)
    ahead = t["retained_cumulative"] >= t["transactional_cumulative"] - 1e-9
    return int(t.loc[ahead, "year"].iloc[0]) if ahead.any() else None


def payback_year(table: pd.DataFrame) -> int | None:
    """First year in which the retained customer has repaid its acquisition cost."""
    t = _check_table(table)
    paid = t["retained_cumulative"] >= -1e-9
    return int(t.loc[paid, "year"].iloc[0]) if paid.any() else None


def _yuan(amount: float) -> str:
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,.0f} yuan"


def summary(table: pd.DataFrame) -> str:
    """The comparison in one or two plain sentences, for the widget and the exercise."""
    t = _check_table(table)
    horizon = int(t["year"].iloc[-1])
    one_off = float(t["transactional_cumulative"].iloc[-1])
    kept = float(t["retained_cumulative"].iloc[-1])
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
