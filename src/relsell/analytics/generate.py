"""A deterministic synthetic transaction generator: any size, same seed → same table.

Real customer data are private (PIPL, GDPR), so the course makes its own. The generator
draws a population of customers that looks like a typical B2B distributor's books:

* each customer starts buying on a random day in the first 80 % of the period and stays
  active for an exponentially distributed time (mean 60 % of the period), so some are
  still buying at the end and some drifted away long ago (recency differs);
* how often a customer buys is log-normal (a few buy very often), and so is the typical
  order size (median ``median_order`` yuan), which together give the 80/20 concentration
  that ABC analysis looks for;
* every customer has at least one purchase; amounts are rounded to the fen.

Everything comes from ``numpy.random.default_rng(seed)``; nothing reads the clock.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import number, whole_number
from ._core import as_day

__all__ = ["generate_transactions"]


def generate_transactions(
    n_rows: int = 2000,
    *,
    n_customers: int | None = None,
    seed: int = 2024,
    start: str = "2023-01-01",
    end: str = "2024-12-31",
    median_order: float = 300.0,
) -> pd.DataFrame:
    """``n_rows`` purchases of ``n_customers`` customers (default: one customer per 10 rows).

    Returns the columns ``customer_id`` (categorical, e.g. ``C00042``), ``date`` and
    ``amount`` (yuan), sorted by date, as :func:`relsell.analytics.read_transactions`
    returns a file.
    """
    n_rows = whole_number(
        "Number of transactions", n_rows, minimum=1, maximum=50_000_000, hint="E.g. 2000."
    )
    if n_customers is None:
        n_customers = max(1, n_rows // 10)
    n_customers = whole_number(
        "Number of customers",
        n_customers,
        minimum=1,
        maximum=n_rows,
        hint="Every customer buys at least once, so there can be at most one per transaction.",
    )
    seed = whole_number("Seed", seed, minimum=0, hint="Any whole number 0 or more.")
    median_order = number("Median order", median_order, minimum=1, hint="In yuan, e.g. 300.")
    first, last = as_day(start, "start"), as_day(end, "end")
    if last <= first:
        raise ValueError(f"end ({end}) must be after start ({start}).")
    span = last - first + 1

    rng = np.random.default_rng(seed)
    begin = rng.integers(0, max(1, int(span * 0.8)), size=n_customers)
    stay = rng.exponential(span * 0.6, size=n_customers).astype(np.int64)
    finish = np.minimum(begin + stay, span - 1)
    active = finish - begin + 1
    propensity = rng.lognormal(0.0, 1.0, size=n_customers) * (active + 30)
    order_size = median_order * rng.lognormal(0.0, 0.8, size=n_customers)

    extra = rng.choice(n_customers, size=n_rows - n_customers, p=propensity / propensity.sum())
    codes = np.concatenate((np.arange(n_customers), extra))
    days = begin[codes] + (rng.random(n_rows) * active[codes]).astype(np.int64)
    amounts = np.maximum(1.0, np.round(order_size[codes] * rng.lognormal(0.0, 0.4, size=n_rows), 2))

    order = np.lexsort((codes, days))
    width = len(str(n_customers))
    labels = np.array([f"C{k:0{width}d}" for k in range(1, n_customers + 1)], dtype=object)
    dates = np.datetime64("1970-01-01", "D") + (first + days[order])
    return pd.DataFrame(
        {
            "customer_id": pd.Categorical.from_codes(codes[order], categories=labels),
            "date": dates.astype("datetime64[ns]"),
            "amount": amounts[order],
        }
    )
