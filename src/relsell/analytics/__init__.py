"""Customer analytics for chapter 4: ABC tiers, RFM scores and CLV from transactions.

Chapter 4 says a seller should differentiate customers by value before approaching
them (推销接近), and names three methods: ABC, RFM and CLV. This package computes all three
for every customer of a transactions table in one vectorised pass::

    from relsell.analytics import analyse, sample_transactions
    result = analyse(sample_transactions())
    result.customers      # one row per customer
    result.abc_table()    # the value pyramid
    result.segment_table()  # RFM segments with what a seller does about each

The conventions the source leaves open (tier cut-offs A-11, the R of RFM A-12, the CLV
formula A-10) are documented in :mod:`.abc_analysis`, :mod:`.rfm` and :mod:`.clv`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

import numpy as np
import pandas as pd

from ..models.customer_analytics import clv_assumptions
from ..models.customer_analytics import summary as plain_summary
from ._core import CustomerArrays, customer_arrays
from .abc_analysis import (
    DEFAULT_CUTOFFS,
    TIERS,
    TIERS_ZH,
    abc_table,
    check_cutoffs,
    revenue_above,
    tier_codes,
)
from .clv import CLVAssumptions, clv_from_arrays, discount_factors, lifetime_value
from .generate import generate_transactions
from .rfm import SEGMENT_NAMES, SEGMENTS, quantile_scores, segment_codes, segment_table
from .transactions import (
    COLUMN_ALIASES,
    COLUMNS,
    ENCODINGS,
    MAX_UPLOAD_BYTES,
    TransactionsError,
    read_transactions,
    validate_transactions,
)

__all__ = [
    "Analysis",
    "analyse",
    "summary",
    "sample_transactions",
    "cdnow_transactions",
    "customer_arrays",
    "CustomerArrays",
    "generate_transactions",
    "read_transactions",
    "validate_transactions",
    "TransactionsError",
    "COLUMNS",
    "COLUMN_ALIASES",
    "ENCODINGS",
    "MAX_UPLOAD_BYTES",
    "TIERS",
    "TIERS_ZH",
    "DEFAULT_CUTOFFS",
    "check_cutoffs",
    "abc_table",
    "SEGMENTS",
    "SEGMENT_NAMES",
    "segment_table",
    "quantile_scores",
    "CLVAssumptions",
    "lifetime_value",
    "discount_factors",
]


@dataclass
class Analysis:
    """ABC, RFM and CLV of every customer, plus what is needed to redo one part quickly."""

    customers: pd.DataFrame
    arrays: CustomerArrays = field(repr=False)
    cutoffs: tuple[float, float, float]
    assumptions: CLVAssumptions
    above: np.ndarray = field(repr=False)  # see abc_analysis.revenue_above

    def abc_table(self) -> pd.DataFrame:
        return abc_table(self.customers, self.cutoffs)

    def segment_table(self) -> pd.DataFrame:
        return segment_table(self.customers)

    def with_cutoffs(self, cutoffs: Sequence[float]) -> Analysis:
        """The same analysis with other ABC cut-offs: one sort, no pass over the purchases."""
        cutoffs = check_cutoffs(cutoffs)
        customers = self.customers.copy(deep=False)
        total = float(self.arrays.cents.sum())
        customers["abc_tier"] = _tiers(tier_codes(self.above, total, cutoffs))
        return Analysis(customers, self.arrays, cutoffs, self.assumptions, self.above)

    def with_assumptions(self, assumptions: CLVAssumptions | None = None, **changes) -> Analysis:
        """The same analysis with other CLV assumptions (e.g. ``discount_rate=0.1``)."""
        base = assumptions or self.assumptions
        new = CLVAssumptions(**{**base.as_dict(), **changes})
        customers = self.customers.copy(deep=False)
        for key, values in clv_from_arrays(self.arrays, new).items():
            customers[key] = values
        return Analysis(customers, self.arrays, self.cutoffs, new, self.above)


def _tiers(codes: np.ndarray) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=list(TIERS), ordered=True)


def analyse(
    transactions: pd.DataFrame,
    *,
    cutoffs: Sequence[float] = DEFAULT_CUTOFFS,
    assumptions: CLVAssumptions | None = None,
    as_of: object = None,
) -> Analysis:
    """ABC tier, RFM scores and segment, and CLV for every customer of ``transactions``.

    ``transactions`` has the columns ``customer_id``, ``date`` and ``amount`` (a table
    from :func:`read_transactions` or :func:`generate_transactions`; other tables are
    validated first). ``as_of`` is the analysis date (default: the day after the last
    purchase). The result's ``customers`` table has one row per customer, in order of
    first appearance in ``transactions``.
    """
    cutoffs = check_cutoffs(cutoffs)
    assumptions = clv_assumptions(assumptions)
    arrays = customer_arrays(transactions, as_of=as_of)
    r = quantile_scores(arrays.last_day)
    f = quantile_scores(arrays.frequency)
    m = quantile_scores(arrays.cents)
    segment = segment_codes(r, f, m)
    clv = clv_from_arrays(arrays, assumptions)
    above = revenue_above(arrays.cents)
    epoch = np.datetime64("1970-01-01", "D")
    customers = pd.DataFrame(
        {
            "customer_id": arrays.customer_ids,
            "monetary": arrays.monetary,
            "frequency": arrays.frequency,
            "first_purchase": (epoch + arrays.first_day).astype("datetime64[ns]"),
            "last_purchase": (epoch + arrays.last_day).astype("datetime64[ns]"),
            "recency_days": arrays.recency,
            "abc_tier": _tiers(tier_codes(above, float(arrays.cents.sum()), cutoffs)),
            "r_score": r,
            "f_score": f,
            "m_score": m,
            "rfm_score": r + f + m,
            "segment": pd.Categorical.from_codes(segment, categories=list(SEGMENT_NAMES)),
            **clv,
        }
    )
    return Analysis(customers, arrays, cutoffs, assumptions, above)


def summary(result: Analysis) -> str:
    """The analysis in two sentences a seller can act on (the browser's path writes them)."""
    if not isinstance(result, Analysis):
        raise TypeError(f"summary needs the result of analyse(...); got {type(result).__name__}.")
    return plain_summary(
        {
            "tiers": result.abc_table().to_dict("records"),
            "segments": result.segment_table().to_dict("records"),
            "clv": {"negative": int((result.customers["clv"] < 0).sum())},
            "n_customers": len(result.customers),
        }
    )


def _data_file(name: str):
    return resources.files("relsell") / "data" / "transactions" / name


def sample_transactions() -> pd.DataFrame:
    """The small synthetic sample shipped with the course (2,000 purchases, 200 customers).

    It is exactly ``generate_transactions(2000, n_customers=200, seed=2024)``, saved as CSV
    so students can open it in a spreadsheet; a unit test keeps the two identical.
    """
    with resources.as_file(_data_file("sample_transactions.csv")) as path:
        return read_transactions(path)


def cdnow_transactions() -> pd.DataFrame:
    """Real purchases: the CDNOW 1/10 sample (2,357 customers, 1997-01 to 1998-06, US dollars).

    Shipped in ``relsell/data/transactions/cdnow_sample.csv`` from the MIT-licensed
    ``lifetimes`` package; see the README in that folder for the source and attribution.
    Amounts are US dollars, not yuan.
    """
    with resources.as_file(_data_file("cdnow_sample.csv")) as path:
        return read_transactions(path)
