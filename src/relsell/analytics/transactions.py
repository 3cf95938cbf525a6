"""Transactions in, one clean table out: the gate every analysis of chapter 4 goes through.

ABC, RFM and CLV all start from the same three facts about each purchase: **who** bought
(``customer_id``), **when** (``date``) and **how much** (``amount``, in yuan). Sellers get
these from an ERP or a spreadsheet export, often with Chinese headers and in a Chinese
Excel encoding. A wrong file must never end in a traceback: every problem is reported as a
:class:`TransactionsError` whose message says what is wrong, where, and what to do.
"""

from __future__ import annotations

import io
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import TransactionsError
from ..models.customer_analytics import (
    CHINESE_DATE,
    COLUMN_ALIASES,
    COLUMNS,
    DATE_RANGE,
    ENCODINGS,
    MAX_UPLOAD_BYTES,
    MESSAGES,
    MONEY_NOISE,
    decode_text,
    match_columns,
    row_list,
    shown_cell,
    split_csv,
    too_big,
)

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

# The constants, the column matching and every message are shared with the pure-Python
# reader of the live page (relsell.models.customer_analytics), so both say the same thing.


def _rows(positions: np.ndarray, lines: np.ndarray | None, limit: int = 5) -> str:
    """Spreadsheet row numbers of the first problems, e.g. 'rows 3, 7 and 12 more'.

    ``lines`` maps table positions to line numbers in the file (header = line 1); without
    it, position 0 is row 2, as in a spreadsheet with one header row.
    """
    numbers = (lines[positions] if lines is not None else positions + 2).tolist()
    return row_list(numbers, limit)


def _shown(value: object) -> str:
    """How a bad cell is quoted in a message: its text, or 'an empty cell'."""
    return shown_cell(None if value is None or pd.isna(value) else value)


def standardise_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Rename recognised headers (``客户ID``, ``Order Date``, ``金额`` …) to ``COLUMNS``.

    Raises :class:`TransactionsError` naming each missing column, the closest header in
    the file (a likely misspelling) and the accepted spellings.
    """
    renames = match_columns(list(frame.columns))
    # By the header that matched first: renaming would leave a second "amount" column when
    # a file has both "value" and "amount" (the pure reader picks the first one too).
    headers = {column: header for header, column in renames.items()}
    return frame[[headers[c] for c in COLUMNS]].set_axis(list(COLUMNS), axis=1)


def _parse_amounts(raw: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        return raw.astype("float64")
    text = raw.astype("string").str.strip()
    # Thousands separators and currency signs are how spreadsheets show money; drop them.
    text = text.str.replace(MONEY_NOISE, "", regex=True)
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
        raise TransactionsError(MESSAGES["no_table"])
    table = standardise_columns(frame).reset_index(drop=True)

    def where(mask: object) -> np.ndarray:
        return np.flatnonzero(np.asarray(mask, dtype=bool))

    id_text = table["customer_id"].astype("string").str.strip()
    blank = where(id_text.isna() | (id_text == ""))
    if len(blank):
        raise TransactionsError(MESSAGES["blank_id"].format(rows=_rows(blank, _lines)))

    raw_dates = table["date"]
    if pd.api.types.is_datetime64_any_dtype(raw_dates):
        dates = raw_dates
    else:
        date_text = raw_dates.astype("string").str.strip()
        # 2024年3月1日, as Chinese spreadsheets often write dates
        date_text = date_text.str.replace(CHINESE_DATE, r"\1-\2-\3", regex=True)
        dates = pd.to_datetime(date_text, errors="coerce", format="mixed", yearfirst=True)
    if dates.dt.tz is not None:
        dates = dates.dt.tz_localize(None)
    # A date pandas cannot hold in nanoseconds (year 1, 3000) is as unreadable as a typo.
    bad = where(dates.isna() | (dates < DATE_RANGE[0]) | (dates >= DATE_RANGE[1]))
    if len(bad):
        raise TransactionsError(
            MESSAGES["bad_date"].format(
                rows=_rows(bad, _lines), found=_shown(raw_dates.iloc[bad[0]])
            )
        )

    amounts = _parse_amounts(table["amount"])
    bad = where(amounts.isna())
    if len(bad):
        raise TransactionsError(
            MESSAGES["not_a_number"].format(
                rows=_rows(bad, _lines), found=_shown(table["amount"].iloc[bad[0]])
            )
        )
    bad = where(~np.isfinite(amounts.to_numpy()))
    if len(bad):
        raise TransactionsError(MESSAGES["infinite"].format(rows=_rows(bad, _lines)))
    bad = where(amounts < 0)
    if len(bad):
        raise TransactionsError(
            MESSAGES["negative"].format(rows=_rows(bad, _lines), found=amounts.iloc[bad[0]])
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
                MESSAGES["duplicates"].format(rows=_rows(bad, _lines), verb=verb)
            )
        clean = clean[~duplicated].reset_index(drop=True)
    return clean


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
            raise TransactionsError(too_big(size, max_bytes))
        data = path.read_bytes()
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif hasattr(source, "read"):
        data = source.read(max_bytes + 1)  # never more than one byte over the limit
        if isinstance(data, str):
            data = data.encode("utf-8")
        if len(data) > max_bytes:
            raise TransactionsError(too_big(len(data), max_bytes, at_least=True))
    else:
        raise TransactionsError(
            f"Expected CSV bytes, a file path or an open file; got {type(source).__name__}."
        )
    if len(data) > max_bytes:
        raise TransactionsError(too_big(len(data), max_bytes))
    header, rows, lines = split_csv(decode_text(data))
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    return validate_transactions(
        frame, drop_duplicates=drop_duplicates, _lines=np.asarray(lines, dtype=np.int64)
    )
