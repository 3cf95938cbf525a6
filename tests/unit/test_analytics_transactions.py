"""Reading and validating transaction files: every bad upload ends in one clear sentence."""

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relsell.analytics import (
    COLUMN_ALIASES,
    COLUMNS,
    MAX_UPLOAD_BYTES,
    TransactionsError,
    read_transactions,
    validate_transactions,
)

GOOD = b"customer_id,date,amount\nA,2024-01-05,100\nB,2024-02-01,250.5\nA,2024-03-01,80\n"


def test_a_good_file_gives_the_three_clean_columns():
    table = read_transactions(GOOD)
    assert list(table.columns) == list(COLUMNS)
    assert isinstance(table["customer_id"].dtype, pd.CategoricalDtype)
    assert list(table["customer_id"].astype(str)) == ["A", "B", "A"]
    assert pd.api.types.is_datetime64_any_dtype(table["date"])
    assert table["amount"].tolist() == [100.0, 250.5, 80.0]


@pytest.mark.parametrize(
    "header",
    [
        "客户ID,日期,金额",
        "客户编号,订单日期,订单金额",
        "Customer ID,Order Date,Amount",
        "customer,purchase_date,revenue",
        "CUSTOMER_ID , DATE , AMOUNT",
        "会员ID,交易日期,销售额",
    ],
)
def test_common_headers_are_mapped(header):
    data = f"{header}\n王芳,2024-01-05,100\n".encode()
    table = read_transactions(data)
    assert list(table.columns) == list(COLUMNS)
    assert table["customer_id"].astype(str).iloc[0] == "王芳"


def test_every_column_has_a_chinese_alias_and_aliases_are_unique():
    seen = set()
    for column, aliases in COLUMN_ALIASES.items():
        assert aliases[0] == column
        assert any("\u4e00" <= ch <= "\u9fff" for a in aliases for ch in a)
        for alias in aliases:
            assert alias.lower() not in seen, alias
            seen.add(alias.lower())


def test_extra_columns_are_ignored_and_order_does_not_matter():
    data = b"amount,region,date,customer_id\n10,North,2024-01-01,A\n"
    table = read_transactions(data)
    assert list(table.columns) == list(COLUMNS) and table["amount"].iloc[0] == 10


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_utf8_then_gb18030_encodings_are_read(encoding):
    data = "客户ID,日期,金额\n张伟,2024-01-05,100\n李娜,2024-01-06,200\n".encode(encoding)
    table = read_transactions(data)
    assert list(table["customer_id"].astype(str)) == ["张伟", "李娜"]


def test_money_and_chinese_dates_as_spreadsheets_write_them():
    data = '客户ID,日期,金额\nA,2024年3月1日,"¥1,200.50"\nB,2024/03/02,300元\n'.encode()
    table = read_transactions(data)
    assert table["amount"].tolist() == [1200.5, 300.0]
    assert table["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-01", "2024-03-02"]


# ---- every bad upload, each with its message ------------------------------------------
BAD_UPLOADS = {
    "empty file": (b"", "The file is empty"),
    "only blank lines": (b"  \n\n", "The file is empty"),
    "headers only": (b"customer_id,date,amount\n", "headers but no transactions"),
    "missing column": (
        b"customer_id,date\nA,2024-01-01\n",
        "no amount column; name it 'amount' (also accepted: value, revenue, \u91d1\u989d)",
    ),
    "misnamed columns": (
        b"custmer_id,dat,amont\nA,2024-01-01,5\n",
        "is 'custmer_id' meant to be 'customer_id'? rename it",
    ),
    "misspelled Chinese header": (
        "客户ID,日起,金额\nA,2024-01-01,5\n".encode(),
        "is '日起' meant to be '日期'? rename it",
    ),
    "column named twice": (
        b"customer_id,date,amount,amount\nA,2024-01-01,5,5\n",
        "names a column twice: amount",
    ),
    "unparseable date": (
        b"customer_id,date,amount\nA,2024-01-01,5\nB,2024-13-45,3\nC,yesterday,3\n",
        "Cannot read the date in rows 3, 4 (found '2024-13-45'). Write dates as 2024-03-31",
    ),
    "empty date": (
        b"customer_id,date,amount\nA,,5\n",
        "Cannot read the date in row 2 (found an empty cell)",
    ),
    "negative amount": (
        b"customer_id,date,amount\nA,2024-01-01,-5\n",
        "The amount is negative in row 2 (found -5). Amounts must be 0 or more",
    ),
    "non-numeric amount": (
        b"customer_id,date,amount\nA,2024-01-01,five\n",
        "The amount is not a number in row 2 (found 'five')",
    ),
    "Chinese text as amount": (
        "customer_id,date,amount\nA,2024-01-01,五百\n".encode(),
        "The amount is not a number in row 2 (found '五百')",
    ),
    "empty amount": (
        b"customer_id,date,amount\nA,2024-01-01,\n",
        "not a number in row 2 (found an empty cell)",
    ),
    "infinite amount": (b"customer_id,date,amount\nA,2024-01-01,inf\n", "infinite in row 2"),
    "empty customer": (b"customer_id,date,amount\n ,2024-01-01,5\n", "customer ID is empty"),
    "duplicate rows": (
        b"customer_id,date,amount\nA,2024-01-01,5\nB,2024-01-01,5\nA,2024-01-01,5\n",
        "Duplicate transactions: row 4 repeats an earlier row exactly",
    ),
    "row too long": (
        b"customer_id,date,amount\nA,2024-01-01,1,200\n",
        "Row 2 has 4 values but the header has 3 columns",
    ),
    "row too short": (
        b"customer_id,date,amount\nA,2024-01-01\n",
        "Row 2 has 2 values but the header has 3 columns",
    ),
    "unknown encoding": (
        "customer_id,date,amount\nAndr\xe9\xff,2024-01-01,5\n".encode("latin-1"),
        "neither UTF-8 nor GB18030",
    ),
    "binary file": (bytes(range(256)) * 4, "neither UTF-8 nor GB18030"),
}


