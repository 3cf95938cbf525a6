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
"""

from __future__ import annotations

import bisect
import codecs
import csv
import dataclasses
import datetime as dt
import difflib
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from numbers import Integral, Real
from typing import Any, NamedTuple

from ..checks import fraction
from ..errors import ModelInputError, TransactionsError
from ..params import Param, checked, defaults

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


# ---- reading a file: the pieces both readers share ------------------------------------------
_ENGLISH_NAMES = {"customer_id": "customer ID", "date": "date", "amount": "amount"}


def _key(name: object) -> str:
    return re.sub(r"[\s_\-.]+", "", str(name)).lower()


_LOOKUP = {_key(alias): column for column, aliases in COLUMN_ALIASES.items() for alias in aliases}


def _closest(headers: list[str], aliases: tuple[str, ...]) -> tuple[str, str] | None:
    """The header most like one of ``aliases`` (a likely misspelling), if any is close."""
    best: tuple[float, str, str] | None = None
    for header in headers:
        for alias in aliases:
            ratio = difflib.SequenceMatcher(None, _key(header), _key(alias)).ratio()
            if ratio >= 0.5 and (best is None or ratio > best[0]):
                best = (ratio, header, alias)
    return None if best is None else (best[1], best[2])


def match_columns(headers: Sequence[object]) -> dict[object, str]:
    """Which header holds which of ``COLUMNS`` (``客户ID``, ``Order Date``, ``金额`` …).

    Raises :class:`TransactionsError` naming each missing column, the closest header in the
    file (a likely misspelling) and the accepted spellings.
    """
    renames: dict[object, str] = {}
    for header in headers:
        column = _LOOKUP.get(_key(header))
        if column is not None and column not in renames.values():
            renames[header] = column
    missing = [c for c in COLUMNS if c not in renames.values()]
    if missing:
        problems = []
        unused = [str(h) for h in headers if h not in renames]
        for column in missing:
            guess = ""
            best = _closest(unused, COLUMN_ALIASES[column])
            if best is not None:
                guess = MESSAGES["guess"].format(header=best[0], alias=best[1])
            chinese = next(a for a in COLUMN_ALIASES[column] if re.search(r"[\u4e00-\u9fff]", a))
            problems.append(
                MESSAGES["missing_column"].format(
                    english=_ENGLISH_NAMES[column],
                    guess=guess,
                    column=column,
                    examples=", ".join(COLUMN_ALIASES[column][1:3]),
                    chinese=chinese,
                )
            )
        found = ", ".join(f"'{h}'" for h in headers) or "none"
        raise TransactionsError(
            MESSAGES["missing_columns"].format(problems="; ".join(problems), found=found)
        )
    return renames


def row_list(numbers: Sequence[int], limit: int = 5) -> str:
    """Spreadsheet row numbers of the first problems, e.g. 'rows 3, 7 and 12 more'."""
    shown = ", ".join(str(n) for n in numbers[:limit])
    more = f" and {len(numbers) - limit} more" if len(numbers) > limit else ""
    word = "row" if len(numbers) == 1 else "rows"
    return f"{word} {shown}{more}"


def shown_cell(value: object) -> str:
    """How a bad cell is quoted in a message: its text, or 'an empty cell'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "an empty cell"
    if str(value).strip() == "":
        return "an empty cell"
    return repr(str(value))


def decode_text(data: bytes) -> str:
    """The file's text, trying ``ENCODINGS`` in order; a message if none fits."""
    for encoding in ENCODINGS:
        try:
            return codecs.decode(data, encoding)
        except UnicodeDecodeError:
            continue
    raise TransactionsError(MESSAGES["encoding"])


