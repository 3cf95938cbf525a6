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

from dataclasses import asdict, dataclass, replace

import numpy as np
import pandas as pd

from ..checks import ModelInputError, fraction, number, whole_number

__all__ = [
    "CustomerBase",
    "simulate",
    "compare_retention",
    "steady_state_customers",
    "average_lifetime_years",
    "replacement_share",
    "defection_cost",
    "summary",
]

_YUAN = "Enter an amount in yuan per customer per year, 0 or more."
_MAX_CUSTOMERS = 10_000_000


@dataclass(frozen=True)
class CustomerBase:
    """The assumptions of one customer base; every field is checked when it is created."""

    starting_customers: float = 1000
    new_customers_per_year: float = 200
    retention_rate: float = 0.80
    margin_per_customer: float = 500.0
    service_cost: float = 100.0
    acquisition_cost: float = 1000.0
    years: int = 10

    def __post_init__(self) -> None:
        checked = {
            "starting_customers": number(
                "Starting customers",
                self.starting_customers,
                minimum=0,
                maximum=_MAX_CUSTOMERS,
                hint="Enter how many customers the firm has today, 0 or more.",
            ),
            "new_customers_per_year": number(
                "New customers per year",
                self.new_customers_per_year,
                minimum=0,
                maximum=_MAX_CUSTOMERS,
                hint="Enter how many customers the firm wins each year, 0 or more.",
            ),
            "retention_rate": fraction(
                "Retention rate",
                self.retention_rate,
                hint="It is the share of last year's customers who stay this year.",
            ),
            "margin_per_customer": number(
                "Margin per customer", self.margin_per_customer, minimum=0, hint=_YUAN
            ),
            "service_cost": number("Service cost", self.service_cost, minimum=0, hint=_YUAN),
            "acquisition_cost": number(
                "Acquisition cost",
                self.acquisition_cost,
                minimum=0,
                hint="Enter what it costs to win one new customer, in yuan, 0 or more.",
            ),
            "years": whole_number(
                "Years", self.years, minimum=1, maximum=50, hint="Choose from 1 to 50 years."
            ),
        }
        for key, value in checked.items():
            object.__setattr__(self, key, value)

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _base(base: CustomerBase | None, overrides: dict) -> CustomerBase:
    if base is None:
        return CustomerBase(**overrides)
    if not isinstance(base, CustomerBase):
        raise TypeError(f"base must be a CustomerBase(...) or None; got {type(base).__name__}.")
    return CustomerBase(**{**base.as_dict(), **overrides}) if overrides else base


def simulate(base: CustomerBase | None = None, **overrides) -> pd.DataFrame:
    """Year-by-year customers, defections and profit of one customer base.

    Year 0 is today (the starting base, no flows yet). For each later year: ``lost`` (who
    defected), ``won`` (new customers), ``customers`` (served that year), ``profit`` and
    ``cumulative_profit`` (from year 1). Keyword arguments change single assumptions, e.g.
    ``simulate(retention_rate=0.85)``.
    """
    b = _base(base, overrides)
    years = np.arange(b.years + 1)
    customers = np.empty(len(years))
    customers[0] = b.starting_customers
    for t in years[1:]:
        customers[t] = b.retention_rate * customers[t - 1] + b.new_customers_per_year
    lost = np.zeros(len(years))
    lost[1:] = (1 - b.retention_rate) * customers[:-1]
    won = np.where(years > 0, b.new_customers_per_year, 0.0)
    profit = customers * (b.margin_per_customer - b.service_cost) - won * b.acquisition_cost
    profit[0] = 0.0
    return pd.DataFrame(
        {
            "year": years,
            "lost": lost,
            "won": won,
            "customers": customers,
            "profit": profit,
            "cumulative_profit": np.cumsum(profit),
        }
    )


