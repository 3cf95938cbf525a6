"""Chapter 4's ABC tiers, RFM segments and CLV in plain Python, so they run in the browser too.

Why a second implementation: the live page runs the course's models with Pyodide's core only,
which has no numpy and no pandas, yet chapter 4 asks students to differentiate customers by
value (ABC, RFM, CLV) on the course sample *and on a CSV from their own computer*.
``relsell.analytics`` does the same work vectorised, for data at scale in the notebooks; this
module gives the same numbers, the same summary sentence and the same messages for a bad file
with the standard library only. The unit tests compare the two on the sample, on the CDNOW
data and on random tables.

It is also the one home of what both share: the tiers and cut-offs, the RFM segments, the
accepted column names, the messages about a bad file, the size limits and the CLV
assumptions with their checks. ``relsell.analytics`` imports them from here.

Conventions (documented in ``relsell.analytics``): tiers by cumulative revenue share
(``abc_analysis``), RFM scores by quintile of rank (``rfm``), CLV with the source's formula
(``clv``). Where the pandas reader's date parsing cannot be copied exactly, see
:func:`parse_date`.

The package: ``conventions`` (what both paths share), ``reading`` (the CSV reader),
``analysis`` (ABC, RFM, CLV) and ``explorer`` (the live page's controls and data).
"""

from __future__ import annotations

from .analysis import CustomerBook, analyse, clv_by_tier, pareto_curve, prepare, summary
from .conventions import (
    BROWSER_MAX_BYTES,
    CHINESE_DATE,
    CLV_PARAMS,
    COLUMN_ALIASES,
    COLUMNS,
    DATE_RANGE,
    DEFAULT_CUTOFFS,
    ENCODINGS,
    MAX_UPLOAD_BYTES,
    MESSAGES,
    MONEY_NOISE,
    SEGMENT_NAMES,
    SEGMENTS,
    TIERS,
    TIERS_ZH,
    YEAR_DAYS,
    CLVAssumptions,
    check_cutoffs,
    clv_assumptions,
)
from .explorer import PARAMS, VIEWS, run, run_on, use_data, use_sample
from .reading import (
    Purchase,
    Transactions,
    decode_text,
    match_columns,
    parse_amount,
    parse_date,
    read_csv,
    row_list,
    shown_cell,
    split_csv,
    too_big,
)

__all__ = [
    # shared with relsell.analytics
    "COLUMNS",
    "COLUMN_ALIASES",
    "ENCODINGS",
    "MAX_UPLOAD_BYTES",
    "BROWSER_MAX_BYTES",
    "MESSAGES",
    "TIERS",
    "TIERS_ZH",
    "DEFAULT_CUTOFFS",
    "SEGMENTS",
    "SEGMENT_NAMES",
    "YEAR_DAYS",
    "DATE_RANGE",
    "CHINESE_DATE",
    "MONEY_NOISE",
    "CLV_PARAMS",
    "CLVAssumptions",
    "clv_assumptions",
    "check_cutoffs",
    "match_columns",
    "decode_text",
    "split_csv",
    "row_list",
    "shown_cell",
    "too_big",
    # the pure path
    "Purchase",
    "Transactions",
    "read_csv",
    "parse_date",
    "parse_amount",
    "CustomerBook",
    "prepare",
    "analyse",
    "summary",
    "pareto_curve",
    "clv_by_tier",
    "VIEWS",
    "PARAMS",
    "run",
    "run_on",
    "use_data",
    "use_sample",
]