def split_csv(text: str) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, data rows and each row's line number; empty, header-only and ragged files
    are explained. Blank lines (spreadsheets leave them at the end) are skipped."""
    if not text.strip():
        raise TransactionsError(MESSAGES["empty_file"])
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        for record in reader:
            # blank lines are skipped; the first field settles it for almost every row
            if not (record and record[0].strip()) and not any(f.strip() for f in record):
                continue
            if header is None:
                header = [field.strip() for field in record]
                if len(set(header)) != len(header):
                    twice = sorted({h for h in header if header.count(h) > 1})
                    raise TransactionsError(MESSAGES["header_twice"].format(names=", ".join(twice)))
                continue
            if len(record) != len(header):
                raise TransactionsError(
                    MESSAGES["width"].format(
                        line=reader.line_num, found=len(record), expected=len(header)
                    )
                )
            rows.append(record)
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise TransactionsError(
            MESSAGES["not_csv"].format(line=reader.line_num, problem=exc)
        ) from None
    if not rows:
        raise TransactionsError(MESSAGES["no_rows"])
    return header or [], rows, lines


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    return f"{size / 1024 / 1024:.1f} MB" if size >= 100 * 1024 else f"{size / 1024:.1f} KB"


def too_big(size: int, limit: int, *, at_least: bool = False) -> str:
    """The notebook's message for a file over ``limit`` bytes."""
    return MESSAGES["too_big"].format(
        more="more than " if at_least else "",
        size=_size(limit if at_least else size),
        limit=_size(limit),
    )


def _too_big_browser(size: int, name: str) -> str:
    subject = "Your file" if name == _DEFAULT_NAME else f"The file '{name}'"
    return MESSAGES["too_big_browser"].format(
        subject=subject,
        size=_size(size),
        limit=_size(BROWSER_MAX_BYTES),
        notebook_limit=_size(MAX_UPLOAD_BYTES),
    )


# ---- the pure reader -------------------------------------------------------------------------
class Purchase(NamedTuple):
    """One transaction: who, which day (days since 1970-01-01) and how much (yuan)."""

    customer_id: str
    day: int
    amount: float


_DEFAULT_NAME = "your file"
_EPOCH = dt.date(1970, 1, 1).toordinal()
_CHINESE_DATE = re.compile(CHINESE_DATE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_TIME = (
    r"(?:(?:T|\s+)(?P<H>[0-9]{1,2})(?::(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2})"
    r"(?:[.,](?P<F>[0-9]{1,9}))?)?)?(?:\s*(?P<P>[AaPp][Mm]))?)?"
    r"(?:\s*(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?))?"
)
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DATE_FORMATS = (  # (pattern, month first): the first that matches the whole text is used
    (r"(?P<y>[0-9]{4})(?P<s>[-/. ])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})", False),
    (r"(?P<m>[0-9]{1,2})(?P<s>[-/. ])(?P<d>[0-9]{1,2})(?P=s)(?P<y>[0-9]{4})", True),
    (r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})", False),
    (r"(?P<d>[0-9]{1,2})(?:-|\s+)" + _MONTH + r"(?:-|,?\s+)(?P<y>[0-9]{4})", False),
    (_MONTH + r"(?:-|\s+)(?P<d>[0-9]{1,2})(?:-|,?\s+)(?P<y>[0-9]{4})", False),
    (r"(?P<y>[0-9]{4})(?:-|\s+)" + _MONTH + r"(?:-|\s+)(?P<d>[0-9]{1,2})", False),
    (r"(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})", False),
    (r"(?P<y>[0-9]{4})", False),
)
_DATE_PATTERNS = tuple((re.compile(p + _TIME), month_first) for p, month_first in _DATE_FORMATS)


