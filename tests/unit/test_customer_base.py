"""Chapter 2's "Bring them back!" model: figures quoted on the page, edge cases, bad input."""

import warnings
from itertools import pairwise

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts import frame
from relsell.charts.customer_base import chart, retention_gap_chart
from relsell.explorers.customer_base import customer_base_explorer
from relsell.models.customer_base import (
    PARAMS,
    CustomerBase,
    average_lifetime_years,
    compare_retention,
    defection_cost,
    replacement_share,
    run,
    simulate,
    steady_state_customers,
    summary,
)


def column(table, key):
    return [row[key] for row in table]


def test_default_figures_quoted_in_chapter_2():
    table = compare_retention()
    last = table[-1]
    assert all(row["rate_base"] == 0.8 for row in table)
    assert all(row["rate_better"] == pytest.approx(0.85) for row in table)
    assert [round(c, 6) for c in column(table, "customers_base")] == [1000.0] * 11
    assert round(last["customers_better"]) == 1268
    assert last["profit_base"] == pytest.approx(200_000)
    assert round(last["profit_better"], -3) == 307_000
    assert round(last["profit_better"] / last["profit_base"] - 1, 2) == 0.54
    gain = last["cumulative_better"] - last["cumulative_base"]
    assert round(gain, -3) == 727_000
    assert round(defection_cost()) == 1466
    assert steady_state_customers(200, 0.85) == pytest.approx(1333.33, abs=0.01)
    assert average_lifetime_years(0.8) == pytest.approx(5)
    assert round(average_lifetime_years(0.85), 1) == 6.7
    assert replacement_share(simulate()) == pytest.approx(1.0)
    text = summary(table)
    assert "1,268 customers" in text and "(+54%)" in text and "200,000 yuan" in text


def test_by_hand_two_years():
    base = CustomerBase(
        starting_customers=100,
        new_customers_per_year=10,
        retention_rate=0.5,
        margin_per_customer=20,
        service_cost=5,
        acquisition_cost=2,
        years=2,
    )
    t = simulate(base)
    # year 1: 50 + 10 = 60 customers, 50 lost; year 2: 30 + 10 = 40, 30 lost
    assert column(t, "customers") == [100, 60, 40]
    assert column(t, "lost") == [0, 50, 30]
    # profit = customers * 15 - 10 * 2
    assert column(t, "profit") == [0, 880, 580]
    assert t[-1]["cumulative_profit"] == 1460
    assert replacement_share(t) == 1.0  # every new customer replaced a lost one


def test_defection_cost_by_hand_and_limits():
    # 100 a year, kept for sure, no discounting, 3 years = 300
    assert defection_cost(150, 50, 1.0, 0.0, 3) == pytest.approx(300)
    # nobody stays beyond this year: only this year's profit
    assert defection_cost(150, 50, 0.0, 0.08, 10) == pytest.approx(100)
    assert defection_cost(100, 100) == 0


def test_full_retention_and_no_acquisition():
    assert steady_state_customers(200, 1) == float("inf")
    assert average_lifetime_years(1) == float("inf")
    t = simulate(new_customers_per_year=0, retention_rate=1)
    assert all(c == 1000 for c in column(t, "customers"))
    assert replacement_share(t) == 0.0


def test_a_worse_rate_and_a_loss_are_said_in_words():
    t = compare_retention(points=-0.1, acquisition_cost=5000)
    assert t[0]["rate_better"] == pytest.approx(0.7)
    text = summary(t)
    assert "70%" in text and "−" in text and "(+" not in text


base_strategy = st.builds(
    CustomerBase,
    starting_customers=st.floats(0, 100_000),
    new_customers_per_year=st.floats(0, 10_000),
    retention_rate=st.floats(0, 0.9),
    margin_per_customer=st.floats(0, 5_000),
    service_cost=st.floats(0, 5_000),
    acquisition_cost=st.floats(0, 10_000),
    years=st.integers(1, 50),
)


@settings(max_examples=60, deadline=None)
@given(base_strategy, st.floats(0, 0.1))
def test_more_retention_never_means_fewer_customers(base, points):
    t = compare_retention(base, points=points)
    assert all(row["customers_better"] >= row["customers_base"] - 1e-6 for row in t)
    if base.margin_per_customer >= base.service_cost:
        assert all(
            row["profit_better"] >= row["profit_base"] - 1e-6 * (1 + abs(row["profit_base"]))
            for row in t
        )


@settings(max_examples=60, deadline=None)
@given(base_strategy)
def test_customers_move_towards_the_steady_state(base):
    t = simulate(base)
    target = steady_state_customers(base.new_customers_per_year, base.retention_rate)
    gaps = [abs(c - target) for c in column(t, "customers")]
    assert all(b - a <= 1e-6 * (1 + target) for a, b in pairwise(gaps))
    assert 0 <= replacement_share(t) <= 1 + 1e-9


