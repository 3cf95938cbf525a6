"""ABC tiers, RFM segments and CLV per customer in plain Python (equal to ``relsell.analytics``)."""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from numbers import Integral, Real
from typing import Any

from ...errors import TransactionsError
from .conventions import (
    DEFAULT_CUTOFFS,
    MESSAGES,
    SEGMENT_NAMES,
    SEGMENTS,
    TIERS,
    TIERS_ZH,
    YEAR_DAYS,
    CLVAssumptions,
    check_cutoffs,
    clv_assumptions,
)
from .reading import _EPOCH, Transactions, parse_date, row_list, shown_cell


# ---- per-customer facts, computed once -------------------------------------------------------
@dataclass(frozen=True)
class CustomerBook:
    """The purchases grouped by customer: what ABC, RFM and CLV all start from.

    Customers are in order of first appearance. Changing a cut-off or a CLV assumption reuses
    the book; only :func:`prepare` passes over the purchases to group them.
    """

    customer_ids: list[str]
    cents: list[int]  # total amount in whole fen
    frequency: list[int]
    first_day: list[int]
    last_day: list[int]
    as_of_day: int
    codes: list[int]  # customer of each purchase
    years: list[int]  # relationship year of each purchase (0 = the first year)
    amounts: list[float]  # amount of each purchase, yuan

    @property
    def n_customers(self) -> int:
        return len(self.customer_ids)

    @property
    def n_transactions(self) -> int:
        return len(self.codes)


def _day_or_none(value: object) -> int | None:
    """A date (``'2025-01-01'``, ``date``, ``datetime``) as days since 1970-01-01."""
    if isinstance(value, dt.datetime):
        return value.date().toordinal() - _EPOCH
    if isinstance(value, dt.date):
        return value.toordinal() - _EPOCH
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is not None:
            return parsed[0]
    return None


def _day(value: object, name: str = "as_of") -> int:
    day = _day_or_none(value)
    if day is None:
        raise TransactionsError(MESSAGES["as_of"].format(name=name, value=value))
    return day


def _date_text(day: int) -> str:
    return dt.date.fromordinal(day + _EPOCH).isoformat()


def _purchases(rows: Iterable[object]) -> tuple[list[str], list[int], list[float]]:
    """``rows`` of (customer_id, day, amount) as three checked columns; for rows that did not
    come from :func:`read_csv` (row numbers as in a spreadsheet with one header row)."""
    ids: list[str] = []
    days: list[int] = []
    amounts: list[float] = []
    for k, row in enumerate(rows):
        if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) != 3:
            raise TypeError(
                "Each transaction must be (customer_id, day, amount), e.g. "
                f"('C001', '2024-03-31', 1280.5); row {k + 2} is {row!r}."
            )
        customer, when, amount = row
        where = row_list([k + 2])
        customer = str(customer).strip() if customer is not None else ""
        if not customer:
            raise TransactionsError(MESSAGES["blank_id"].format(rows=where))
        if isinstance(when, Integral) and not isinstance(when, bool):
            day = int(when)
        elif isinstance(when, (str, dt.date)) and _day_or_none(when) is not None:
            day = _day(when, "date")
        else:
            raise TransactionsError(MESSAGES["bad_date"].format(rows=where, found=shown_cell(when)))
        if isinstance(amount, bool) or not isinstance(amount, Real) or math.isnan(amount):
            raise TransactionsError(
                MESSAGES["not_a_number"].format(rows=where, found=shown_cell(amount))
            )
        value = float(amount)
        if math.isinf(value):
            raise TransactionsError(MESSAGES["infinite"].format(rows=where))
        if value < 0:
            raise TransactionsError(MESSAGES["negative"].format(rows=where, found=value))
        ids.append(customer)
        days.append(day)
        amounts.append(value)
    if not days:
        raise TransactionsError(MESSAGES["no_table"])
    return ids, days, amounts