def parse_date(text: str) -> tuple[int, int] | None:
    """(day, microsecond of the day) of a date cell, or ``None`` if it cannot be read.

    Accepted, as the pandas reader reads them: 2024-03-31, 2024/3/31, 2024.3.31, 2024 3 31,
    20240331, 2024年3月31日, 3/31/2024 (month first, or day first when the first number is
    over 12, as dateutil), 31 March 2024, Mar 31, 2024, 2024-Mar-31, 2024-03 and 2024 (the
    first day), each with an optional time (10:30, 10:30:15.5, 10:30 PM) and time zone (Z,
    +08:00) that is dropped, keeping the local time. Not copied from pandas, whose
    ``format="mixed"`` is dateutil's far larger parser: two-digit years (24-03-31), six-digit
    dates (240331), mixed separators (2024-03/31), ordinals (Mar 31st), weekday and time-zone
    names, times without a date (pandas puts them on today's date) and "now"/"today" (the
    clock); they are reported as unreadable. pandas also refuses a column that mixes time
    zones, with its own message; this reader drops every zone. Fractions of a second are kept
    to the microsecond (pandas: nanosecond), which only matters for finding duplicate rows.
    """
    text = _CHINESE_DATE.sub(r"\1-\2-\3", text.strip())
    matched = next(
        ((found, first) for pattern, first in _DATE_PATTERNS if (found := pattern.fullmatch(text))),
        None,
    )
    if matched is None:
        return None
    found, month_first = matched
    part = found.groupdict()
    if part.get("mon") is not None:
        month = _MONTHS.get(part["mon"].lower())
        if month is None:
            return None
    else:
        month = int(part["m"]) if part.get("m") else 1
    day = int(part["d"]) if part.get("d") else 1
    if month_first and month > 12 and day <= 12:
        month, day = day, month
    hour, minute = int(part["H"] or 0), int(part["M"] or 0)
    second, micro = int(part["S"] or 0), int((part["F"] or "0")[:6].ljust(6, "0"))
    if part["P"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if part["P"].lower() == "pm" else 0)
    try:
        stamp = dt.datetime(int(part["y"]), month, day, hour, minute, second, micro)
    except ValueError:
        return None
    if not DATE_RANGE[0] <= stamp < DATE_RANGE[1]:
        return None
    return stamp.toordinal() - _EPOCH, ((hour * 60 + minute) * 60 + second) * 1_000_000 + micro


_MONEY_NOISE = re.compile(MONEY_NOISE)
_NUMBER = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)", re.IGNORECASE
)


def parse_amount(text: str) -> float | None:
    """An amount cell as a float (thousands separators, ¥, $ and 元 dropped), else ``None``.

    The same numbers as ``pandas.to_numeric`` reads: ASCII digits with an optional sign,
    point and exponent, and inf/infinity/nan (reported as infinite or not a number).
    """
    cleaned = _MONEY_NOISE.sub("", text.strip())
    if _NUMBER.fullmatch(cleaned) is None:
        return None
    return float(cleaned)


@dataclass(frozen=True)
class Transactions:
    """The checked purchases of a file, column by column, in file order.

    Columns rather than one tuple per purchase: a 2 MB file holds about 80,000 purchases,
    and three lists are built and grouped much faster than 80,000 small objects. Iterating
    gives :class:`Purchase` tuples.
    """

    name: str
    customer_ids: list[str]
    days: list[int]  # days since 1970-01-01
    amounts: list[float]  # yuan

    def __len__(self) -> int:
        return len(self.days)

    def __iter__(self) -> Iterator[Purchase]:
        for row in zip(self.customer_ids, self.days, self.amounts, strict=True):
            yield Purchase(*row)


_UNSEEN = (-1, -1)  # a date not parsed yet (parse_date never returns it)


