"""Transactions in, one clean table out: the gate every analysis of chapter 4 goes through.

ABC, RFM and CLV all start from the same three facts about each purchase: **who** bought
(``customer_id``), **when** (``date``) and **how much** (``amount``, in yuan). Sellers get
these from an ERP or a spreadsheet export, often with Chinese headers and in a Chinese
Excel encoding. A wrong file must never end in a traceback: every problem is reported as a
:class:`TransactionsError` whose message says what is wrong, where, and what to do.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import TransactionsError

__all__ = [
    "COLUMNS",
    "COLUMN_ALIASES",
    "ENCODINGS",
    "MAX_UPLOAD_BYTES",
    "TransactionsError",
    "read_transactions",
    "validate_transactions",
    "standardise_columns",
]

#: The three columns every analysis needs, in this order.
COLUMNS = ("customer_id", "date", "amount")

#: Tried in this order: UTF-8 (with or without the BOM Excel adds), then GB18030, the
#: superset of GBK/GB2312 that Chinese Excel and most Chinese ERP exports use.
ENCODINGS = ("utf-8-sig", "gb18030")

#: Largest upload accepted (20 MB, about 500,000 rows): bigger files belong in a script,
#: not in a notebook widget, and would make the widget slow for everyone on Binder.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024

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

_ENGLISH_NAMES = {"customer_id": "customer ID", "date": "date", "amount": "amount"}


def _key(name: object) -> str:
    return re.sub(r"[\s_\-.]+", "", str(name)).lower()


_LOOKUP = {_key(alias): column for column, aliases in COLUMN_ALIASES.items() for alias in aliases}


def _rows(positions: np.ndarray, lines: np.ndarray | None, limit: int = 5) -> str:
    """Spreadsheet row numbers of the first problems, e.g. 'rows 3, 7 and 12 more'.

    ``lines`` maps table positions to line numbers in the file (header = line 1); without
    it, position 0 is row 2, as in a spreadsheet with one header row.
    """
    numbers = (lines[positions] if lines is not None else positions + 2).tolist()
    shown = ", ".join(str(n) for n in numbers[:limit])
    more = f" and {len(numbers) - limit} more" if len(numbers) > limit else ""
    word = "row" if len(numbers) == 1 else "rows"
    return f"{word} {shown}{more}"


def _shown(value: object) -> str:
    """How a bad cell is quoted in a message: its text, or 'an empty cell'."""
    if value is None or pd.isna(value) or str(value).strip() == "":
        return "an empty cell"
    return repr(str(value))


def _closest(headers: list[str], aliases: tuple[str, ...]) -> tuple[str, str] | None:
    """The header most like one of ``aliases`` (a likely misspelling), if any is close."""
    best: tuple[float, str, str] | None = None
    for header in headers:
        for alias in aliases:
            ratio = difflib.SequenceMatcher(None, _key(header), _key(alias)).ratio()
            if ratio >= 0.5 and (best is None or ratio > best[0]):
                best = (ratio, header, alias)
    return None if best is None else (best[1], best[2])


def standardise_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Rename recognised headers (``客户ID``, ``Order Date``, ``金额`` …) to ``COLUMNS``.

    Raises :class:`TransactionsError` naming each missing column, the closest header in
    the file (a likely misspelling) and the accepted spellings.
    """
    renames: dict[object, str] = {}
    for header in frame.columns:
        column = _LOOKUP.get(_key(header))
        if column is not None and column not in renames.values():
            renames[header] = column
    missing = [c for c in COLUMNS if c not in renames.values()]
    if missing:
        problems = []
        unused = [str(h) for h in frame.columns if h not in renames]
        for column in missing:
            guess = ""
            best = _closest(unused, COLUMN_ALIASES[column])
            if best is not None:
                header, alias = best
                guess = f" (is '{header}' meant to be '{alias}'? rename it)"
            examples = ", ".join(COLUMN_ALIASES[column][1:3])
            chinese = next(a for a in COLUMN_ALIASES[column] if re.search(r"[\u4e00-\u9fff]", a))
            problems.append(
                f"no {_ENGLISH_NAMES[column]} column{guess}; name it '{column}' "
                f"(also accepted: {examples}, {chinese})"
            )
        found = ", ".join(f"'{h}'" for h in frame.columns) or "none"
        raise TransactionsError(
            "The file is missing columns: " + "; ".join(problems) + f". Headers found: {found}."
        )
    return frame.rename(columns=renames)[list(COLUMNS)]