@pytest.mark.parametrize("name", BAD_UPLOADS)
def test_every_bad_upload_gives_a_clear_message(name):
    data, message = BAD_UPLOADS[name]
    with pytest.raises(TransactionsError) as caught:
        read_transactions(data)
    assert message in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_row_numbers_are_the_lines_of_the_file_even_after_blank_lines():
    data = b"customer_id,date,amount\nA,2024-01-01,5\n\n\nB,2024-01-01,-1\n"
    with pytest.raises(TransactionsError, match="negative in row 5"):
        read_transactions(data)


def test_many_bad_rows_are_summarised():
    rows = "".join(f"C{k},2024-01-01,x\n" for k in range(9))
    with pytest.raises(TransactionsError, match=r"rows 2, 3, 4, 5, 6 and 4 more"):
        read_transactions(("customer_id,date,amount\n" + rows).encode())


def test_duplicates_can_be_dropped_on_request():
    data = b"customer_id,date,amount\nA,2024-01-01,5\nA,2024-01-01,5\nA,2024-01-02,5\n"
    table = read_transactions(data, drop_duplicates=True)
    assert len(table) == 2


def test_the_size_limit_is_checked_before_parsing(tmp_path):
    assert MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    with pytest.raises(TransactionsError, match="the limit is 20.0 MB"):
        read_transactions(b"x" * (MAX_UPLOAD_BYTES + 1))
    big = b"customer_id,date,amount\n" + b"".join(
        f"C{k:04d},2024-01-01,{k}\n".encode() for k in range(150)
    )
    path = tmp_path / "big.csv"
    path.write_bytes(big)
    with pytest.raises(TransactionsError, match=r"The file is 3.* KB; the limit is 1.0 KB"):
        read_transactions(path, max_bytes=1024)
    with pytest.raises(TransactionsError, match="more than 1.0 KB"):
        read_transactions(io.BytesIO(big), max_bytes=1024)
    assert len(read_transactions(path)) == 150


def test_paths_text_and_open_files_are_accepted(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(GOOD)
    assert len(read_transactions(path)) == 3
    assert len(read_transactions(str(path))) == 3
    assert len(read_transactions(GOOD.decode())) == 3
    with path.open("rb") as handle:
        assert len(read_transactions(handle)) == 3
    with pytest.raises(TransactionsError, match="No file at"):
        read_transactions(str(tmp_path / "missing.csv"))
    with pytest.raises(TransactionsError, match="got int"):
        read_transactions(42)


# ---- tables that are already in memory -------------------------------------------------
def test_a_dataframe_is_validated_and_converted():
    frame = pd.DataFrame(
        {"客户ID": ["A", "B"], "日期": ["2024-01-01", "2024-02-01"], "金额": [1, 2]}
    )
    table = validate_transactions(frame)
    assert table["amount"].dtype == np.float64 and len(table) == 2


def test_timezones_are_dropped_and_datetimes_kept():
    frame = pd.DataFrame(
        {
            "customer_id": ["A"],
            "date": pd.to_datetime(["2024-01-01 10:00"]).tz_localize("Asia/Shanghai"),
            "amount": [1.0],
        }
    )
    assert validate_transactions(frame)["date"].dt.tz is None


@pytest.mark.parametrize(
    "frame, message",
    [
        ([1, 2, 3], "Expected a table"),
        (pd.DataFrame(), "no transactions"),
        (pd.DataFrame({"customer_id": ["A"], "amount": [1.0]}), "no date column"),
        (
            pd.DataFrame({"customer_id": ["A"], "date": ["2024-01-01"], "amount": [True]}),
            "not a number",
        ),
        (
            pd.DataFrame({"customer_id": [None], "date": ["2024-01-01"], "amount": [1.0]}),
            "customer ID is empty",
        ),
    ],
)
def test_bad_tables_are_explained(frame, message):
    with pytest.raises(TransactionsError, match=message):
        validate_transactions(frame)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "王芳", "C-01"]),
            st.dates(
                min_value=pd.Timestamp("2020-01-01").date(),
                max_value=pd.Timestamp("2025-12-31").date(),
            ),
            st.integers(min_value=0, max_value=10_000_000),
        ),
        min_size=1,
        max_size=30,
        unique=True,
    ),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_any_valid_file_round_trips(rows, encoding):
    text = "客户ID,日期,金额\n" + "".join(
        f"{c},{d.isoformat()},{a / 100:.2f}\n" for c, d, a in rows
    )
    table = read_transactions(text.encode(encoding))
    assert len(table) == len(rows)
    assert round(table["amount"].sum() * 100) == sum(a for _, _, a in rows)


def test_a_refund_exported_as_a_negative_order_is_refused_with_what_to_do():
    """Exercise 4 used to grade this message (Chinese headers, refund in row 3); kept here."""
    data = "客户ID,日期,金额\nC001,2024-12-02,1500\nC002,2024-12-05,-300\n".encode()
    with pytest.raises(TransactionsError) as caught:
        read_transactions(data)
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert "negative in row 3 (found -300)" in message
    assert "subtract returns and refunds from the original purchase" in message