def read_csv(
    data: bytes | bytearray | memoryview | str,
    name: str = _DEFAULT_NAME,
    *,
    max_bytes: int | None = None,
    drop_duplicates: bool = False,
) -> Transactions:
    """The purchases of a CSV file, in file order, checked as ``relsell.analytics`` checks them.

    Same checks in the same order and the same messages as ``read_transactions``: size,
    encoding (UTF-8, then GB18030), empty file, columns (Chinese headers accepted, the closest
    header suggested), blank customer IDs, dates (see :func:`parse_date` for the formats),
    amounts, duplicate rows. ``max_bytes=None`` applies the browser's limit
    (``BROWSER_MAX_BYTES``) with its own message naming ``name``; a number applies that limit
    with the notebook's message.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TransactionsError(MESSAGES["not_bytes"].format(kind=type(data).__name__))
    raw = bytes(data)
    if max_bytes is None and len(raw) > BROWSER_MAX_BYTES:
        raise TransactionsError(_too_big_browser(len(raw), name))
    if max_bytes is not None and len(raw) > max_bytes:
        raise TransactionsError(too_big(len(raw), max_bytes))
    header, rows, lines = split_csv(decode_text(raw))
    position = {column: header.index(str(h)) for h, column in match_columns(header).items()}
    at_id, at_date, at_amount = (position[c] for c in COLUMNS)

    # One pass: every problem is noted (the messages name all rows at fault, in the order
    # of the pandas reader's checks); the clean purchases are collected on the way.
    bad: dict[str, list[int]] = {
        "blank_id": [],
        "bad_date": [],
        "not_a_number": [],
        "infinite": [],
        "negative": [],
        "duplicates": [],
    }
    dates: dict[str, tuple[int, int] | None] = {}  # a file repeats few distinct dates
    seen: set[tuple[str, tuple[int, int], float]] = set()
    ids: list[str] = []
    days: list[int] = []
    amounts: list[float] = []
    number, inf = _NUMBER.fullmatch, math.inf
    for k, row in enumerate(rows):
        customer = row[at_id].strip()
        text = row[at_date]
        when = dates.get(text, _UNSEEN)
        if when is _UNSEEN:
            when = dates[text] = parse_date(text)
        cell = row[at_amount]
        amount = float(cell) if number(cell) else parse_amount(cell)
        ok = True
        if not customer:
            bad["blank_id"].append(k)
            ok = False
        if when is None:
            bad["bad_date"].append(k)
            ok = False
        if amount is None or amount != amount:
            bad["not_a_number"].append(k)
        elif amount == inf or amount == -inf:
            bad["infinite"].append(k)
        elif amount < 0:
            bad["negative"].append(k)
        elif ok and when is not None:
            key = (customer, when, amount)
            if key in seen:
                bad["duplicates"].append(k)
                continue
            seen.add(key)
            ids.append(customer)
            days.append(when[0])
            amounts.append(amount)

    for problem, where in bad.items():
        if not where or (problem == "duplicates" and drop_duplicates):
            continue
        first = rows[where[0]]
        details: dict[str, object] = {}
        if problem == "bad_date":
            details["found"] = shown_cell(first[at_date])
        elif problem == "not_a_number":
            details["found"] = shown_cell(first[at_amount])
        elif problem == "negative":
            details["found"] = parse_amount(first[at_amount])
        elif problem == "duplicates":
            details["verb"] = "repeats" if len(where) == 1 else "repeat"
        numbers = [lines[k] for k in where]
        raise TransactionsError(MESSAGES[problem].format(rows=row_list(numbers), **details))
    return Transactions(name, ids, days, amounts)


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
    if assumptions is None:
        assumptions = CLVAssumptions()
    elif not isinstance(assumptions, CLVAssumptions):
        raise TypeError(
            f"assumptions must be a CLVAssumptions(...) or None; got {type(assumptions).__name__}."
        )
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


# ---- the live page's controls ----------------------------------------------------------------
#: The chart views, as in the notebook explorer (``relsell.explorers.analytics.VIEWS``).
VIEWS = ("ABC pyramid", "RFM segments", "CLV by tier")

_CUTOFF_HINT = "It is a cumulative share of revenue, e.g. 0.8 for 80 %."
_CLV = {p.name: p for p in CLV_PARAMS}


def _slider(param: Param) -> Param:
    """A share on the explorer's slider: 5 % to 99 % in steps of 1 point."""
    return dataclasses.replace(param, low=0.05, high=0.99, step=0.01, percent=True)


