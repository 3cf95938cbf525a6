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
from typing import Any

from ..checks import ModelInputError, fraction, number, records
from ..params import Param, check_all, checked, defaults

__all__ = [
    "PARAMS",
    "MARKET_PARAMS",
    "LEVEL_NAMES",
    "BondLevel",
    "Market",
    "default_levels",
    "level_values",
    "best_level",
    "summary",
    "run",
]

NO_PROGRAMME = "no programme"
LEVEL_NAMES = ("level 1: financial", "level 2: + social", "level 3: + structural")
_COST_HINT = "Enter the programme's cost per customer per year in yuan, 0 or more."
_UPLIFT_HINT = "It is the share added to the retention rate, such as 0.05 for 5 points."
_COPY_HINT = "Enter how many years the advantage lasts (0 = copied at once)."

# The customer without any programme (``Market``); course assumptions.
MARKET_PARAMS = (
    Param(
        "margin",
        "Yearly margin",
        default=1000.0,
        minimum=0,
        maximum=10_000_000,
        high=5000,
        step=100,
        unit="yuan",
        hint="Enter the customer's yearly gross margin in yuan, 0 or more.",
    ),
    Param(
        "base_retention",
        "Base retention",
        "share",
        default=0.70,
        step=0.05,
        percent=True,
        hint="It is the share of customers who stay a year without any programme.",
    ),
    Param(
        "discount_rate",
        "Discount rate",
        default=0.08,
        minimum=0,
        maximum=1,
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


def _level_params(i: int, cost: float, uplift: float, copy: float) -> tuple[Param, ...]:
    """The three settings of level ``i`` (course assumptions: cost, uplift, years to copy)."""
    return (
        Param(
            f"cost_{i}",
            f"Level {i}: cost / year",
            default=cost,
            minimum=0,
            maximum=1_000_000,
            high=500,
            step=10,
            unit="yuan",
            hint=_COST_HINT,
        ),
        Param(
            f"uplift_{i}",
            f"Level {i}: uplift",
            "share",
            default=uplift,
            high=0.5,
            step=0.01,
            percent=True,
            hint=_UPLIFT_HINT,
        ),
        Param(
            f"copy_{i}",
            f"Level {i}: years to copy",
            default=copy,
            minimum=0,
            maximum=100,
            high=30,
            step=1,
            hint=_COPY_HINT,
        ),
    )


# Each level costs more, adds more retention and lasts longer (course assumptions).
LEVEL_PARAMS = (
    _level_params(1, 50.0, 0.05, 1.0)
    + _level_params(2, 100.0, 0.10, 3.0)
    + _level_params(3, 150.0, 0.15, 8.0)
)
# The explorer's order, three to a row: the market, the three levels, then the horizon.
PARAMS = MARKET_PARAMS[:3] + LEVEL_PARAMS + MARKET_PARAMS[3:]


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
                hint=_COST_HINT,
            ),
        )
        object.__setattr__(
            self,
            "retention_uplift",
            fraction(f"{self.name}: retention uplift", self.retention_uplift, hint=_UPLIFT_HINT),
        )
        object.__setattr__(
            self,
            "years_to_copy",
            number(
                f"{self.name}: years until a rival copies it",
                self.years_to_copy,
                minimum=0,
                maximum=100,
                hint=_COPY_HINT,
            ),
        )


@dataclass(frozen=True)
@checked(MARKET_PARAMS)
class Market:
    """The customer without any programme: margin, retention, discount rate, horizon."""

    margin: float = 1000.0
    base_retention: float = 0.70
    discount_rate: float = 0.08
    years: int = 10

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _levels(settings: dict) -> list[BondLevel]:
    return [
        BondLevel(
            name,
            yearly_cost=settings[f"cost_{i}"],
            retention_uplift=settings[f"uplift_{i}"],
            years_to_copy=settings[f"copy_{i}"],
        )
        for i, name in enumerate(LEVEL_NAMES, start=1)
    ]


def default_levels() -> list[BondLevel]:
    """Course assumptions: each level costs more, adds more retention and lasts longer."""
    return _levels(defaults(LEVEL_PARAMS))


