"""Benchmarks behind the "Under the hood" notes.

Run from the repository root (the README shows the exact command)::

    taskset -c 0,1 python -m relsell_book.bench analytics --rows 1000000

``analytics`` generates ``--rows`` purchases (one customer per ten rows) and times the
same ABC + RFM + CLV computation three ways, in one process, on the same table:

* ``relsell``: :func:`relsell.analytics.analyse` (vectorised numpy, categorical codes);
* ``naive``: a loop over customers with pandas operations per customer, the code most
  of us write first; if a full run would take more than two minutes it runs on a sample of
  customers and the time is extrapolated (the output says so);
* ``duckdb``: the same aggregation as one SQL query in DuckDB (``pip install duckdb``;
  it is in requirements-dev.txt, never needed by the relsell package itself).

It also times one update of the ABC/RFM/CLV explorer widget on the generated customers.
The tests run :func:`run_analytics` on a tiny table to check that the engines agree;
they never time anything.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import io
import math
import os
import sys
import time
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from relsell.analytics import CLVAssumptions, analyse, generate_transactions
from relsell.analytics.abc_analysis import DEFAULT_CUTOFFS

__all__ = ["naive_analytics", "duckdb_analytics", "relsell_analytics", "run_analytics", "main"]

#: The columns every engine returns, per customer, sorted by customer_id.
RESULT_COLUMNS = ["customer_id", "cents", "frequency", "recency_days", "abc_tier",
                  "r_score", "f_score", "m_score", "segment", "clv"]  # fmt: skip

#: Run the naive loop on all customers when its estimate is at most this many seconds.
NAIVE_FULL_LIMIT = 120.0

DUCKDB_MISSING = (
    "DuckDB is not installed, so the DuckDB comparison is skipped. Install it with "
    "`pip install duckdb==2.0.0` (it is pinned in requirements-dev.txt)."
)


def relsell_analytics(
    transactions: pd.DataFrame,
    cutoffs: Sequence[float] = DEFAULT_CUTOFFS,
    assumptions: CLVAssumptions | None = None,
) -> pd.DataFrame:
    """ABC + RFM + CLV with relsell, in the benchmark's common result shape."""
    c = analyse(transactions, cutoffs=cutoffs, assumptions=assumptions).customers
    return pd.DataFrame(
        {
            "customer_id": c["customer_id"].astype(str),
            "cents": np.rint(c["monetary"].to_numpy() * 100).astype(np.int64),
            "frequency": c["frequency"],
            "recency_days": c["recency_days"],
            "abc_tier": c["abc_tier"].cat.codes.astype(np.int64),
            "r_score": c["r_score"],
            "f_score": c["f_score"],
            "m_score": c["m_score"],
            "segment": c["segment"].cat.codes.astype(np.int64),
            "clv": c["clv"],
        }
    )


# --------------------------------------------------------------------------- naive
def _naive_customer(group: pd.DataFrame, a: CLVAssumptions, as_of: pd.Timestamp) -> dict:
    """Everything about one customer, the way a first script would do it."""
    first = group["date"].min()
    last = group["date"].max()
    cents = 0
    history = 0.0
    net_total = 0.0
    for _, row in group.iterrows():
        cents += int(round(row["amount"] * 100))
        year = (row["date"] - first).days // 365
        net = a.margin_rate * row["amount"] - a.cost_per_order
        history += net * (1 + a.discount_rate) ** -year
        net_total += net
    years_known = ((as_of - first).days - 1) // 365
    for t in range(years_known + 1):
        history -= a.yearly_cost * (1 + a.discount_rate) ** -t
    yearly_net = net_total / (years_known + 1) - a.yearly_cost
    future = 0.0
    for k in range(1, a.future_years + 1):
        future += yearly_net * a.retention_rate**k * (1 + a.discount_rate) ** -(years_known + k)
    return {
        "cents": cents,
        "frequency": len(group),
        "last_day": (last - pd.Timestamp("1970-01-01")).days,
        "recency_days": (as_of - last).days,
        "clv": history + future,
    }


