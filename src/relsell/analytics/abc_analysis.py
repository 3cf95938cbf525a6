"""ABC analysis: the customer value pyramid of chapter 4.

The source borrows ABC from inventory management and the 80/20 principle (二八原则): rank
customers by the value they create and a few at the top carry most of it. It names four
tiers, high-end (高端客户), key (大客户), medium (中等客户) and small (小客户) customers, but
gives no cut-offs (ambiguity A-11). The course's **illustrative** convention:

* sort customers by revenue, largest first, and walk down the list adding up shares of
  total revenue;
* a customer is **high-end** while the customers ranked above them bring less than the
  first cut-off (50 % by default), **key** while they bring less than the second (80 %),
  **medium** while less than the third (95 %), and **small** after that.

So the high-end tier is the fewest top customers who together bring at least half of the
revenue, high-end plus key customers bring at least 80 % (the "80" of 80/20), and the
biggest customer is always high-end. Customers with equal revenue share a tier.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

# The tiers, the default cut-offs and their check are shared with the pure-Python twin
# the live page runs (relsell.models.customer_analytics).
from ..models.customer_analytics import DEFAULT_CUTOFFS, TIERS, TIERS_ZH, check_cutoffs

__all__ = [
    "TIERS",
    "TIERS_ZH",
    "DEFAULT_CUTOFFS",
    "check_cutoffs",
    "share_above",
    "revenue_above",
    "tier_codes",
    "abc_codes",
    "abc_table",
]


def revenue_above(cents: np.ndarray) -> np.ndarray:
    """Revenue (fen) of all customers who bought strictly more than each customer.

    One sort of all customers, exact in whole fen; compute it once and reuse it when only
    the cut-offs change.
    """
    ascending = np.sort(cents)
    prefix = np.concatenate(([0.0], np.cumsum(ascending)))
    up_to = prefix[np.searchsorted(ascending, cents, side="right")]  # ≤ me, ties included
    return float(prefix[-1]) - up_to


def share_above(cents: np.ndarray) -> np.ndarray:
    """Share of revenue brought by the customers ranked above each customer (0 for the top)."""
    total = float(cents.sum())
    return revenue_above(cents) / total if total > 0 else np.zeros(len(cents))


def tier_codes(above: np.ndarray, total: float, cutoffs: Sequence[float]) -> np.ndarray:
    """Tier code per customer (0 = high-end … 3 = small) from :func:`revenue_above`."""
    c1, c2, c3 = check_cutoffs(cutoffs)
    return (
        (above >= c1 * total).astype(np.int8)
        + (above >= c2 * total).astype(np.int8)
        + (above >= c3 * total).astype(np.int8)
    )


def abc_codes(cents: np.ndarray, cutoffs: Sequence[float] = DEFAULT_CUTOFFS) -> np.ndarray:
    """Tier code per customer (0 = high-end … 3 = small) from revenue in fen."""
    check_cutoffs(cutoffs)
    return tier_codes(revenue_above(cents), float(cents.sum()), cutoffs)


def abc_table(customers: pd.DataFrame, cutoffs: Sequence[float] = DEFAULT_CUTOFFS) -> pd.DataFrame:
    """One row per tier: customers, share of customers, revenue, share of revenue.

    ``customers`` is the per-customer table of :func:`relsell.analytics.analyse` (it needs
    ``monetary`` and ``abc_tier``).
    """
    cutoffs = check_cutoffs(cutoffs)
    codes = customers["abc_tier"].cat.codes.to_numpy()
    count = np.bincount(codes, minlength=len(TIERS))
    revenue = np.bincount(
        codes, weights=customers["monetary"].to_numpy(dtype=float), minlength=len(TIERS)
    )
    return pd.DataFrame(
        {
            "tier": list(TIERS),
            "tier_zh": list(TIERS_ZH),
            "customers": count.astype(int),
            "customer_share": count / max(int(count.sum()), 1),
            "revenue": revenue,
            "revenue_share": revenue / (float(revenue.sum()) or 1.0),
            "cutoff": [*cutoffs, 1.0],
        }
    )
