"""What both chapter-4 paths share: the file format, the tiers and segments, the CLV assumptions.

``relsell.analytics`` (numpy, pandas) imports these from here, so there is one source of each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from ...checks import fraction
from ...errors import ModelInputError
from ...params import Param, checked

# ---- what a transactions file looks like ----------------------------------------------------
#: The three columns every analysis needs, in this order.
COLUMNS = ("customer_id", "date", "amount")

#: Tried in this order: UTF-8 (with or without the BOM Excel adds), then GB18030, the
#: superset of GBK/GB2312 that Chinese Excel and most Chinese ERP exports use.
ENCODINGS = ("utf-8-sig", "gb18030")

#: Largest upload the notebook accepts (20 MB, about 500,000 rows): bigger files belong in a
#: script, not in a notebook widget, and would make the widget slow for everyone on Binder.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024

#: Largest file the live page reads in the browser (2 MB, about 80,000 purchases: forty
#: times the course sample). Reading, grouping and analysing 2 MB takes about 0.45 s of CPU
#: in CPython and Pyodide is 2-3 times slower, so the page is busy for 1-1.5 s once per file
#: (a phone perhaps twice that) and a slider move then takes about 0.15 s. At 5 MB the first
#: wait would be 3-4 s on a laptop and the peak memory about 90 MB instead of about 40 MB.
#: Bigger files go to the notebook, which reads up to ``MAX_UPLOAD_BYTES``.
BROWSER_MAX_BYTES = 2 * 1024 * 1024

#: Header spellings accepted for each column (compared after lower-casing and removing
#: spaces, underscores, hyphens and dots). Common Chinese export headers are included.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "customer_id": (
        "customer_id",
        "customer",
        "customerid",
        "customer_no",
        "customer_code",
        "cust_id",
        "client_id",
        "client",
        "buyer_id",
        "member_id",
        "客户ID",
        "客户编号",
        "客户代码",
        "客户",
        "客户名称",
        "顾客ID",
        "顾客编号",
        "会员ID",
        "会员编号",
    ),
    "date": (
        "date",
        "order_date",
        "purchase_date",
        "transaction_date",
        "invoice_date",
        "invoicedate",
        "日期",
        "订单日期",
        "交易日期",
        "购买日期",
        "下单日期",
        "销售日期",
    ),
    "amount": (
        "amount",
        "value",
        "revenue",
        "sales",
        "total",
        "order_value",
        "sales_amount",
        "dollar_value",
        "金额",
        "订单金额",
        "交易金额",
        "销售金额",
        "销售额",
        "消费金额",
        "购买金额",
        "实付金额",
    ),
}

#: Dates a transaction may carry: pandas stores dates in nanoseconds, which reach from
#: 1677-09-21 to 2262-04-11; outside this range (start included, end excluded) a date is
#: reported as unreadable by both readers, never as a crash.
DATE_RANGE = (dt.datetime(1677, 9, 22), dt.datetime(2262, 4, 11))

#: 2024年3月1日, as Chinese spreadsheets often write dates: read as 2024-3-1.
CHINESE_DATE = r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"

#: Thousands separators, currency signs and spaces: how spreadsheets show money; dropped.
MONEY_NOISE = r"[,，¥￥$元\s]"

#: Every sentence about a bad file or table, as a template: both readers fill in the rows.
MESSAGES = {
    "empty_file": (
        "The file is empty. Upload a CSV whose first line holds the headers "
        "customer_id, date, amount and whose next lines hold one purchase each."
    ),
    "no_rows": (
        "The file has headers but no transactions. Add one row per purchase below the headers."
    ),
    "no_table": (
        "The table has no transactions. Provide at least one row with a customer ID, "
        "a date and an amount."
    ),
    "encoding": (
        "Cannot read the file's text: it is neither UTF-8 nor GB18030/GBK. "
        "In Excel choose 'Save as' > 'CSV UTF-8 (comma delimited)' and upload that file."
    ),
    "header_twice": ("The header names a column twice: {names}. Give every column its own name."),
    "width": (
        "Row {line} has {found} values but the header has {expected} columns. Check for "
        "commas inside amounts or names (put such values in quotes) and for missing values."
    ),
    "not_csv": (
        "The file is not a well-formed CSV near row {line} ({problem}). "
        "Save it again from the spreadsheet as CSV."
    ),
    "missing_columns": "The file is missing columns: {problems}. Headers found: {found}.",
    "missing_column": (
        "no {english} column{guess}; name it '{column}' (also accepted: {examples}, {chinese})"
    ),
    "guess": " (is '{header}' meant to be '{alias}'? rename it)",
    "blank_id": (
        "The customer ID is empty in {rows}. Every purchase needs the customer who made it."
    ),
    "bad_date": (
        "Cannot read the date in {rows} (found {found}). "
        "Write dates as 2024-03-31 (year-month-day)."
    ),
    "not_a_number": (
        "The amount is not a number in {rows} (found {found}). "
        "Enter amounts as plain numbers in yuan, such as 1280.50."
    ),
    "infinite": (
        "The amount is infinite in {rows}. Enter amounts as plain numbers in yuan, such as 1280.50."
    ),
    "negative": (
        "The amount is negative in {rows} (found {found:g}). Amounts must be 0 or more; "
        "subtract returns and refunds from the original purchase before uploading."
    ),
    "duplicates": (
        "Duplicate transactions: {rows} {verb} an earlier row exactly (same customer, date "
        "and amount). Remove the copies, or, if they are export errors, tick 'Drop exact "
        "duplicate rows' (drop_duplicates=True)."
    ),
    "too_big": (
        "The file is {more}{size}; the limit is {limit}. Upload a smaller extract (for example "
        "one year or one region), or analyse the full file in a script with "
        "relsell.analytics.read_transactions(path, max_bytes=...)."
    ),
    "too_big_browser": (
        "{subject} is {size}; the limit in the browser is {limit}. Upload a smaller extract "
        "(for example one year or one region), or open this chapter's notebook (on Binder, "
        "Colab or your own computer), which reads files up to {notebook_limit}."
    ),
    "not_bytes": "Expected CSV bytes or text; got {kind}.",
    "as_of": "{name} must be a date such as '2025-01-01'; got {value!r}.",
    "as_of_early": (
        "The analysis date must be after the last purchase ({latest}); choose a later as_of."
    ),
}

# ---- ABC, RFM and CLV conventions ------------------------------------------------------------
TIERS = ("High-end", "Key", "Medium", "Small")
TIERS_ZH = ("高端客户", "大客户", "中等客户", "小客户")
DEFAULT_CUTOFFS = (0.5, 0.8, 0.95)

#: (name, rule, what a seller does), in the order the rules are applied.
SEGMENTS: tuple[tuple[str, str, str], ...] = (
    (
        "Champions",
        "R ≥ 4, F ≥ 4, M ≥ 4",
        "Visit in person; ask for referrals and plan the next order together.",
    ),
    (
        "Loyal customers",
        "R ≥ 3, F ≥ 4 (not champions)",
        "Keep regular contact; offer related products and service reviews.",
    ),
    (
        "New customers",
        "R ≥ 4, F ≤ 3",
        "Follow up after the first orders so a second and third purchase follow.",
    ),
    (
        "Needs attention",
        "R = 3, F ≤ 3",
        "Call to learn what they need before they drift away.",
    ),
    (
        "Can't lose them",
        "R ≤ 2, F ≥ 4 or M ≥ 4",
        "Good customers going quiet: a senior seller calls or visits now.",
    ),
    (
        "Hibernating",
        "R ≤ 2, F ≤ 3, M ≤ 3",
        "Low-cost contact only: letter, e-mail or online offers.",
    ),
)
SEGMENT_NAMES = tuple(s[0] for s in SEGMENTS)

#: A relationship year of CLV: whole 365-day years since the customer's first purchase.
YEAR_DAYS = 365

#: The CLV assumptions, declared once: their checks here, the notebook's and the page's
#: controls from ``PARAMS`` below. Illustrative course figures, not the source's.
CLV_PARAMS = (
    Param(
        "margin_rate",
        "Gross margin rate",
        "share",
        default=0.3,
        hint="It is the share of each yuan of sales kept as gross profit, e.g. 0.3.",
    ),
    Param(
        "cost_per_order",
        "Cost per order",
        default=5.0,
        minimum=0,
        hint="Enter the cost of handling one order in yuan, 0 or more.",
    ),
    Param(
        "yearly_cost",
        "Yearly cost per customer",
        default=20.0,
        minimum=0,
        hint="Enter the yearly cost of visits, calls and service in yuan, 0 or more.",
    ),
    Param(
        "discount_rate",
        "Discount rate",
        default=0.08,
        minimum=0,
        maximum=1,
        hint="Enter a yearly rate such as 0.08 for 8 %.",
    ),
    Param(
        "future_years",
        "Future years",
        "whole",
        default=3,
        minimum=0,
        maximum=30,
        hint="Choose 0 (history only) to 30 years.",
    ),
    Param(
        "retention_rate",
        "Retention rate",
        "share",
        default=0.7,
        hint="It is the chance a customer buys again next year, e.g. 0.7.",
    ),
)


@dataclass(frozen=True)
@checked(CLV_PARAMS)
class CLVAssumptions:
    """Assumptions for CLV from transactions; illustrative course figures, not the source's."""

    margin_rate: float = 0.3
    cost_per_order: float = 5.0
    yearly_cost: float = 20.0
    discount_rate: float = 0.08
    future_years: int = 3
    retention_rate: float = 0.7

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def clv_assumptions(assumptions: object) -> CLVAssumptions:
    """``assumptions`` checked, or the defaults for ``None`` (both analysis paths use this)."""
    if assumptions is None:
        return CLVAssumptions()
    if not isinstance(assumptions, CLVAssumptions):
        raise TypeError(
            f"assumptions must be a CLVAssumptions(...) or None; got {type(assumptions).__name__}."
        )
    return assumptions


