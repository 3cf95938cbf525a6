"""Chapter-4 charts: the right things on them, no Chinese glyphs, readable at any size."""

import pytest
from matplotlib.figure import Figure

from relsell.analytics import analyse, generate_transactions, sample_transactions
from relsell.charts.analytics import abc_chart, clv_chart, rfm_chart


@pytest.fixture(scope="module")
def result():
    return analyse(sample_transactions())


def _texts(figure):
    return [t.get_text() for ax in figure.axes for t in ax.texts] + [
        ax.get_title() for ax in figure.axes
    ]


def test_abc_chart_shows_the_pyramid_and_the_cutoffs(result):
    fig = abc_chart(result)
    # One axes (the pyramid sits under the Pareto curve), so the browser's stand-in draws it.
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    assert len(fig.axes[0].patches) == 4  # the pyramid: one bar per tier
    texts = " ".join(_texts(fig))
    assert "High-end: 8% of customers, 51% of revenue" in texts
    assert "Key up to 80%" in texts
    assert "Top 27% of customers bring 80% of revenue" in texts


def test_rfm_chart_has_one_bar_pair_per_segment(result):
    fig = rfm_chart(result)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Champions" and len(labels) == 6
    assert len(ax.patches) == 12


def test_clv_chart_splits_history_and_future(result):
    fig = clv_chart(result)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "history (discounted)",
        "expected future",
    ]
    assert any("below 0" in t for t in _texts(fig))


def test_charts_have_no_chinese_characters(result):
    for chart in (abc_chart, rfm_chart, clv_chart):
        fig = chart(result)
        fig.canvas.draw()  # a missing glyph would warn, and warnings are errors in tests
        for text in _texts(fig):
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_charts_work_for_one_customer_and_refuse_other_input():
    one = analyse(generate_transactions(3, n_customers=1))
    for chart in (abc_chart, rfm_chart, clv_chart):
        assert isinstance(chart(one), Figure)
        with pytest.raises(TypeError, match="result of relsell.analytics.analyse"):
            chart("table")