#: The notebook explorer's controls (labels, ranges, defaults), for the live page. Values are
#: checked as the notebook checks them: cut-offs by ``check_cutoffs``, CLV assumptions by
#: ``CLVAssumptions`` (so a message reads the same in both places).
PARAMS = (
    Param(
        "view",
        "View",
        "choice",
        default=VIEWS[0],
        choices=VIEWS,
        hint="Choose the value pyramid (ABC), the RFM segments or CLV by ABC tier.",
    ),
    *(
        _slider(Param(name, label, "share", default=default, hint=_CUTOFF_HINT))
        for name, label, default in zip(
            ("high_end_cutoff", "key_cutoff", "medium_cutoff"),
            (
                "High-end: first … of revenue",
                "Key: up to … of revenue",
                "Medium: up to … of revenue",
            ),
            DEFAULT_CUTOFFS,
            strict=True,
        )
    ),
    _slider(_CLV["margin_rate"]),
    dataclasses.replace(
        _CLV["discount_rate"], label="Discount rate i", low=0.0, high=0.3, step=0.01, percent=True
    ),
    dataclasses.replace(_CLV["cost_per_order"], step=1, unit="yuan"),
    dataclasses.replace(_CLV["yearly_cost"], label="Yearly cost / customer", step=5),
    dataclasses.replace(_CLV["future_years"], high=10),
    _slider(_CLV["retention_rate"]),
)
_CUTOFF_NAMES = ("high_end_cutoff", "key_cutoff", "medium_cutoff")


@lru_cache(maxsize=1)
def _sample_book() -> CustomerBook:
    """The course sample (2,000 purchases, 200 customers), read and grouped once."""
    path = resources.files("relsell") / "data" / "transactions" / "sample_transactions.csv"
    return prepare(read_csv(path.read_bytes(), "sample_transactions.csv"))


def _label(what: str, book: CustomerBook) -> str:
    """What the data is, as the notebook explorer says it."""
    return f"{what} ({book.n_transactions:,} transactions, {book.n_customers:,} customers)"


# The data ``run`` analyses: the course sample until the page loads a student's file.
_current: dict[str, Any] = {}


def use_data(
    data: bytes | bytearray | memoryview | str,
    name: str = _DEFAULT_NAME,
    *,
    drop_duplicates: bool = False,
) -> str:
    """Analyse a student's CSV file from now on; returns what the data is, e.g.
    "uploaded file 'sales.csv' (3 transactions, 2 customers)". A bad file raises its message
    and keeps the data analysed so far (as the notebook's upload does)."""
    book = prepare(read_csv(data, name, drop_duplicates=drop_duplicates))
    _current["book"], _current["what"] = book, f"uploaded file '{name}'"
    return _label(_current["what"], book)


def use_sample() -> str:
    """Back to the course sample; returns what the data is."""
    _current.clear()
    return _label("course sample", _sample_book())


def run_on(
    rows: Iterable[object] | CustomerBook, label: str = "your table", **values: Any
) -> dict[str, Any]:
    """The explorer on other purchases (e.g. ``prepare(read_csv(data))``), as plain data.

    ``label`` says what the data is, in the summary line.
    """
    known = [p.name for p in PARAMS]
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise TypeError(
            f"Unknown setting(s) {', '.join(unknown)}; the settings are: {', '.join(known)}."
        )
    settings = {**defaults(PARAMS), **values}
    view = PARAMS[0].check(settings["view"])
    cutoffs = check_cutoffs([settings[name] for name in _CUTOFF_NAMES])
    assumptions = CLVAssumptions(**{name: settings[name] for name in _CLV})
    book = prepare(rows)
    # The page draws the aggregates; a big file has many customers to leave out.
    result = analyse(book, cutoffs=cutoffs, assumptions=assumptions, per_customer=False)
    result["data_label"] = _label(label, book)
    result["sentence"] = result["summary"]
    result["summary"] = f"Data: {result['data_label']}. {result['sentence']}"
    return {"view": view, **result}


def run(**values: Any) -> dict[str, Any]:
    """The notebook explorer at these settings (``PARAMS`` names), as plain data.

    On the course sample, or on the file given to :func:`use_data`. What :func:`analyse`
    returns without the per-customer records, plus ``view``, ``data_label`` and ``sentence``
    (the analysis sentence); ``summary`` is the explorer's line, "Data: course sample (2,000
    transactions, 200 customers). Of 200 customers, …". The chart is
    ``relsell.charts.analytics.figure_for_live(result)``.
    """
    if "book" in _current:
        return run_on(_current["book"], _current["what"], **values)
    return run_on(_sample_book(), "course sample", **values)
