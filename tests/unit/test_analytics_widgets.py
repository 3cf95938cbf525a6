"""The chapter-4 explorers: bad controls and bad uploads show a message and lose nothing."""

import datetime as dt

import pytest

from relsell.analytics import MAX_UPLOAD_BYTES, generate_transactions
from relsell.explorers.analytics import VIEWS, analytics_explorer, upload_explorer

from .test_analytics_transactions import BAD_UPLOADS

GOOD = "客户ID,日期,金额\n张伟,2024-01-05,100\n李娜,2024-02-01,250\n张伟,2024-03-01,80\n"


def _upload(explorer, data: bytes, name: str = "sales.csv", size: int | None = None):
    explorer.upload.value = (
        {
            "name": name,
            "type": "text/csv",
            "size": len(data) if size is None else size,
            "content": memoryview(data),
            "last_modified": dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        },
    )


def test_explorer_starts_on_the_course_sample():
    ex = analytics_explorer()
    assert ex.last_error is None and ex.figure is not None
    assert "Data: course sample (2,000 transactions, 200 customers)." in ex.summary.value
    assert "17 high-end customers (8%) bring 51% of revenue" in ex.summary.value


def test_every_view_draws_a_chart():
    ex = analytics_explorer()
    titles = set()
    for view in VIEWS:
        ex.controls["view"].value = view
        assert ex.last_error is None
        titles.add(ex.figure.axes[-1].get_title())
    assert len(titles) == 3


def test_cutoffs_that_do_not_increase_show_an_alert_and_keep_the_chart():
    ex = analytics_explorer()
    figure, summary = ex.figure, ex.summary.value
    ex.controls["high_end_cutoff"].value = 0.9
    assert 'role="alert"' in ex.alert.value
    assert "Cut-offs must increase from tier to tier" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == summary
    ex.controls["high_end_cutoff"].value = 0.6
    assert ex.alert.value == "" and ex.figure is not figure
    assert ex.analysis.cutoffs == (0.6, 0.8, 0.95)


def test_bad_clv_assumption_shows_an_alert_and_recovers():
    ex = analytics_explorer()
    figure = ex.figure
    ex.controls["cost_per_order"].value = -3
    assert "Cost per order must be at least 0; got -3" in ex.alert.value
    assert ex.figure is figure
    ex.controls["cost_per_order"].value = 3
    assert ex.alert.value == "" and ex.analysis.assumptions.cost_per_order == 3


def test_explorer_on_a_given_table():
    ex = analytics_explorer(generate_transactions(300, seed=3))
    assert "your table (300 transactions, 30 customers)" in ex.summary.value


def test_a_good_upload_replaces_the_data():
    ex = upload_explorer()
    _upload(ex, GOOD.encode("gb18030"), name="销售.csv")
    assert ex.alert.value == ""
    assert "uploaded file &#x27;销售.csv&#x27; (3 transactions, 2 customers)" in ex.summary.value
    assert "Of 2 customers, 1 high-end customer (50%) brings" in ex.summary.value
    assert len(ex.upload.value) == 1  # the button reads "Upload CSV (1)", not "(0)"


@pytest.mark.parametrize("name", BAD_UPLOADS)
def test_every_bad_upload_shows_its_message_and_keeps_the_previous_results(name):
    data, message = BAD_UPLOADS[name]
    ex = upload_explorer()
    _upload(ex, GOOD.encode(), name="first.csv")
    figure, summary, analysis = ex.figure, ex.summary.value, ex.analysis
    _upload(ex, data, name="second.csv")
    assert 'role="alert"' in ex.alert.value
    assert message.replace("'", "&#x27;") in ex.alert.value
    assert "Traceback" not in ex.alert.value
    assert ex.figure is figure and ex.summary.value == summary and ex.analysis is analysis
    assert "first.csv" in ex.summary.value
    # moving a control afterwards still works on the previous (good) data
    ex.controls["view"].value = "RFM segments"
    assert ex.alert.value == "" and "first.csv" in ex.summary.value


def test_an_oversized_upload_is_refused_before_reading():
    ex = upload_explorer()
    summary = ex.summary.value
    _upload(ex, b"never read", size=MAX_UPLOAD_BYTES + 1)
    assert "the limit is 20 MB" in ex.alert.value
    assert ex.summary.value == summary


def test_duplicate_rows_can_be_dropped_from_the_widget():
    ex = upload_explorer()
    data = b"customer_id,date,amount\nA,2024-01-01,5\nA,2024-01-01,5\nB,2024-01-02,7\n"
    _upload(ex, data)
    assert "Duplicate transactions" in ex.alert.value
    ex.drop_duplicates.value = True  # applies to the file already chosen
    assert ex.alert.value == ""
    assert "(2 transactions, 2 customers)" in ex.summary.value


def test_the_upload_box_shows_the_columns_and_the_limit():
    ex = upload_explorer()
    text = " ".join(
        getattr(child, "value", "") for child in ex.box.children if hasattr(child, "value")
    )
    assert "客户ID" in text and "20 MB" in text