def check_cutoffs(cutoffs: Sequence[float]) -> tuple[float, float, float]:
    """Three cumulative revenue shares, strictly increasing, each between 0 and 1."""
    if isinstance(cutoffs, (str, bytes)) or not isinstance(cutoffs, Sequence):
        raise TypeError(f"cut-offs must be three shares such as (0.5, 0.8, 0.95); got {cutoffs!r}.")
    if len(cutoffs) != 3:
        raise ModelInputError(
            f"ABC needs three cut-offs for four tiers (high-end, key, medium, small); "
            f"got {len(cutoffs)}. Use e.g. (0.5, 0.8, 0.95)."
        )
    names = ("High-end cut-off", "Key cut-off", "Medium cut-off")
    first, second, third = (
        fraction(name, value, hint="It is a cumulative share of revenue, e.g. 0.8 for 80 %.")
        for name, value in zip(names, cutoffs, strict=True)
    )
    if not first < second < third:
        raise ModelInputError(
            "Cut-offs must increase from tier to tier (high-end < key < medium); got "
            + ", ".join(f"{v:.0%}" for v in (first, second, third))
            + ". Move the sliders so each is larger than the one before."
        )
    if first <= 0:
        raise ModelInputError(
            "The high-end cut-off must be above 0 %; with 0 % no customer can be high-end."
        )
    return first, second, third