def _cumulative(market: Market, level: BondLevel | None) -> list[float]:
    """Cumulative discounted profit by year; the uplift counts up to year ``years_to_copy``."""
    total, survival, out = 0.0, 1.0, []
    for year in range(market.years + 1):
        retention = market.base_retention
        cost = 0.0
        if level is not None:
            if year <= level.years_to_copy:
                retention = min(1.0, retention + level.retention_uplift)
            cost = level.yearly_cost
        # the customer is there in year 0; in year t it survived t renewals
        if year > 0:
            survival *= retention
        total += (market.margin - cost) * survival * (1.0 + market.discount_rate) ** -year
        out.append(total)
    return out


def level_values(levels: list[BondLevel] | None = None, market: Market | None = None) -> list[dict]:
    """Year-by-year cumulative discounted profit of one customer, without and with each level.

    One record per year: ``year``, ``no programme`` and one key per level name. The uplift
    counts for renewals up to and including year ``years_to_copy``.
    """
    levels = default_levels() if levels is None else levels
    market = Market() if market is None else market
    if not isinstance(market, Market):
        raise TypeError(f"market must be a Market(...) or None; got {type(market).__name__}.")
    if not isinstance(levels, list | tuple) or not levels:
        raise ModelInputError("Give at least one level, e.g. default_levels().")
    names: list[str] = []
    for level in levels:
        if not isinstance(level, BondLevel):
            raise TypeError(f"Each level must be a BondLevel(...); got {type(level).__name__}.")
        if level.name in names or level.name == NO_PROGRAMME:
            raise ModelInputError(f"Level names must differ; {level.name!r} is used twice.")
        names.append(level.name)
    columns = {NO_PROGRAMME: _cumulative(market, None)}
    for level in levels:
        columns[level.name] = _cumulative(market, level)
    return [
        {"year": year, **{name: values[year] for name, values in columns.items()}}
        for year in range(market.years + 1)
    ]


def _check_table(table: object) -> tuple[list[dict], list[str]]:
    """The table's records and its level names (every key but year and no programme)."""
    rows = records(table, ("year", NO_PROGRAMME), what="the table from level_values()")
    names = [key for key in rows[0] if key not in ("year", NO_PROGRAMME)]
    if not names:
        raise ModelInputError("The table from level_values() is empty or has no level.")
    return rows, names


def _gains(rows: list[dict], names: list[str]) -> dict[str, float]:
    last = rows[-1]
    return {name: float(last[name] - last[NO_PROGRAMME]) for name in names}


def best_level(table: list[dict]) -> tuple[str, float]:
    """The level with the highest gain over no programme at the horizon, and that gain (yuan).

    Returns ``("no programme", 0.0)`` when no level pays.
    """
    gains = _gains(*_check_table(table))
    name = max(gains, key=gains.__getitem__)
    return (name, gains[name]) if gains[name] > 0 else (NO_PROGRAMME, 0.0)


def summary(table: list[dict]) -> str:
    """Each level's gain over no programme at the horizon, and which one pays best."""
    rows, names = _check_table(table)
    horizon = int(rows[-1]["year"])
    parts = []
    for name, gain in _gains(rows, names).items():
        sign = "+" if gain >= 0 else "−"
        parts.append(f"{name} {sign}{abs(gain):,.0f} yuan")
    best, gain = best_level(rows)
    verdict = (
        f"Best: {best}, {gain:,.0f} yuan more than no programme."
        if best != NO_PROGRAMME
        else "No level pays for itself: at these figures the customer is worth more without one."
    )
    return (
        f"Gain per customer over {horizon} years, in today's money, compared with no programme: "
        + "; ".join(parts)
        + ". "
        + verdict
    )


def run(**values: Any) -> dict[str, Any]:
    """The three levels at these settings (``PARAMS`` names; the rest at their defaults).

    ``table``: the records of ``level_values``; ``gains``: each level's gain over no programme
    at the horizon (yuan); ``best_level`` and ``best_gain``; ``summary``.
    """
    settings = {**defaults(PARAMS), **check_all(PARAMS, values)}
    market = Market(**{p.name: settings[p.name] for p in MARKET_PARAMS})
    table = level_values(_levels(settings), market)
    best, gain = best_level(table)
    return {
        "table": table,
        "gains": [
            {"level": name, "gain": value} for name, value in _gains(*_check_table(table)).items()
        ],
        "best_level": best,
        "best_gain": gain,
        "summary": summary(table),
    }