def _naive_scores(values: list) -> list[int]:
    ordered = sorted(values)
    return [1 + (5 * bisect.bisect_left(ordered, v)) // len(values) for v in values]


def naive_analytics(
    transactions: pd.DataFrame,
    cutoffs: Sequence[float] = DEFAULT_CUTOFFS,
    assumptions: CLVAssumptions | None = None,
    *,
    customers: Sequence[str] | None = None,
    as_of: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """The per-customer loop. ``customers`` restricts it to a sample (for timing only:
    ABC and RFM ranks are then relative to the sample)."""
    a = assumptions or CLVAssumptions()
    as_of = as_of if as_of is not None else transactions["date"].max() + pd.Timedelta(days=1)
    table = transactions
    if customers is not None:
        table = transactions[transactions["customer_id"].isin(customers)]
    rows = []
    for customer_id, group in table.groupby("customer_id", observed=True, sort=True):
        rows.append({"customer_id": str(customer_id), **_naive_customer(group, a, as_of)})
    total = sum(r["cents"] for r in rows)
    ordered = sorted(r["cents"] for r in rows)
    prefix = [0]
    for value in ordered:
        prefix.append(prefix[-1] + value)
    for r in rows:  # revenue of the customers who bought more (ties share a tier)
        above = total - prefix[bisect.bisect_right(ordered, r["cents"])]
        r["abc_tier"] = sum(above >= c * total for c in cutoffs)
    for key, score in (("last_day", "r_score"), ("frequency", "f_score"), ("cents", "m_score")):
        for r, s in zip(rows, _naive_scores([r[key] for r in rows]), strict=True):
            r[score] = s
    for r in rows:
        high_r, mid_r = r["r_score"] >= 4, r["r_score"] == 3
        frequent, big = r["f_score"] >= 4, r["m_score"] >= 4
        if high_r and frequent and big:
            r["segment"] = 0
        elif (high_r or mid_r) and frequent:
            r["segment"] = 1
        elif high_r:
            r["segment"] = 2
        elif mid_r:
            r["segment"] = 3
        elif frequent or big:
            r["segment"] = 4
        else:
            r["segment"] = 5
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


# --------------------------------------------------------------------------- duckdb
_SQL = """
WITH tx AS (
    SELECT customer_id,
           date_diff('day', DATE '1970-01-01', CAST("date" AS DATE)) AS day,
           amount,
           CAST(round(amount * 100) AS BIGINT) AS fen
    FROM transactions
),
firsts AS (
    SELECT customer_id, min(day) AS first_day FROM tx GROUP BY customer_id
),
per_customer AS (
    SELECT tx.customer_id,
           sum(fen) AS cents,
           count(*) AS frequency,
           max(day) AS last_day,
           any_value(f.first_day) AS first_day,
           sum(($margin * amount - $cpo)
               * power(1 + $rate, -CAST((day - f.first_day) // 365 AS DOUBLE))) AS disc_net,
           sum($margin * amount - $cpo) AS net_total
    FROM tx JOIN firsts f USING (customer_id)
    GROUP BY tx.customer_id
),
known AS (
    SELECT *, ($as_of - 1 - first_day) // 365 AS years_known FROM per_customer
),
ranked AS (
    SELECT *,
        sum(cents) OVER (ORDER BY cents
                         RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS up_to,
        sum(cents) OVER () AS total,
        count(*) OVER () AS n,
        rank() OVER (ORDER BY last_day) AS r_rank,
        rank() OVER (ORDER BY frequency) AS f_rank,
        rank() OVER (ORDER BY cents) AS m_rank
    FROM known
),
scored AS (
    SELECT *,
        1 + (5 * (r_rank - 1)) // n AS r_score,
        1 + (5 * (f_rank - 1)) // n AS f_score,
        1 + (5 * (m_rank - 1)) // n AS m_score
    FROM ranked
)
SELECT CAST(customer_id AS VARCHAR) AS customer_id,
       CAST(cents AS BIGINT) AS cents,
       frequency,
       $as_of - last_day AS recency_days,
       CAST(total - up_to >= $c1 * total AS INTEGER)
         + CAST(total - up_to >= $c2 * total AS INTEGER)
         + CAST(total - up_to >= $c3 * total AS INTEGER) AS abc_tier,
       r_score, f_score, m_score,
       CASE WHEN r_score >= 4 AND f_score >= 4 AND m_score >= 4 THEN 0
            WHEN r_score >= 3 AND f_score >= 4 THEN 1
            WHEN r_score >= 4 THEN 2
            WHEN r_score = 3 THEN 3
            WHEN f_score >= 4 OR m_score >= 4 THEN 4
            ELSE 5 END AS segment,
       disc_net
         - $yearly * (CASE WHEN $rate = 0 THEN years_known + 1
                      ELSE (1 - power(1 + $rate, -(years_known + 1.0))) / (1 - 1 / (1 + $rate))
                      END)
         + (net_total / (years_known + 1) - $yearly)
           * power(1 + $rate, -CAST(years_known AS DOUBLE)) * $ahead AS clv
FROM scored
"""


def duckdb_analytics(
    transactions: pd.DataFrame,
    cutoffs: Sequence[float] = DEFAULT_CUTOFFS,
    assumptions: CLVAssumptions | None = None,
    *,
    connection=None,
) -> pd.DataFrame:
    """The same ABC + RFM + CLV as one DuckDB SQL query over the pandas table."""
    import duckdb  # noqa: PLC0415 - optional, only for the benchmark

    a = assumptions or CLVAssumptions()
    con = connection or duckdb.connect()
    con.register("transactions", transactions)
    last = transactions["date"].max()
    as_of = (last - pd.Timestamp("1970-01-01")).days + 1
    ahead = sum(
        a.retention_rate**k * (1 + a.discount_rate) ** -k for k in range(1, a.future_years + 1)
    )
    params = {
        "margin": a.margin_rate,
        "cpo": a.cost_per_order,
        "rate": a.discount_rate,
        "yearly": a.yearly_cost,
        "ahead": float(ahead),
        "as_of": as_of,
        "c1": cutoffs[0],
        "c2": cutoffs[1],
        "c3": cutoffs[2],
    }
    result = con.execute(_SQL, params).df()
    con.unregister("transactions")
    return result


# --------------------------------------------------------------------------- running
def _best_time(function: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, value = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        best = min(best, time.perf_counter() - start)
    return best, value


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    return table.sort_values("customer_id", kind="stable").reset_index(drop=True)


def compare(left: pd.DataFrame, right: pd.DataFrame) -> list[str]:
    """Columns on which two engines disagree (CLV compared to 1e-6 yuan)."""
    left, right = _sorted(left), _sorted(right)
    problems = []
    if list(left["customer_id"]) != list(right["customer_id"]):
        return ["customer_id"]
    for column in RESULT_COLUMNS[1:]:
        a, b = left[column].to_numpy(dtype=float), right[column].to_numpy(dtype=float)
        if column == "clv":
            if not np.allclose(a, b, rtol=1e-9, atol=1e-6):
                problems.append(column)
        elif not np.array_equal(a, b):
            problems.append(column)
    return problems


def widget_update_seconds(transactions: pd.DataFrame, repeat: int = 5) -> float:
    """Median time of one explorer update (move an ABC cut-off), chart rendered to PNG."""
    from relsell.explorers.analytics import analytics_explorer

    times = []
    # Outside Jupyter the widget's display() would print the figure's repr: silence it.
    with contextlib.redirect_stdout(io.StringIO()):
        explorer = analytics_explorer(transactions)
        for k in range(repeat):
            start = time.perf_counter()
            explorer.controls["key_cutoff"].value = 0.75 + 0.01 * (k % 2)
            if explorer.last_error is not None:
                raise AssertionError(explorer.last_error)
            assert explorer.figure is not None  # no error, so the update drew a figure
            explorer.figure.savefig(io.BytesIO(), format="png")
            times.append(time.perf_counter() - start)
    return float(np.median(times))


def run_analytics(
    rows: int = 1_000_000,
    *,
    seed: int = 2024,
    repeat: int = 3,
    naive_sample: int | None = None,
    widget: bool = True,
    out=sys.stdout,
) -> dict[str, float]:
    """Time the three engines on ``rows`` generated purchases and print the report.

    ``naive_sample``: customers the naive loop runs on, the time being extrapolated to all
    customers. By default the loop runs on all customers if a 2,000-customer estimate says
    that takes at most ``NAIVE_FULL_LIMIT`` seconds, and the estimate is reported otherwise.
    Returns the timings and ratios.
    """
    transactions = generate_transactions(rows, seed=seed)
    n_customers = transactions["customer_id"].nunique()
    print(
        f"{rows:,} transactions, {n_customers:,} customers, "
        f"{len(os.sched_getaffinity(0))} CPU core(s) available",
        file=out,
    )
    results: dict[str, float] = {}
    relsell_time, mine = _best_time(lambda: relsell_analytics(transactions), repeat)
    results["relsell"] = relsell_time
    print(f"relsell: {relsell_time:.3f} s (best of {repeat})", file=out)

    def naive_on_sample(size: int) -> float:
        # Pick the sample's purchases first (not timed: a full naive run would not do
        # it), then time the loop on them.
        ids = transactions["customer_id"].cat.categories[:size]
        subset = transactions[transactions["customer_id"].isin(ids)]
        subset = subset.assign(customer_id=subset["customer_id"].cat.remove_unused_categories())
        as_of = transactions["date"].max() + pd.Timedelta(days=1)
        return _best_time(lambda: naive_analytics(subset, as_of=as_of), 1)[0]

    sample = naive_sample
    if sample is None and n_customers > 2000:
        # Estimate on 2,000 customers; run the whole loop only if that takes at most
        # NAIVE_FULL_LIMIT seconds, otherwise report the estimate.
        estimate = naive_on_sample(2000) * n_customers / 2000
        sample = None if estimate <= NAIVE_FULL_LIMIT else 2000
    if sample is None or sample >= n_customers:
        naive_time, naive = _best_time(lambda: naive_analytics(transactions), 1)
        note = "all customers, measured"
        problems = compare(mine, naive)
        if problems:
            raise AssertionError(f"relsell and the naive loop disagree on {problems}")
    else:
        part = naive_on_sample(sample)
        naive_time = part * n_customers / sample
        note = (
            f"measured {part:.2f} s on {sample:,} of the customers, "
            f"extrapolated x{n_customers / sample:,.0f}"
        )
    results["naive"] = naive_time
    print(f"naive:   {naive_time:.3f} s ({note})", file=out)

    try:
        import duckdb
    except ImportError:
        print(DUCKDB_MISSING, file=out)
        duck_time = math.nan
    else:
        con = duckdb.connect()
        threads = len(os.sched_getaffinity(0))
        con.execute(f"SET threads TO {threads}")
        duck_time, duck = _best_time(lambda: duckdb_analytics(transactions, connection=con), repeat)
        problems = compare(mine, duck)
        if problems:
            raise AssertionError(f"relsell and DuckDB disagree on {problems}")
        print(
            f"duckdb:  {duck_time:.3f} s (best of {repeat}, {threads} threads; "
            f"relsell takes {relsell_time / duck_time:.2f}x DuckDB's time)",
            file=out,
        )
    results["duckdb"] = duck_time

    if widget:
        update = widget_update_seconds(transactions)
        results["widget_update"] = update
        print(
            f"widget update: {update * 1000:.0f} ms (median of 5; {n_customers:,} customers, "
            "one ABC cut-off moved, chart rendered to PNG)",
            file=out,
        )
    results["naive_ratio"] = naive_time / relsell_time
    results["duckdb_ratio"] = duck_time / relsell_time
    duck_text = (
        "n/a (not installed)" if math.isnan(duck_time) else f"{duck_time / relsell_time:.2f}x"
    )
    print(
        f"relsell {relsell_time:.3f} s, naive {naive_time / relsell_time:,.0f}x slower, "
        f"duckdb {duck_text}",
        file=out,
    )
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m relsell_book.bench", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    analytics = commands.add_parser("analytics", help="ABC + RFM + CLV: relsell, naive, DuckDB")
    analytics.add_argument("--rows", type=int, default=1_000_000)
    analytics.add_argument("--seed", type=int, default=2024)
    analytics.add_argument("--repeat", type=int, default=3)
    analytics.add_argument(
        "--naive-sample", type=int, default=None, help="customers the naive loop runs on"
    )
    args = parser.parse_args(argv)
    if args.rows < 10:
        parser.error("--rows must be at least 10")
    run_analytics(args.rows, seed=args.seed, repeat=args.repeat, naive_sample=args.naive_sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
