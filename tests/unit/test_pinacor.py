import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.content.cases import fact
from relsell.models import pinacor


def _by_structure(table):
    return {row["structure"]: row for row in table}


def test_territory_portfolio_is_the_case_example():
    assert pinacor.territory_portfolio() == {
        "system integrators": 5,
        "reseller companies": 3,
        "small and medium-sized business customers": 6,
    }
    assert pinacor.segment_portfolio() == {"system integrators": 14}


def test_default_comparison_quoted_in_chapter_1():
    table = pinacor.compare_structures()
    rows = _by_structure(table)
    assert [row["structure"] for row in table] == ["territory", "segment"]
    assert rows["territory"]["customer_types"] == 3
    assert rows["segment"]["customer_types"] == 1
    saved = rows["territory"]["learning_hours"] - rows["segment"]["learning_hours"]
    assert round(saved) == 98
    assert "Focus saves 98 hours (23%)" in pinacor.summary(table)


def test_run_at_the_defaults_is_the_case_and_plain_data():
    result = pinacor.run()
    assert result["table"] == pinacor.compare_structures()
    assert result["detail"] == pinacor.detail_by_structure()
    assert result["territory"] == pinacor.territory_portfolio()
    assert round(result["hours_saved"]) == 98
    assert "Focus saves 98 hours (23%)" in result["summary"]
    json.dumps(result)
    assert [p.name for p in pinacor.PARAMS] == [
        "type_0",
        "type_1",
        "type_2",
        "first_account_hours",
        "learning_rate",
    ]


def test_run_changes_the_territory_and_explains_bad_counts():
    result = pinacor.run(type_0=10, type_1=0, type_2=0)
    assert result["territory"] == {
        "system integrators": 10,
        "reseller companies": 0,
        "small and medium-sized business customers": 0,
    }
    assert round(result["hours_saved"], 9) == 0  # one type only: nothing to save
    with pytest.raises(ValueError, match="System integrators must be at least 0; got -3"):
        pinacor.run(type_0=-3)
    with pytest.raises(ValueError, match="no accounts"):
        pinacor.run(type_0=0, type_1=0, type_2=0)
    with pytest.raises(ValueError, match="at most 500"):
        pinacor.run(type_0=501)
    with pytest.raises(ValueError, match="Lower the counts"):
        pinacor.run(type_0=300, type_1=300)
    with pytest.raises(TypeError, match="type_9"):
        pinacor.run(type_9=3)


def test_accounts_per_rep_uses_the_case_figures():
    assert pinacor.accounts_per_rep() == pytest.approx(25000 / 650)
    assert fact("pinacor", "segments") == 10


def test_learning_curve_by_hand():
    table = pinacor.learning_hours({"a": 2}, first_account_hours=40, learning_rate=0.8)
    assert table[0]["hours"] == pytest.approx(40 + 32)  # 2nd account at 80 %
    assert table[0]["hours_per_account"] == pytest.approx(36)


def test_no_learning_means_no_advantage():
    table = pinacor.compare_structures(learning_rate=1.0)
    assert len({row["learning_hours"] for row in table}) == 1
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
    rows = _by_structure(pinacor.compare_structures(portfolio, None, hours, rate))
    assert rows["segment"]["learning_hours"] <= rows["territory"]["learning_hours"] + 1e-6
    assert rows["territory"]["learning_hours"] <= hours * sum(portfolio.values()) + 1e-6


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
    with pytest.raises(ValueError, match="missing column"):
        pinacor.summary([{"structure": "territory"}])
    with pytest.raises(ValueError, match="one row for 'territory'"):
        pinacor.summary(pinacor.compare_structures()[:1])


def test_comparison_table_from_details_matches_compare_structures():
    details = pinacor.detail_by_structure(learning_rate=0.9)
    table = pinacor.comparison_table(details)
    assert table == pinacor.compare_structures(learning_rate=0.9)
    assert [row["structure"] for row in table] == ["territory", "segment"]


def test_summary_and_comparison_table_accept_dataframes():
    from relsell.charts import frame

    table = pinacor.compare_structures()
    assert pinacor.summary(frame(table)) == pinacor.summary(table)
    details = {k: frame(v) for k, v in pinacor.detail_by_structure().items()}
    assert pinacor.comparison_table(details) == table
