"""Reading a transactions CSV with the standard library: the same checks and messages as
``relsell.analytics.read_transactions``, whose shared pieces live here too."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ...errors import TransactionsError
from .conventions import (
    BROWSER_MAX_BYTES,
    CHINESE_DATE,
    COLUMN_ALIASES,
    COLUMNS,
    DATE_RANGE,
    ENCODINGS,
    MAX_UPLOAD_BYTES,
    MESSAGES,
    MONEY_NOISE,
)

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
