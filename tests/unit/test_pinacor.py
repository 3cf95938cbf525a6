import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.content.cases import fact
from relsell.models import pinacor


def test_territory_portfolio_is_the_case_example():
    assert pinacor.territory_portfolio() == {
        "system integrators": 5,
        "reseller companies": 3,
        "small and medium-sized business customers": 6,
    }
    assert pinacor.segment_portfolio() == {"system integrators": 14}


def test_default_comparison_quoted_in_chapter_1():
    table = pinacor.compare_structures().set_index("structure")
    assert table.loc["territory", "customer_types"] == 3
    assert table.loc["segment", "customer_types"] == 1
    saved = table.loc["territory", "learning_hours"] - table.loc["segment", "learning_hours"]
    assert round(saved) == 98
    assert "Focus saves 98 hours (23%)" in pinacor.summary(table.reset_index())


def test_accounts_per_rep_uses_the_case_figures():
    assert pinacor.accounts_per_rep() == pytest.approx(25000 / 650)
    assert fact("pinacor", "segments") == 10


def test_learning_curve_by_hand():
    table = pinacor.learning_hours({"a": 2}, first_account_hours=40, learning_rate=0.8)
    assert table["hours"].iloc[0] == pytest.approx(40 + 32)  # 2nd account at 80 %


def test_no_learning_means_no_advantage():
    table = pinacor.compare_structures(learning_rate=1.0)
    assert table["learning_hours"].nunique() == 1
    assert "no learning" in pinacor.summary(table)


def test_a_larger_segment_portfolio_is_reported_honestly():
    table = pinacor.compare_structures(segment={"resellers": 40})
    assert "needs" in pinacor.summary(table) and "more" in pinacor.summary(table)


@settings(max_examples=50, deadline=None)
@given(
    st.dictionaries(st.sampled_from(list("abcde")), st.integers(0, 60), min_size=1).filter(
        lambda d: sum(d.values()) > 0
    ),
    st.floats(1, 100),
    st.floats(0.5, 1.0),
)
def test_focus_never_costs_hours(portfolio, hours, rate):
    """One curve of n accounts never needs more hours than several shorter curves."""
    table = pinacor.compare_structures(portfolio, None, hours, rate).set_index("structure")
    assert table.loc["segment", "learning_hours"] <= table.loc["territory", "learning_hours"] + 1e-6
    assert table.loc["territory", "learning_hours"] <= hours * sum(portfolio.values()) + 1e-6


@pytest.mark.parametrize(
    "portfolio, error, words",
    [
        ([5, 3, 6], TypeError, "mapping of customer type"),
        ({}, ValueError, "no accounts"),
        ({"a": 0}, ValueError, "no accounts"),
        ({"a": -2}, ValueError, "at least 0"),
        ({"a": 2.5}, ValueError, "whole number"),
        ({"a": "5"}, TypeError, "whole number"),
        ({"": 3}, ValueError, "needs a name"),
        ({"a": 10_000}, ValueError, "at most 500"),
    ],
)
def test_bad_portfolios_are_explained(portfolio, error, words):
    with pytest.raises(error, match=words):
        pinacor.learning_hours(portfolio)


@pytest.mark.parametrize(
    "hours, rate, words",
    [
        (-1, 0.8, "at least 0.5"),
        (40, 1.5, "at most 1"),
        (40, 0.1, "at least 0.5"),
        (float("nan"), 0.8, "not a number"),
    ],
)
def test_bad_learning_assumptions_are_explained(hours, rate, words):
    with pytest.raises(ValueError, match=words):
        pinacor.learning_hours({"a": 3}, hours, rate)


def test_segment_portfolio_and_summary_refuse_nonsense():
    with pytest.raises(ValueError, match="at least one account"):
        pinacor.segment_portfolio(0)
    with pytest.raises(ValueError, match="Segment must be a name"):
        pinacor.segment_portfolio(3, "  ")
    with pytest.raises(TypeError, match="compare_structures"):
        pinacor.summary("table")


def test_comparison_table_from_details_matches_compare_structures():
    details = pinacor.detail_by_structure(learning_rate=0.9)
    table = pinacor.comparison_table(details)
    assert table.equals(pinacor.compare_structures(learning_rate=0.9))
    assert list(table["structure"]) == ["territory", "segment"]