def compare_retention(
    base: CustomerBase | None = None, points: float = 0.05, **overrides
) -> pd.DataFrame:
    """The same firm at its retention rate and at ``points`` higher, side by side.

    Columns: ``year``, ``customers_base``, ``customers_better``, ``profit_base``,
    ``profit_better`` and both ``cumulative_*``. The attribute ``attrs`` keeps the two rates.
    """
    b = _base(base, overrides)
    step = number(
        "Retention improvement",
        points,
        minimum=-1,
        maximum=1,
        hint="Enter a change of the retention rate as a share, such as 0.05 for 5 points.",
    )
    better_rate = b.retention_rate + step
    if not 0 <= better_rate <= 1:
        raise ModelInputError(
            f"A retention rate of {b.retention_rate:g} plus {step:g} gives {better_rate:g}, "
            "outside 0 to 1. Choose a smaller improvement."
        )
    low = simulate(b)
    high = simulate(replace(b, retention_rate=better_rate))
    table = pd.DataFrame(
        {
            "year": low["year"],
            "customers_base": low["customers"],
            "customers_better": high["customers"],
            "profit_base": low["profit"],
            "profit_better": high["profit"],
            "cumulative_base": low["cumulative_profit"],
            "cumulative_better": high["cumulative_profit"],
        }
    )
    table.attrs = {"rate_base": b.retention_rate, "rate_better": better_rate}
    return table


def steady_state_customers(new_customers_per_year: float, retention_rate: float) -> float:
    """Where the base settles, ``A / (1 - r)``; infinite when nobody ever leaves."""
    a = number("New customers per year", new_customers_per_year, minimum=0)
    r = fraction("Retention rate", retention_rate, hint="Enter a share such as 0.8.")
    return float("inf") if r == 1 else a / (1 - r)


def average_lifetime_years(retention_rate: float) -> float:
    """Average years a customer stays, ``1 / (1 - r)`` (counting the year they are won)."""
    r = fraction("Retention rate", retention_rate, hint="Enter a share such as 0.8.")
    return float("inf") if r == 1 else 1 / (1 - r)


def replacement_share(table: pd.DataFrame) -> float:
    """Share of the customers won that only replaced customers who defected.

    1.0 is the treadmill of the source: every new customer fills the place of a lost one
    and the base does not grow.
    """
    t = _check_simulation(table)
    won = float(t["won"].sum())
    if won == 0:
        return 0.0
    return float(np.minimum(t["lost"], t["won"]).sum()) / won


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
    t = np.arange(n, dtype=float)
    return float(np.sum((m - s) * r**t * (1 + i) ** -t))


def _check_simulation(table: object) -> pd.DataFrame:
    needed = {"year", "lost", "won", "customers", "profit"}
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"Expected the table from simulate(); got {type(table).__name__}.")
    missing = needed - set(table.columns)
    if missing or table.empty:
        raise ValueError(
            "Expected the table from simulate(); "
            + (f"missing columns {sorted(missing)}." if missing else "it is empty.")
        )
    return table


def _check_comparison(table: object) -> pd.DataFrame:
    needed = {"year", "customers_base", "customers_better", "profit_base", "profit_better"}
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"Expected the table from compare_retention(); got {type(table).__name__}.")
    missing = needed - set(table.columns)
    if missing or table.empty or "rate_base" not in table.attrs:
        raise ValueError(
            "Expected the table from compare_retention(); "
            + (f"missing columns {sorted(missing)}." if missing else "it is empty or altered.")
        )
    return table


def _yuan(amount: float) -> str:
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,.0f} yuan"


def summary(table: pd.DataFrame) -> str:
    """The comparison in words: customers and profit in the last year, at both rates."""
    t = _check_comparison(table)
    low, high = t.attrs["rate_base"], t.attrs["rate_better"]
    last = t.iloc[-1]
    horizon = int(last["year"])
    p_low, p_high = float(last["profit_base"]), float(last["profit_better"])
    if p_low > 0:
        change = f" ({(p_high - p_low) / p_low:+.0%})"
    else:
        change = ""
    return (
        f"In year {horizon}, a retention rate of {low:.0%} leaves {last['customers_base']:,.0f} "
        f"customers and a yearly profit of {_yuan(p_low)}; at {high:.0%} the firm has "
        f"{last['customers_better']:,.0f} customers and {_yuan(p_high)}{change}."
    )