@pytest.mark.parametrize(
    "field, value, error, words",
    [
        ("starting_customers", -1, ValueError, "Starting customers must be at least 0"),
        ("starting_customers", "1000", TypeError, "Starting customers must be a number"),
        ("starting_customers", "一千", TypeError, "must be a number"),
        ("new_customers_per_year", None, TypeError, "New customers per year must be a number"),
        ("new_customers_per_year", 1e9, ValueError, "at most 1e\\+07"),
        ("retention_rate", 80, ValueError, "Did you mean 0.8"),
        ("retention_rate", -0.1, ValueError, "between 0 and 1"),
        ("retention_rate", float("nan"), ValueError, "not a number"),
        ("margin_per_customer", -5, ValueError, "Margin per customer must be at least 0"),
        ("margin_per_customer", True, TypeError, "must be a number"),
        ("service_cost", float("inf"), ValueError, "must be finite"),
        ("acquisition_cost", -100, ValueError, "Acquisition cost must be at least 0"),
        ("years", 0, ValueError, "Years must be at least 1"),
        ("years", 2.5, ValueError, "whole number"),
        ("years", 51, ValueError, "at most 50"),
        ("years", "", TypeError, "whole number"),
    ],
)
def test_bad_assumptions_get_a_student_readable_message(field, value, error, words):
    with pytest.raises(error, match=words):
        CustomerBase(**{field: value})


def test_bad_arguments_and_tables_are_explained():
    with pytest.raises(TypeError, match="CustomerBase"):
        simulate({"retention_rate": 0.5})
    with pytest.raises(ValueError, match="outside 0 to 1"):
        compare_retention(retention_rate=0.98, points=0.05)
    with pytest.raises(TypeError, match="Retention improvement must be a number"):
        compare_retention(points="5")
    with pytest.raises(ValueError, match="at most 1"):
        compare_retention(points=5)
    with pytest.raises(TypeError, match="simulate"):
        replacement_share([1, 2])
    with pytest.raises(ValueError, match="missing column"):
        replacement_share(pd.DataFrame({"year": [0]}))
    with pytest.raises(ValueError, match="empty"):
        replacement_share(simulate()[0:0])
    with pytest.raises(TypeError, match="compare_retention"):
        summary(simulate.__name__)
    with pytest.raises(ValueError, match="compare_retention"):
        summary(simulate())
    altered = [{k: v for k, v in row.items() if k != "rate_base"} for row in compare_retention()]
    with pytest.raises(ValueError, match="missing column.*rate_base"):
        summary(altered)
    with pytest.raises(ValueError, match="Did you mean 0.85"):
        steady_state_customers(200, 85)
    with pytest.raises(ValueError, match="New customers per year must be at least 0"):
        steady_state_customers(-200, 0.8)
    with pytest.raises(ValueError, match="between 0 and 1"):
        average_lifetime_years(1.5)
    with pytest.raises(ValueError, match="Discount rate must be at most 1"):
        defection_cost(discount_rate=8)
    with pytest.raises(TypeError, match="Margin per customer must be a number"):
        defection_cost(margin_per_customer="五百")
    with pytest.raises(ValueError, match="Years must be at least 1"):
        defection_cost(years=0)


def test_chart_shows_both_rates_and_the_customers_of_the_last_year(tmp_path):
    fig = retention_gap_chart(compare_retention())
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
    assert labels == ["retention 80%", "retention 85%"]
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["1,000 customers", "1,268 customers"]
    assert list(ax.get_lines()[1].get_xdata()) == list(range(1, 11))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 10_000


def test_explorer_starts_at_the_default_case_and_survives_bad_input():
    ex = customer_base_explorer()
    assert ex.last_error is None and ex.figure is not None
    assert "1,268 customers" in ex.summary.value
    figure, sentence = ex.figure, ex.summary.value
    ex.controls["acquisition_cost"].value = -500
    assert 'role="alert"' in ex.alert.value
    assert "Acquisition cost must be at least 0; got -500" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == sentence
    ex.controls["acquisition_cost"].value = 500
    assert ex.alert.value == "" and ex.figure is not figure
    figure = ex.figure
    ex.controls["retention_rate"].value = 0.97  # plus 5 points is above 100 %
    assert "outside 0 to 1" in ex.alert.value and ex.figure is figure
    ex.controls["retention_rate"].value = 0.8
    assert ex.alert.value == ""


def test_tables_are_records_and_dataframes_are_accepted():
    table = compare_retention()
    assert isinstance(table, list) and isinstance(table[0], dict)
    assert summary(frame(table)) == summary(table)
    assert replacement_share(frame(simulate())) == replacement_share(simulate())


def test_run_is_the_default_comparison_as_plain_data():
    result = run()
    assert result["table"] == compare_retention()
    assert result["rate_base"] == 0.8 and result["rate_better"] == pytest.approx(0.85)
    assert result["summary"] == summary(compare_retention())
    assert run(retention_rate=0.6, points=0.1)["table"] == compare_retention(
        retention_rate=0.6, points=0.1
    )
    assert [p.name for p in PARAMS][:2] == ["retention_rate", "points"]
    with pytest.raises(ValueError, match="outside 0 to 1"):
        run(retention_rate=0.98)
    with pytest.raises(TypeError, match="discount_rate"):
        run(discount_rate=0.1)
    assert chart().axes[0].get_title() == chart(result).axes[0].get_title()