def prepare(rows: Iterable[object] | CustomerBook, *, as_of: object = None) -> CustomerBook:
    """Group ``rows`` (from :func:`read_csv`, or (customer_id, day, amount) tuples) by customer.

    ``as_of`` is the analysis date (default: the day after the last purchase, so the most
    recent buyer has a recency of 1 day).
    """
    if isinstance(rows, CustomerBook):
        return rows
    if isinstance(rows, Transactions):
        if not rows.days:
            raise TransactionsError(MESSAGES["no_table"])
        ids, days, amounts = rows.customer_ids, rows.days, rows.amounts
    else:
        ids, days, amounts = _purchases(rows)
    index: dict[str, int] = {}
    customers: list[str] = []
    cents: list[int] = []
    frequency: list[int] = []
    first: list[int] = []
    last: list[int] = []
    codes: list[int] = []
    for customer, day, amount in zip(ids, days, amounts, strict=True):
        code = index.get(customer)
        if code is None:
            code = index[customer] = len(customers)
            customers.append(customer)
            cents.append(0)
            frequency.append(0)
            first.append(day)
            last.append(day)
        cents[code] += round(amount * 100.0)  # whole fen: ties and totals stay exact
        frequency[code] += 1
        if day < first[code]:
            first[code] = day
        elif day > last[code]:
            last[code] = day
        codes.append(code)
    latest = max(last)
    as_of_day = latest + 1 if as_of is None else _day(as_of)
    if as_of_day <= latest:
        raise TransactionsError(MESSAGES["as_of_early"].format(latest=_date_text(latest)))
    years = [(day - first[code]) // YEAR_DAYS for code, day in zip(codes, days, strict=True)]
    return CustomerBook(
        customers, cents, frequency, first, last, as_of_day, codes, years, list(amounts)
    )


# ---- ABC, RFM, CLV ---------------------------------------------------------------------------
def _tier_codes(cents: list[int], cutoffs: tuple[float, float, float]) -> list[int]:
    """Tier per customer (0 = high-end … 3 = small): by the revenue of the customers who
    bought strictly more, so equal revenue means an equal tier."""
    ascending = sorted(cents)
    prefix = [0, *accumulate(ascending)]
    total = prefix[-1]
    limits = [c * total for c in cutoffs]
    codes = []
    for value in cents:
        above = total - prefix[bisect.bisect_right(ascending, value)]
        codes.append((above >= limits[0]) + (above >= limits[1]) + (above >= limits[2]))
    return codes


def _scores(values: Sequence[int], bins: int = 5) -> list[int]:
    """Score 1..bins by quantile of rank; larger values score higher, ties share a score."""
    ordered = sorted(values)
    n = len(values)
    return [1 + (bins * bisect.bisect_left(ordered, v)) // n for v in values]


def _segment(r: int, f: int, m: int) -> int:
    """Index into ``SEGMENTS``; the rules cover every score combination."""
    if r >= 4 and f >= 4 and m >= 4:
        return 0
    if r >= 3 and f >= 4:
        return 1
    if r >= 4:
        return 2
    if r == 3:
        return 3
    if f >= 4 or m >= 4:
        return 4
    return 5


def _clv(book: CustomerBook, a: CLVAssumptions) -> tuple[list[int], list[float], list[float]]:
    """Relationship years, discounted history and expected future of every customer."""
    known = [(book.as_of_day - 1 - first) // YEAR_DAYS for first in book.first_day]
    horizon = max(known) + a.future_years + 1
    base = 1.0 + a.discount_rate
    factors = [base ** -float(t) for t in range(horizon + 1)]
    cumulative = list(accumulate(factors))
    n = book.n_customers
    history = [0.0] * n
    net_total = [0.0] * n
    margin, per_order = a.margin_rate, a.cost_per_order
    for code, year, amount in zip(book.codes, book.years, book.amounts, strict=True):
        net = margin * amount - per_order  # Q minus the order costs
        history[code] += net * factors[year]
        net_total[code] += net
    ahead = 0.0
    for k in range(1, a.future_years + 1):
        ahead += a.retention_rate ** float(k) * factors[k]
    future = []
    for c in range(n):
        history[c] -= a.yearly_cost * cumulative[known[c]]
        yearly_net = net_total[c] / (known[c] + 1) - a.yearly_cost
        future.append(yearly_net * factors[known[c]] * ahead if a.future_years else 0.0)
    return [k + 1 for k in known], history, future


def _sum(values: Iterable[float]) -> float:
    """Left to right, as numpy adds a few numbers (``sum`` compensates since Python 3.12)."""
    total = 0.0
    for value in values:
        total += value
    return total


def _shares(values: list[float]) -> list[float]:
    total = _sum(values) or 1.0
    return [v / total for v in values]


def pareto_curve(
    cents: Sequence[float], tier_counts: Sequence[int] = (), limit: int = 200
) -> dict[str, list[float]]:
    """Cumulative share of revenue against share of customers, largest buyers first.

    At most ``limit`` points: evenly spaced customers plus the ends of the tiers
    (``tier_counts``, customers per tier from the top), so each tier's stretch of the curve
    starts and ends exactly where the tier does. The curve looks the same with 200 points as
    with 100,000 and draws much faster.
    """
    ordered = sorted(cents, reverse=True)
    n = len(ordered)
    prefix = [0.0, *accumulate(ordered)]
    total = prefix[-1] or 1.0
    ends = list(accumulate(tier_counts))[:-1]
    if n + 1 <= limit:
        keep = list(range(n + 1))
    else:
        grid = limit - len(ends)
        keep = sorted({round(j * n / (grid - 1)) for j in range(grid)} | set(ends))
    return {
        "customer_share": [k / n if n else 0.0 for k in keep],
        "revenue_share": [prefix[k] / total for k in keep],
    }


def clv_by_tier(
    tier_codes: Sequence[int], history: Sequence[float], future: Sequence[float]
) -> list[dict[str, Any]]:
    """Mean CLV (history, future, total) and the share below 0, for each ABC tier."""
    k = len(TIERS)
    count = [0] * k
    past, ahead, total = [0.0] * k, [0.0] * k, [0.0] * k
    below = [0] * k
    for code, h, f in zip(tier_codes, history, future, strict=True):
        count[code] += 1
        past[code] += h
        ahead[code] += f
        total[code] += h + f
        below[code] += h + f < 0
    return [
        {
            "tier": TIERS[t],
            "tier_zh": TIERS_ZH[t],
            "customers": count[t],
            "mean_clv_history": past[t] / count[t] if count[t] else 0.0,
            "mean_clv_future": ahead[t] / count[t] if count[t] else 0.0,
            "mean_clv": total[t] / count[t] if count[t] else 0.0,
            "negative_share": below[t] / count[t] if count[t] else 0.0,
        }
        for t in range(k)
    ]


def _count(number: int, noun: str) -> str:
    """'1 customer', '17 customers': summaries are sentences a student reads."""
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def summary(result: Mapping[str, Any]) -> str:
    """The analysis in two sentences a seller can act on (as ``relsell.analytics.summary``)."""
    needed = ("tiers", "segments", "clv", "n_customers")
    if not isinstance(result, Mapping) or any(key not in result for key in needed):
        raise TypeError(f"summary needs the result of analyse(...); got {type(result).__name__}.")
    top, key = result["tiers"][0], result["tiers"][1]
    segments = {row["segment"]: row for row in result["segments"]}
    high_end = int(top["customers"])
    negative = int(result["clv"]["negative"])
    bring = "brings" if high_end == 1 else "bring"
    return (
        f"Of {_count(int(result['n_customers']), 'customer')}, "
        f"{_count(high_end, 'high-end customer')} "
        f"({top['customer_share']:.0%}) {bring} {top['revenue_share']:.0%} of revenue, and "
        f"high-end plus key customers ({top['customer_share'] + key['customer_share']:.0%}) "
        f"bring {top['revenue_share'] + key['revenue_share']:.0%}. RFM finds "
        f"{_count(int(segments['Champions']['customers']), 'champion')} and "
        f"{_count(int(segments[SEGMENT_NAMES[4]]['customers']), 'good customer')} going quiet; "
        f"{_count(negative, 'customer')} {'has' if negative == 1 else 'have'} a negative CLV "
        "under the current assumptions."
    )


def analyse(
    rows: Iterable[object] | CustomerBook,
    *,
    cutoffs: Sequence[float] = DEFAULT_CUTOFFS,
    assumptions: CLVAssumptions | None = None,
    as_of: object = None,
    per_customer: bool = True,
) -> dict[str, Any]:
    """ABC tier, RFM scores and segment, and CLV of every customer, as plain data.

    ``rows`` are the purchases of :func:`read_csv` (or (customer_id, day, amount) tuples, or
    a :class:`CustomerBook` from :func:`prepare` to skip the grouping when only settings
    change). Keys: ``tiers`` and ``segments`` (the records of ``Analysis.abc_table()`` and
    ``segment_table()``; a segment without customers has ``None`` as its means, where pandas
    has NaN), ``pareto`` (the curve, see :func:`pareto_curve`), ``clv`` (``tiers``:
    :func:`clv_by_tier`; ``negative``, ``total``, ``mean``), ``customers`` (one record per
    customer, in order of first appearance; left out with ``per_customer=False``), counts,
    settings and ``summary``.
    """
    cutoffs = check_cutoffs(cutoffs)
    assumptions = clv_assumptions(assumptions)
    if isinstance(rows, CustomerBook) and as_of is not None:
        raise TypeError("as_of is set when the book is prepared: prepare(rows, as_of=...).")
    book = prepare(rows, as_of=as_of)
    n = book.n_customers
    recency = [book.as_of_day - last for last in book.last_day]
    r, f, m = _scores(book.last_day), _scores(book.frequency), _scores(book.cents)
    segment = [_segment(*scores) for scores in zip(r, f, m, strict=True)]
    tier = _tier_codes(book.cents, cutoffs)
    years, history, future = _clv(book, assumptions)
    monetary = [c / 100.0 for c in book.cents]

    tier_count, tier_revenue = [0] * len(TIERS), [0.0] * len(TIERS)
    for code, money in zip(tier, monetary, strict=True):
        tier_count[code] += 1
        tier_revenue[code] += money
    tiers = [
        {
            "tier": TIERS[t],
            "tier_zh": TIERS_ZH[t],
            "customers": tier_count[t],
            "customer_share": tier_count[t] / max(n, 1),
            "revenue": tier_revenue[t],
            "revenue_share": share,
            "cutoff": [*cutoffs, 1.0][t],
        }
        for t, share in enumerate(_shares(tier_revenue))
    ]

    k = len(SEGMENTS)
    count, revenue = [0] * k, [0.0] * k
    sums = {"recency_days": [0.0] * k, "frequency": [0.0] * k, "rfm_score": [0.0] * k}
    for c in range(n):
        s = segment[c]
        count[s] += 1
        revenue[s] += monetary[c]
        sums["recency_days"][s] += recency[c]
        sums["frequency"][s] += book.frequency[c]
        sums["rfm_score"][s] += r[c] + f[c] + m[c]
    segments = [
        {
            "segment": SEGMENTS[s][0],
            "rule": SEGMENTS[s][1],
            "customers": count[s],
            "customer_share": count[s] / max(n, 1),
            "revenue_share": share,
            **{
                f"mean_{name}": (total[s] / count[s] if count[s] else None)
                for name, total in sums.items()
            },
            "action": SEGMENTS[s][2],
        }
        for s, share in enumerate(_shares(revenue))
    ]

    clv = [h + fut for h, fut in zip(history, future, strict=True)]
    result: dict[str, Any] = {
        "n_transactions": book.n_transactions,
        "n_customers": n,
        "as_of": _date_text(book.as_of_day),
        "cutoffs": list(cutoffs),
        "assumptions": assumptions.as_dict(),
        "tiers": tiers,
        "segments": segments,
        "pareto": pareto_curve(book.cents, tier_count),
        "clv": {
            "tiers": clv_by_tier(tier, history, future),
            "negative": sum(value < 0 for value in clv),
            "total": _sum(clv),
            "mean": _sum(clv) / n,
        },
    }
    result["summary"] = summary(result)
    if not per_customer:
        return result
    dates = {day: _date_text(day) for day in {*book.first_day, *book.last_day}}
    result["customers"] = [
        {
            "customer_id": book.customer_ids[c],
            "monetary": monetary[c],
            "frequency": book.frequency[c],
            "first_purchase": dates[book.first_day[c]],
            "last_purchase": dates[book.last_day[c]],
            "recency_days": recency[c],
            "abc_tier": TIERS[tier[c]],
            "r_score": r[c],
            "f_score": f[c],
            "m_score": m[c],
            "rfm_score": r[c] + f[c] + m[c],
            "segment": SEGMENTS[segment[c]][0],
            "relationship_years": years[c],
            "clv_history": history[c],
            "clv_future": future[c],
            "clv": clv[c],
        }
        for c in range(n)
    ]
    return result
