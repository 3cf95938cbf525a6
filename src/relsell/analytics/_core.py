"""Per-customer arrays computed once from the transactions and shared by ABC, RFM and CLV.

Why this is fast: customer IDs become integer codes once (``pandas.factorize``); from then
on every per-customer total is one ``numpy.bincount`` or one ``ufunc.at`` over whole arrays,
so 1,000,000 purchases never pass through a Python loop.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .transactions import COLUMNS, TransactionsError, validate_transactions

__all__ = ["CustomerArrays", "customer_arrays", "as_day", "prepare"]

_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class CustomerArrays:
    """Transaction-level codes and per-customer totals (index = customer code)."""

    customer_ids: np.ndarray  # customer ID of each code
    codes: np.ndarray  # customer code of each transaction (int64)
    days: np.ndarray  # purchase day of each transaction (days since 1970-01-01)
    amounts: np.ndarray  # amount of each transaction, yuan (float64)
    cents: np.ndarray  # per customer: total amount in whole fen (float64 holding integers)
    frequency: np.ndarray  # per customer: number of purchases (int64)
    first_day: np.ndarray  # per customer: first purchase day (int64)
    last_day: np.ndarray  # per customer: last purchase day (int64)
    as_of_day: int  # the analysis date: recency and CLV are measured up to this day

    @property
    def n_customers(self) -> int:
        return len(self.customer_ids)

    @property
    def monetary(self) -> np.ndarray:
        return self.cents / 100.0

    @property
    def recency(self) -> np.ndarray:
        return self.as_of_day - self.last_day


def as_day(value: object, name: str = "as_of") -> int:
    """A date (``'2025-01-01'``, ``datetime``, ``Timestamp``) as days since 1970-01-01."""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise TransactionsError(
            f"{name} must be a date such as '2025-01-01'; got {value!r}."
        ) from None
    if pd.isna(stamp):
        raise TransactionsError(f"{name} must be a date such as '2025-01-01'; got {value!r}.")
    return int((stamp.to_datetime64().astype("datetime64[D]") - _EPOCH).astype(np.int64))


def prepare(transactions: object) -> pd.DataFrame:
    """Return ``transactions`` ready for the fast path, validating only when needed.

    A table that already has the three columns with the right types (what
    ``read_transactions`` and ``generate_transactions`` return) is checked for negative
    or missing values with a few vectorised comparisons; anything else goes through the
    full :func:`validate_transactions`.
    """
    if isinstance(transactions, CustomerArrays):
        raise TypeError("Pass the transactions table, not the CustomerArrays.")
    if not isinstance(transactions, pd.DataFrame):
        raise TransactionsError(
            "Expected a table (pandas DataFrame) with the columns customer_id, date and "
            f"amount; got {type(transactions).__name__}."
        )
    ready = (
        all(c in transactions.columns for c in COLUMNS)
        and not transactions.empty
        and pd.api.types.is_datetime64_any_dtype(transactions["date"])
        and pd.api.types.is_float_dtype(transactions["amount"])
    )
    if ready:
        amounts = transactions["amount"].to_numpy()
        if (
            np.isfinite(amounts).all()
            and (amounts >= 0).all()
            and not transactions["date"].isna().any()
            and not transactions["customer_id"].isna().any()
        ):
            return transactions
    return validate_transactions(transactions)


def customer_arrays(transactions: pd.DataFrame, *, as_of: object = None) -> CustomerArrays:
    """Encode customers and compute the per-customer totals every analysis needs.

    ``as_of`` is the analysis date; by default the day after the last purchase in the
    data, so the most recent buyer has a recency of 1 day.
    """
    table = prepare(transactions)
    ids = table["customer_id"]
    if isinstance(ids.dtype, pd.CategoricalDtype):
        codes = ids.cat.codes.to_numpy().astype(np.int64)
        uniques = ids.cat.categories.to_numpy(dtype=object)
        used = np.bincount(codes, minlength=len(uniques)) > 0
        if not used.all():  # categories without purchases are not customers
            codes = (np.cumsum(used) - 1)[codes]
            uniques = uniques[used]
    else:
        codes, uniques = pd.factorize(ids, sort=False)
        codes = codes.astype(np.int64, copy=False)
    n = len(uniques)
    days = (table["date"].to_numpy().astype("datetime64[D]") - _EPOCH).astype(np.int64)
    amounts = table["amount"].to_numpy(dtype=np.float64)
    fen = np.rint(amounts * 100.0)
    cents = np.bincount(codes, weights=fen, minlength=n)
    frequency = np.bincount(codes, minlength=n).astype(np.int64)
    first_day = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    last_day = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.minimum.at(first_day, codes, days)
    np.maximum.at(last_day, codes, days)
    as_of_day = int(last_day.max()) + 1 if as_of is None else as_day(as_of)
    if as_of_day <= int(last_day.max()):
        latest = (_EPOCH + int(last_day.max())).astype(str)
        raise TransactionsError(
            f"The analysis date must be after the last purchase ({latest}); choose a later as_of."
        )
    return CustomerArrays(
        customer_ids=np.asarray(uniques, dtype=object),
        codes=codes,
        days=days,
        amounts=amounts,
        cents=cents,
        frequency=frequency,
        first_day=first_day,
        last_day=last_day,
        as_of_day=as_of_day,
    )
