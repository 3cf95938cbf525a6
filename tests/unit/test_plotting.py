"""The charts say what the model says: lines, markers and titles follow the data."""

import warnings

import pytest

from relsell.charts.pinacor import structure_chart
from relsell.charts.retention import chart as customer_chart
from relsell.models import pinacor
from relsell.models.retention import compare_customers


def test_customer_chart_draws_both_customers_and_the_two_milestones():
    fig = customer_chart(compare_customers())
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert "one-off (transactional) customer" in labels
    assert "retained customer" in labels
    assert "acquisition cost repaid (year 3)" in labels
    assert any("year 1" in t.get_text() for t in ax.texts)
    retained = next(line for line in ax.get_lines() if line.get_label() == "retained customer")
    assert list(retained.get_xdata()) == list(range(11))


def test_customer_chart_without_milestones_still_draws():
    fig = customer_chart(compare_customers(retention_rate=0, acquisition_cost=50_000))
    labels = [line.get_label() for line in fig.axes[0].get_lines()]
    assert not any("repaid" in label for label in labels)
    assert not fig.axes[0].texts


def test_structure_chart_has_one_bar_per_type_and_structure():
    fig = structure_chart(pinacor.detail_by_structure())
    ax = fig.axes[0]
    assert len(ax.patches) == 3 + 1
    assert ax.get_title() == "Same 14 accounts, different focus"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == list(pinacor.territory_portfolio())


def test_structure_chart_title_when_portfolios_differ():
    detail = pinacor.detail_by_structure(segment={"resellers": 30})
    assert structure_chart(detail).axes[0].get_title() == "Accounts and learning hours by structure"


@pytest.mark.parametrize("chart", ["customer", "structure"])
def test_charts_render_to_png_without_missing_glyphs(chart, tmp_path):
    fig = (
        customer_chart(compare_customers())
        if chart == "customer"
        else structure_chart(pinacor.detail_by_structure())
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph missing" would be a UserWarning
        fig.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 10_000
