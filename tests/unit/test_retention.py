import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts import frame
from relsell.models.retention import (
    CustomerEconomics,
    break_even_year,
    compare_customers,
    payback_year,
    summary,
)


def table_of(*args, **kwargs) -> pd.DataFrame:
    """The model's records as a DataFrame, for column-wise assertions."""
    return frame(compare_customers(*args, **kwargs))


def test_the_model_returns_plain_records():
    rows = compare_customers()
    assert isinstance(rows, list) and isinstance(rows[0], dict)
    assert round(rows[-1]["retained_cumulative"]) == 1102
    assert break_even_year(rows) == 1 and payback_year(rows) == 3


def test_default_case_figures_quoted_in_chapter_1():
    table = table_of()
    assert list(table["year"]) == list(range(11))
    assert break_even_year(table) == 1
    assert payback_year(table) == 3
    assert round(table["retained_cumulative"].iloc[-1]) == 1102
    assert table["transactional_cumulative"].iloc[-1] == -1000
    assert "overtakes the one-off sale in year 1" in summary(table)
    assert "repays its acquisition cost in year 3" in summary(table)


def test_year_zero_is_undiscounted_and_pays_the_acquisition_cost():
    e = CustomerEconomics()
    row = table_of(e).iloc[0]
    assert (
        row["transactional_profit"] == e.margin_per_order * e.orders_per_year - e.acquisition_cost
    )
    assert row["retained_profit"] == pytest.approx(
        e.margin_per_order * e.orders_per_year - e.relationship_cost - e.acquisition_cost
    )


def test_by_hand_second_year():
    e = CustomerEconomics(
        margin_per_order=100,
        orders_per_year=10,
        retention_rate=0.5,
        acquisition_cost=0,
        relationship_cost=0,
        margin_growth=0,
        discount_rate=0.25,
        years=2,
    )
    table = table_of(e)
    # year 1: 1000 * 0.5 / 1.25 = 400; year 2: 1000 * 0.25 / 1.5625 = 160
    assert table["retained_profit"].tolist() == pytest.approx([1000, 400, 160])


def test_overrides_change_only_the_named_assumption():
    base = table_of()
    kept = table_of(CustomerEconomics(), retention_rate=0.9)
    assert kept["retained_cumulative"].iloc[-1] > base["retained_cumulative"].iloc[-1]
    assert kept["transactional_cumulative"].equals(base["transactional_cumulative"])


economics = st.builds(
    CustomerEconomics,
    margin_per_order=st.floats(0, 5000),
    orders_per_year=st.floats(0, 52),
    retention_rate=st.floats(0, 1),
    acquisition_cost=st.floats(0, 50000),
    relationship_cost=st.floats(0, 5000),
    margin_growth=st.floats(-0.5, 1),
    discount_rate=st.floats(0, 1),
    years=st.integers(1, 50),
)


@settings(max_examples=60, deadline=None)
@given(economics, st.floats(0, 1), st.floats(0, 1))
def test_more_retention_never_hurts_when_the_relationship_is_profitable(e, r1, r2):
    low, high = sorted((r1, r2))
    if e.margin_per_order * e.orders_per_year * min(1, (1 + e.margin_growth) ** e.years) < (
        e.relationship_cost
    ):
        return  # a loss-making relationship: keeping the customer longer loses more
    a = table_of(e, retention_rate=low)["retained_cumulative"].iloc[-1]
    b = table_of(e, retention_rate=high)["retained_cumulative"].iloc[-1]
    assert b >= a - 1e-6 * max(1, abs(a))


@settings(max_examples=60, deadline=None)
@given(economics)
def test_cumulative_columns_are_the_running_sums(e):
    t = table_of(e)
    assert t["retained_cumulative"].iloc[-1] == pytest.approx(
        t["retained_profit"].sum(), rel=1e-9, abs=1e-6
    )
    assert (t["transactional_profit"].iloc[1:] == 0).all()
    assert t["survival"].between(0, 1).all()
    assert all(math.isfinite(v) for v in t["retained_cumulative"])


def test_zero_retention_loses_the_relationship_cost_only():
    t = table_of(retention_rate=0)
    diff = t["transactional_cumulative"].iloc[-1] - t["retained_cumulative"].iloc[-1]
    assert diff == pytest.approx(CustomerEconomics().relationship_cost)
    assert break_even_year(t) is None
    assert "never catches up" in summary(t)


def test_no_relationship_cost_means_ahead_from_year_zero():
    t = table_of(relationship_cost=0)
    assert break_even_year(t) == 0
    assert "ahead from the first year" in summary(t)


def test_never_repaying_is_said_in_words():
    t = table_of(acquisition_cost=1_000_000)
    assert payback_year(t) is None
    assert "never repays its acquisition cost" in summary(t)


@pytest.mark.parametrize(
    "field, value, error, words",
    [
        ("margin_per_order", -5, ValueError, "Margin per order must be at least 0"),
        ("margin_per_order", "200", TypeError, "Margin per order must be a number"),
        ("margin_per_order", float("nan"), ValueError, "not a number"),
        ("orders_per_year", 400, ValueError, "at most 365"),
        ("retention_rate", 80, ValueError, "Did you mean 0.8"),
        ("retention_rate", -0.2, ValueError, "between 0 and 1"),
        ("acquisition_cost", -1, ValueError, "Acquisition cost must be at least 0"),
        ("relationship_cost", None, TypeError, "must be a number"),
        ("discount_rate", 8, ValueError, "at most 1"),
        ("years", 0, ValueError, "Years must be at least 1"),
        ("years", 2.5, ValueError, "whole number"),
        ("years", 100, ValueError, "at most 50"),
    ],
)
def test_bad_assumptions_get_a_student_readable_message(field, value, error, words):
    with pytest.raises(error, match=words):
        CustomerEconomics(**{field: value})


def test_bad_tables_and_arguments_are_explained():
    with pytest.raises(TypeError, match="CustomerEconomics"):
        compare_customers({"retention_rate": 0.5})
    with pytest.raises(TypeError, match="compare_customers"):
        break_even_year([1, 2, 3])
    with pytest.raises(ValueError, match=r"missing column\(s\) transactional_cumulative"):
        payback_year(pd.DataFrame({"year": [0]}))
    with pytest.raises(ValueError, match="empty"):
        summary(table_of().iloc[0:0])


def test_a_rate_typed_as_a_percentage_is_refused_with_the_share_to_type():
    """Exercise 1 used to grade this message; the model keeps it under test instead."""
    from relsell.errors import ModelInputError

    with pytest.raises(ModelInputError) as caught:
        CustomerEconomics(retention_rate=80)
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert "between 0 and 1; got 80" in message and "Did you mean 0.8 (80 %)?" in message
