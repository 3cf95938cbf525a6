"""Financial, social or structural bonds? What each level of relationship marketing is worth.

Berry and Parasuraman's three levels of relationship marketing (chapter 3) tie customers with
ever deeper bonds: level 1 with financial benefits (price incentives), level 2 with financial
plus social benefits (personalised service), level 3 with structural bonds added to both
(links between the organisations: equipment, software, training). The chapter's argument is
that each level costs more but is harder for a rival to copy.

This model puts that argument into numbers for one customer:

* without a programme the customer stays each year with probability ``base_retention``;
* a level adds ``retention_uplift`` to that probability and costs ``yearly_cost`` per year;
* after ``years_to_copy`` years a rival has matched the level: the uplift is gone, but the firm
  must keep paying to keep up, so the cost stays.

Profits are discounted as in chapter 1. The value of a level is the customer's cumulative
discounted profit with the level minus the profit without any programme. Every number is a
course assumption (yuan per customer per year for a small business account); the source gives
the levels, not their costs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from ..checks import ModelInputError, fraction, number, whole_number

__all__ = [
    "BondLevel",
    "Market",
    "default_levels",
    "level_values",
    "best_level",
    "summary",
]


@dataclass(frozen=True)
class BondLevel:
    """One level of relationship marketing: what it costs, what it adds, how long it lasts."""

    name: str
    yearly_cost: float
    retention_uplift: float
    years_to_copy: float

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ModelInputError(f"A level needs a name such as 'level 1'; got {self.name!r}.")
        object.__setattr__(self, "name", self.name.strip())
        object.__setattr__(
            self,
            "yearly_cost",
            number(
                f"{self.name}: yearly cost",
                self.yearly_cost,
                minimum=0,
                maximum=1_000_000,
                hint="Enter the programme's cost per customer per year in yuan, 0 or more.",
            ),
        )
        object.__setattr__(
            self,
            "retention_uplift",
            fraction(
                f"{self.name}: retention uplift",
                self.retention_uplift,
                hint="It is the share added to the retention rate, such as 0.05 for 5 points.",
            ),
        )
        object.__setattr__(
            self,
            "years_to_copy",
            number(
                f"{self.name}: years until a rival copies it",
                self.years_to_copy,
                minimum=0,
                maximum=100,
                hint="Enter how many years the advantage lasts (0 = copied at once).",
            ),
        )


@dataclass(frozen=True)
class Market:
    """The customer without any programme: margin, retention, discount rate, horizon."""

    margin: float = 1000.0
    base_retention: float = 0.70
    discount_rate: float = 0.08
    years: int = 10

    def __post_init__(self) -> None:
        checked = {
            "margin": number(
                "Yearly margin",
                self.margin,
                minimum=0,
                maximum=10_000_000,
                hint="Enter the customer's yearly gross margin in yuan, 0 or more.",
            ),
            "base_retention": fraction(
                "Base retention",
                self.base_retention,
                hint="It is the share of customers who stay a year without any programme.",
            ),
            "discount_rate": number(
                "Discount rate",
                self.discount_rate,
                minimum=0,
                maximum=1,
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


def default_levels() -> list[BondLevel]:
    """Course assumptions: each level costs more, adds more retention and lasts longer."""
    return [
        BondLevel("level 1: financial", yearly_cost=50, retention_uplift=0.05, years_to_copy=1),
        BondLevel("level 2: + social", yearly_cost=100, retention_uplift=0.10, years_to_copy=3),
        BondLevel("level 3: + structural", yearly_cost=150, retention_uplift=0.15, years_to_copy=8),
    ]


def _cumulative(market: Market, level: BondLevel | None) -> np.ndarray:
    years = np.arange(market.years + 1, dtype=float)
    retention = np.full(len(years), market.base_retention)
    cost = np.zeros(len(years))
    if level is not None:
        active = years <= level.years_to_copy
        retention = np.minimum(1.0, retention + np.where(active, level.retention_uplift, 0.0))
        cost[:] = level.yearly_cost
    # the customer is there in year 0; in year t it survived t renewals
    survival = np.concatenate([[1.0], np.cumprod(retention[1:])])
    discount = (1.0 + market.discount_rate) ** -years
    return np.cumsum((market.margin - cost) * survival * discount)


def level_values(
    levels: list[BondLevel] | None = None, market: Market | None = None
) -> pd.DataFrame:
    """Year-by-year cumulative discounted profit of one customer, without and with each level.

    Columns: ``year``, ``no programme`` and one column per level name. The uplift counts for
    renewals up to and including year ``years_to_copy``.
    """
    levels = default_levels() if levels is None else levels
    market = Market() if market is None else market
    if not isinstance(market, Market):
        raise TypeError(f"market must be a Market(...) or None; got {type(market).__name__}.")
    if not isinstance(levels, list | tuple) or not levels:
        raise ModelInputError("Give at least one level, e.g. default_levels().")
    names = []
    for level in levels:
        if not isinstance(level, BondLevel):
            raise TypeError(f"Each level must be a BondLevel(...); got {type(level).__name__}.")
        if level.name in names or level.name == "no programme":
            raise ModelInputError(f"Level names must differ; {level.name!r} is used twice.")
        names.append(level.name)
    table = pd.DataFrame({"year": np.arange(market.years + 1)})
    table["no programme"] = _cumulative(market, None)
    for level in levels:
        table[level.name] = _cumulative(market, level)
    return table


def _check_table(table: object) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame) or "no programme" not in getattr(table, "columns", []):
        raise TypeError("Expected the table returned by level_values().")
    if table.empty or len(table.columns) < 3:
        raise ValueError("The table from level_values() is empty or has no level.")
    return table


def best_level(table: pd.DataFrame) -> tuple[str, float]:
    """The level with the highest gain over no programme at the horizon, and that gain (yuan).

    Returns ``("no programme", 0.0)`` when no level pays.
    """
    t = _check_table(table)
    last = t.iloc[-1]
    gains = {name: float(last[name] - last["no programme"]) for name in t.columns[2:]}
    name = max(gains, key=gains.get)
    return (name, gains[name]) if gains[name] > 0 else ("no programme", 0.0)


def summary(table: pd.DataFrame) -> str:
    """Each level's gain over no programme at the horizon, and which one pays best."""
    t = _check_table(table)
    horizon = int(t["year"].iloc[-1])
    last = t.iloc[-1]
    parts = []
    for name in t.columns[2:]:
        gain = float(last[name] - last["no programme"])
        sign = "+" if gain >= 0 else "−"
        parts.append(f"{name} {sign}{abs(gain):,.0f} yuan")
    best, gain = best_level(t)
    verdict = (
        f"Best: {best}, {gain:,.0f} yuan more than no programme."
        if best != "no programme"
        else "No level pays for itself: at these figures the customer is worth more without one."
    )
    return (
        f"Gain per customer over {horizon} years, in today's money, compared with no programme: "
        + "; ".join(parts)
        + ". "
        + verdict
    )
