"""Customer lifetime value (CLV, 客户生命周期价值) with the source's formula.

The source defines CLV as the value a customer creates over the whole relationship, from
first contact until the relationship ends, including past profit and the discounted value
of expected future profit, and gives (reconstructed from a garbled line, ambiguity A-10)

    V_k = sum_{t=0}^{T} (Q_t - C_t) (1 + i)^(-t)

with Q_t the profit from the customer in year t, C_t what the firm spends on the customer
in that year and i the bank discount rate. Year 0 is the first year and is not discounted.

:func:`lifetime_value` is the formula itself, for one customer or many at once.
:func:`clv_from_arrays` applies it to transaction data with these course assumptions:

* relationship year t of a purchase = whole years since the customer's first purchase;
* Q_t = ``margin_rate`` × the amount bought in year t (gross profit before the costs of
  serving this customer, the reading of A-10);
* C_t = ``cost_per_order`` × orders in year t + ``yearly_cost`` (visits, calls, the CRM
  record) for every year from the first purchase to the analysis date;
* the future: ``future_years`` more years, in which the customer is still buying with
  probability ``retention_rate`` per year and brings the average yearly net profit of
  the years so far.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy as np

from ..checks import ModelInputError, number, whole_number
from ..models.customer_analytics import YEAR_DAYS, CLVAssumptions
from ._core import CustomerArrays

__all__ = ["CLVAssumptions", "lifetime_value", "discount_factors", "clv_from_arrays"]

# CLVAssumptions (the defaults and their checks) and the 365-day relationship year are
# shared with the pure-Python twin the live page runs (relsell.models.customer_analytics).
_YEAR = YEAR_DAYS


def discount_factors(discount_rate: float, years: int) -> np.ndarray:
    """(1 + i)^-t for t = 0 … years."""
    rate = number("Discount rate", discount_rate, minimum=0, maximum=1, hint="E.g. 0.08.")
    years = whole_number("Years", years, minimum=0, maximum=1000)
    return (1.0 + rate) ** -np.arange(years + 1, dtype=np.float64)


def lifetime_value(
    profits: object, costs: object, discount_rate: float = 0.08
) -> np.ndarray | float:
    """V = Σ_t (Q_t − C_t)(1 + i)^−t, for t = 0 … T.

    ``profits`` and ``costs`` are sequences of yearly amounts in yuan (year 0 first), or
    2-D arrays with one row per customer; the result is one number, or one per row.
    """
    rate = number(
        "Discount rate", discount_rate, minimum=0, maximum=1, hint="Enter e.g. 0.08 for 8 %."
    )
    q = _amounts("Profits Q_t", profits)
    c = _amounts("Costs C_t", costs)
    if q.shape != c.shape:
        raise ModelInputError(
            f"Profits and costs must cover the same years; got {q.shape[-1]} profit and "
            f"{c.shape[-1]} cost values. Give one Q_t and one C_t for each year t = 0 … T."
        )
    factors = (1.0 + rate) ** -np.arange(q.shape[-1], dtype=np.float64)
    value = (q - c) @ factors
    return float(value) if np.ndim(value) == 0 else value


def _amounts(name: str, values: object) -> np.ndarray:
    if isinstance(values, (str, bytes)) or np.isscalar(values):
        raise TypeError(
            f"{name} must be a list of yearly amounts, e.g. [1000, 1200, 1500]; got {values!r}."
        )
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        given = list(cast(Iterable[object], values))  # the items numpy could not read
        raise TypeError(
            f"{name} must contain only numbers (yuan per year); got {given!r}."
        ) from None
    if array.ndim not in (1, 2) or array.shape[-1] == 0:
        raise ModelInputError(
            f"{name} needs at least one yearly amount (year 0); got an empty list."
        )
    if not np.isfinite(array).all():
        raise ModelInputError(f"{name} must be finite numbers; got {values!r}.")
    return array


def clv_from_arrays(arrays: CustomerArrays, assumptions: CLVAssumptions) -> dict[str, np.ndarray]:
    """Historical, future and total CLV of every customer in one pass over the purchases."""
    a = assumptions
    years_known = (arrays.as_of_day - 1 - arrays.first_day) // _YEAR  # T so far, ≥ 0
    horizon = int(years_known.max()) + a.future_years + 1
    factors = (1.0 + a.discount_rate) ** -np.arange(horizon + 1, dtype=np.float64)
    cumulative = np.cumsum(factors)

    year_of_purchase = (arrays.days - arrays.first_day[arrays.codes]) // _YEAR
    net = a.margin_rate * arrays.amounts - a.cost_per_order  # Q minus the order costs
    n = arrays.n_customers
    history = np.bincount(arrays.codes, weights=net * factors[year_of_purchase], minlength=n)
    history -= a.yearly_cost * cumulative[years_known]

    net_total = np.bincount(arrays.codes, weights=net, minlength=n)
    yearly_net = net_total / (years_known + 1) - a.yearly_cost
    if a.future_years:
        weights = a.retention_rate ** np.arange(1, a.future_years + 1, dtype=np.float64)
        # Σ_k r^k (1+i)^-(T+k) = (1+i)^-T · Σ_k r^k (1+i)^-k
        ahead = float(weights @ factors[1 : a.future_years + 1])
        future = yearly_net * factors[years_known] * ahead
    else:
        future = np.zeros(n)
    return {
        "relationship_years": years_known + 1,
        "clv_history": history,
        "clv_future": future,
        "clv": history + future,
    }