def _parse_amounts(raw: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        return raw.astype("float64")
    text = raw.astype("string").str.strip()
    # Thousands separators and currency signs are how spreadsheets show money; drop them.
    text = text.str.replace(r"[,，¥￥$元\s]", "", regex=True)
    return pd.to_numeric(text, errors="coerce").astype("float64")


def validate_transactions(
    frame: pd.DataFrame, *, drop_duplicates: bool = False, _lines: np.ndarray | None = None
) -> pd.DataFrame:
    """Check a transactions table and return it clean: ``customer_id`` (categorical text),
    ``date`` (datetime64) and ``amount`` (float, yuan), in the original row order.

    Every check names the spreadsheet rows at fault. Exact duplicate rows are an error
    unless ``drop_duplicates=True``: a row exported twice would count a purchase twice
    and push that customer up the ABC pyramid and the RFM frequency score.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TransactionsError(
            f"Expected a table (pandas DataFrame) of transactions; got {type(frame).__name__}."
        )
    if frame.empty:
        raise TransactionsError(
            "The table has no transactions. Provide at least one row with a customer ID, "
            "a date and an amount."
        )
    table = standardise_columns(frame).reset_index(drop=True)

    def where(mask: object) -> np.ndarray:
        return np.flatnonzero(np.asarray(mask, dtype=bool))

    id_text = table["customer_id"].astype("string").str.strip()
    blank = where(id_text.isna() | (id_text == ""))
    if len(blank):
        raise TransactionsError(
            f"The customer ID is empty in {_rows(blank, _lines)}. "
            "Every purchase needs the customer who made it."
        )

    raw_dates = table["date"]
    if pd.api.types.is_datetime64_any_dtype(raw_dates):
        dates = raw_dates
    else:
        date_text = raw_dates.astype("string").str.strip()
        # 2024年3月1日, as Chinese spreadsheets often write dates
        date_text = date_text.str.replace(
            r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$", r"\1-\2-\3", regex=True
        )
        dates = pd.to_datetime(date_text, errors="coerce", format="mixed", yearfirst=True)
    bad = where(dates.isna())
    if len(bad):
        raise TransactionsError(
            f"Cannot read the date in {_rows(bad, _lines)} "
            f"(found {_shown(raw_dates.iloc[bad[0]])}). Write dates as 2024-03-31 (year-month-day)."
        )
    if dates.dt.tz is not None:
        dates = dates.dt.tz_localize(None)

    amounts = _parse_amounts(table["amount"])
    bad = where(amounts.isna())
    if len(bad):
        raise TransactionsError(
            f"The amount is not a number in {_rows(bad, _lines)} "
            f"(found {_shown(table['amount'].iloc[bad[0]])}). "
            "Enter amounts as plain numbers in yuan, such as 1280.50."
        )
    bad = where(~np.isfinite(amounts.to_numpy()))
    if len(bad):
        raise TransactionsError(
            f"The amount is infinite in {_rows(bad, _lines)}. "
            "Enter amounts as plain numbers in yuan, such as 1280.50."
        )
    bad = where(amounts < 0)
    if len(bad):
        raise TransactionsError(
            f"The amount is negative in {_rows(bad, _lines)} (found {amounts.iloc[bad[0]]:g}). "
            "Amounts must be 0 or more; subtract returns and refunds from the original "
            "purchase before uploading."
        )

    # Customer IDs as a categorical column: every analysis groups by customer, and the
    # integer codes make that grouping a single bincount instead of hashing strings again.
    id_codes, id_values = pd.factorize(id_text.astype(str))
    clean = pd.DataFrame(
        {
            "customer_id": pd.Categorical.from_codes(id_codes, categories=id_values),
            "date": dates.astype("datetime64[ns]"),
            "amount": amounts,
        }
    )
    duplicated = clean.duplicated(keep="first").to_numpy()
    if duplicated.any():
        if not drop_duplicates:
            bad = where(duplicated)
            verb = "repeats" if len(bad) == 1 else "repeat"
            raise TransactionsError(
                f"Duplicate transactions: {_rows(bad, _lines)} {verb} an earlier row exactly "
                "(same customer, date and amount). Remove the copies, or, if they are export "
                "errors, tick 'Drop exact duplicate rows' (drop_duplicates=True)."
            )
        clean = clean[~duplicated].reset_index(drop=True)
    return clean


def _decode(data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TransactionsError(
        "Cannot read the file's text: it is neither UTF-8 nor GB18030/GBK. "
        "In Excel choose 'Save as' > 'CSV UTF-8 (comma delimited)' and upload that file."
    )


def read_transactions(
    source: bytes | str | PathLike | io.IOBase,
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    drop_duplicates: bool = False,
) -> pd.DataFrame:
    """Read a CSV of transactions (bytes, CSV text, a path or an open file) and validate it.

    Encodings are tried in the order of ``ENCODINGS``; the size is checked before
    anything is parsed. Returns the table of :func:`validate_transactions`.
    """
    if isinstance(source, str) and "\n" in source:
        source = source.encode("utf-8")  # CSV text typed or pasted into a cell
    if isinstance(source, (str, PathLike)):
        path = Path(source)
        if not path.is_file():
            raise TransactionsError(f"No file at {str(path)!r}. Check the path and the name.")
        size = path.stat().st_size
        if size > max_bytes:
            raise TransactionsError(_too_big(size, max_bytes))
        data = path.read_bytes()
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif hasattr(source, "read"):
        data = source.read(max_bytes + 1)  # never more than one byte over the limit
        if isinstance(data, str):
            data = data.encode("utf-8")
        if len(data) > max_bytes:
            raise TransactionsError(_too_big(len(data), max_bytes, at_least=True))
    else:
        raise TransactionsError(
            f"Expected CSV bytes, a file path or an open file; got {type(source).__name__}."
        )
    if len(data) > max_bytes:
        raise TransactionsError(_too_big(len(data), max_bytes))
    text = _decode(data)
    if not text.strip():
        raise TransactionsError(
            "The file is empty. Upload a CSV whose first line holds the headers "
            "customer_id, date, amount and whose next lines hold one purchase each."
        )
    header, rows, lines = _split_csv(text)
    if not rows:
        raise TransactionsError(
            "The file has headers but no transactions. Add one row per purchase below the headers."
        )
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    return validate_transactions(frame, drop_duplicates=drop_duplicates, _lines=lines)


def _split_csv(text: str) -> tuple[list[str], list[list[str]], np.ndarray]:
    """Header, data rows and each row's line number; a row of the wrong width is an error."""
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        for record in reader:
            if not any(field.strip() for field in record):
                continue  # blank lines, as spreadsheets leave them at the end
            if header is None:
                header = [field.strip() for field in record]
                if len(set(header)) != len(header):
                    twice = sorted({h for h in header if header.count(h) > 1})
                    raise TransactionsError(
                        f"The header names a column twice: {', '.join(twice)}. "
                        "Give every column its own name."
                    )
                continue
            if len(record) != len(header):
                raise TransactionsError(
                    f"Row {reader.line_num} has {len(record)} values but the header has "
                    f"{len(header)} columns. Check for commas inside amounts or names "
                    "(put such values in quotes) and for missing values."
                )
            rows.append(record)
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise TransactionsError(
            f"The file is not a well-formed CSV near row {reader.line_num} ({exc}). "
            "Save it again from the spreadsheet as CSV."
        ) from None
    return header or [], rows, np.asarray(lines, dtype=np.int64)


def _megabytes(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    return f"{size / 1024 / 1024:.1f} MB" if size >= 100 * 1024 else f"{size / 1024:.1f} KB"


def _too_big(size: int, limit: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"The file is {more}{_megabytes(size if not at_least else limit)}; "
        f"the limit is {_megabytes(limit)}. "
        "Upload a smaller extract (for example one year or one region), or analyse the full "
        "file in a script with relsell.analytics.read_transactions(path, max_bytes=...)."
    )
