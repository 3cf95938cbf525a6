"""ABC tiers, RFM scores and CLV: hand-checked examples, the shipped data, every bad input."""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.analytics import (
    DEFAULT_CUTOFFS,
    SEGMENT_NAMES,
    SEGMENTS,
    TIERS,
    TIERS_ZH,
    CLVAssumptions,
    TransactionsError,
    analyse,
    cdnow_transactions,
    check_cutoffs,
    generate_transactions,
    lifetime_value,
    quantile_scores,
    sample_transactions,
    summary,
)
from relsell.analytics.abc_analysis import abc_codes, share_above
from relsell.analytics.rfm import segment_codes
from relsell.checks import ModelInputError


def table(rows):
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


# ---- CLV: the source's formula -----------------------------------------------------------
def test_lifetime_value_is_the_source_formula_by_hand():
    # V = (1000-400) + (1200-300)/1.08 + (1500-300)/1.08^2
    expected = 600 + 900 / 1.08 + 1200 / 1.08**2
    assert lifetime_value([1000, 1200, 1500], [400, 300, 300], 0.08) == pytest.approx(expected)
    assert round(expected, 2) == 2462.14


def test_year_zero_is_not_discounted_and_zero_rate_is_a_plain_sum():
    assert lifetime_value([500], [100], 0.5) == 400
    assert lifetime_value([1, 2, 3], [0, 0, 0], 0.0) == 6


def test_lifetime_value_is_vectorised_over_customers():
    q = np.array([[1000, 1200, 1500], [100, 100, 100]])
    c = np.array([[400, 300, 300], [150, 0, 0]])
    both = lifetime_value(q, c, 0.1)
    assert both.shape == (2,)
    for row in range(2):
        assert both[row] == pytest.approx(lifetime_value(q[row], c[row], 0.1))


@pytest.mark.parametrize(
    "q, c, rate, error, message",
    [
        ("1000", [1], 0.08, TypeError, "must be a list of yearly amounts"),
        (1000, [1], 0.08, TypeError, "must be a list of yearly amounts"),
        (["一千"], [1], 0.08, TypeError, "must contain only numbers"),
        ([], [], 0.08, ModelInputError, "needs at least one yearly amount"),
        ([1, 2], [1], 0.08, ModelInputError, "must cover the same years"),
        ([1, float("nan")], [1, 1], 0.08, ModelInputError, "must be finite"),
        ([1], [1], -0.1, ModelInputError, "Discount rate must be at least 0"),
        ([1], [1], 8, ModelInputError, "Discount rate must be at most 1"),
        ([1], [1], "8%", TypeError, "Discount rate must be a number"),
    ],
)
def test_lifetime_value_refuses_bad_input(q, c, rate, error, message):
    with pytest.raises(error, match=message):
        lifetime_value(q, c, rate)


@pytest.mark.parametrize(
    "field, value, error, message",
    [
        ("margin_rate", 30, ModelInputError, "Did you mean 0.3"),
        ("margin_rate", "三成", TypeError, "Gross margin rate must be a number"),
        ("cost_per_order", -1, ModelInputError, "Cost per order must be at least 0"),
        ("yearly_cost", -5, ModelInputError, "Yearly cost per customer must be at least 0"),
        ("discount_rate", 2, ModelInputError, "Discount rate must be at most 1"),
        ("future_years", 2.5, ModelInputError, "Future years must be a whole number"),
        ("future_years", 31, ModelInputError, "at most 30"),
        ("retention_rate", 1.5, ModelInputError, "Retention rate must be a share"),
        ("retention_rate", None, TypeError, "Retention rate must be a number"),
    ],
)
def test_clv_assumptions_are_checked(field, value, error, message):
    with pytest.raises(error, match=message):
        CLVAssumptions(**{field: value})


def test_clv_from_transactions_matches_the_formula_by_hand():
    tx = table([["A", "2023-01-01", 1000.0], ["A", "2024-02-01", 2000.0]])
    history_only = CLVAssumptions(future_years=0)
    c = analyse(tx, assumptions=history_only, as_of="2024-12-31").customers.iloc[0]
    # year 0: Q = 0.3*1000, C = 5 + 20; year 1: Q = 0.3*2000, C = 5 + 20
    expected = lifetime_value([300, 600], [25, 25], 0.08)
    assert c["relationship_years"] == 2
    assert c["clv_history"] == pytest.approx(expected)
    assert c["clv"] == pytest.approx(expected)

    full = analyse(tx, as_of="2024-12-31").customers.iloc[0]
    yearly_net = (295 + 595) / 2 - 20
    future = sum(yearly_net * 0.7**k / 1.08 ** (1 + k) for k in (1, 2, 3))
    assert full["clv_future"] == pytest.approx(future)
    assert full["clv"] == pytest.approx(expected + future)


def test_a_customer_who_costs_more_than_he_brings_has_negative_clv():
    tx = table([["A", "2023-01-01", 10.0]])
    assert analyse(tx, as_of="2024-12-31").customers["clv"].iloc[0] < 0


def test_with_assumptions_equals_a_fresh_analysis():
    tx = sample_transactions()
    changed = analyse(tx).with_assumptions(discount_rate=0.12, future_years=5)
    fresh = analyse(tx, assumptions=CLVAssumptions(discount_rate=0.12, future_years=5))
    assert np.allclose(changed.customers["clv"], fresh.customers["clv"])


# ---- ABC ---------------------------------------------------------------------------------
def test_abc_has_the_sources_four_tiers():
    assert TIERS == ("High-end", "Key", "Medium", "Small")
    assert TIERS_ZH == ("高端客户", "大客户", "中等客户", "小客户")
    assert DEFAULT_CUTOFFS == (0.5, 0.8, 0.95)


def test_abc_tiers_by_hand():
    # revenue 50, 20, 10, 10, 5, 5 (total 100); customers ranked above bring 0, 50, 70, 70, 90, 90
    cents = np.array([5000, 2000, 1000, 1000, 500, 500], dtype=float)
    assert list(share_above(cents)) == [0.0, 0.5, 0.7, 0.7, 0.9, 0.9]
    assert list(abc_codes(cents)) == [0, 1, 1, 1, 2, 2]
    assert list(abc_codes(cents, (0.6, 0.7, 0.8))) == [0, 0, 2, 2, 3, 3]


def test_the_biggest_customer_is_always_high_end():
    cents = np.array([9000, 500, 300, 200], dtype=float)  # one customer brings 90 %
    assert list(abc_codes(cents)) == [0, 2, 3, 3]
    assert list(abc_codes(np.zeros(3))) == [3, 3, 3]  # no revenue at all: nobody creates value


def test_customers_with_equal_revenue_share_a_tier():
    cents = np.array([100.0] * 10)
    assert set(abc_codes(cents)) == {0}  # nobody bought more than anybody else


@pytest.mark.parametrize(
    "cutoffs, error, message",
    [
        ((0.8, 0.5, 0.95), ModelInputError, "must increase from tier to tier"),
        ((0.5, 0.5, 0.95), ModelInputError, "must increase"),
        ((0.5, 0.8), ModelInputError, "needs three cut-offs for four tiers"),
        ((50, 80, 95), ModelInputError, "Did you mean 0.5"),
        ((0.0, 0.8, 0.95), ModelInputError, "must be above 0"),
        ((-0.1, 0.8, 0.95), ModelInputError, "between 0 and 1"),
        ("0.5,0.8,0.95", TypeError, "three shares"),
        (0.5, TypeError, "three shares"),
        (("一半", 0.8, 0.95), TypeError, "High-end cut-off must be a number"),
    ],
)
def test_bad_cutoffs_are_explained(cutoffs, error, message):
    with pytest.raises(error, match=message):
        check_cutoffs(cutoffs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=200))
def test_tiers_follow_the_revenue_ranked_above(values):
    cents = np.array(values, dtype=float)
    codes = abc_codes(cents)
    order = np.argsort(-cents, kind="stable")
    assert np.all(np.diff(codes[order]) >= 0)  # more revenue never means a lower tier
    if cents.sum() == 0:
        return
    assert codes[np.argmax(cents)] == 0  # the biggest customer is high-end
    above = share_above(cents)
    for code, cut in enumerate(DEFAULT_CUTOFFS):
        assert np.all(above[codes <= code] < cut + 1e-12)
        assert np.all(above[codes > code] >= cut - 1e-12)


# ---- RFM ---------------------------------------------------------------------------------
def test_quintile_scores_by_hand_and_ties_share_a_score():
    assert list(quantile_scores(np.array([10, 20, 30, 40, 50]))) == [1, 2, 3, 4, 5]
    assert list(quantile_scores(np.array([50, 10, 30, 20, 40]))) == [5, 1, 3, 2, 4]
    # six one-time buyers and four repeat buyers: the ones all score 1, the twos 4
    assert list(quantile_scores(np.array([1] * 6 + [2] * 4))) == [1] * 6 + [4] * 4
    assert list(quantile_scores(np.array([7, 7, 7]))) == [1, 1, 1]
    assert len(quantile_scores(np.array([]))) == 0


def test_quantile_scores_check_the_number_of_levels():
    with pytest.raises(ModelInputError, match="at least 2"):
        quantile_scores(np.array([1, 2]), bins=1)
    assert set(quantile_scores(np.arange(100), bins=10)) == set(range(1, 11))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=-1000, max_value=1000), min_size=1, max_size=300))
def test_scores_are_between_1_and_5_and_monotone(values):
    v = np.array(values)
    s = quantile_scores(v)
    assert s.min() >= 1 and s.max() <= 5
    order = np.argsort(v, kind="stable")
    assert np.all(np.diff(s[order]) >= 0)


def test_the_segment_rules_cover_every_score_combination():
    combos = np.array(list(itertools.product(range(1, 6), repeat=3)))
    codes = segment_codes(combos[:, 0], combos[:, 1], combos[:, 2])
    assert set(codes) == set(range(len(SEGMENTS)))
    by_name = dict(zip(map(tuple, combos), codes, strict=True))
    assert SEGMENT_NAMES[by_name[(5, 5, 5)]] == "Champions"
    assert SEGMENT_NAMES[by_name[(3, 5, 1)]] == "Loyal customers"
    assert SEGMENT_NAMES[by_name[(5, 1, 1)]] == "New customers"
    assert SEGMENT_NAMES[by_name[(3, 2, 5)]] == "Needs attention"
    assert SEGMENT_NAMES[by_name[(1, 5, 5)]] == "Can't lose them"
    assert SEGMENT_NAMES[by_name[(1, 1, 1)]] == "Hibernating"
    for _name, rule, action in SEGMENTS:
        assert rule and len(action) > 20


def test_recency_is_days_since_the_last_purchase():
    tx = table([["A", "2024-01-01", 5.0], ["A", "2024-03-01", 5.0], ["B", "2024-03-10", 5.0]])
    c = analyse(tx).customers.set_index("customer_id")
    assert c.loc["B", "recency_days"] == 1  # default analysis date: the day after the data
    assert c.loc["A", "recency_days"] == 10
    assert c.loc["A", "frequency"] == 2 and c.loc["A", "monetary"] == 10
    assert c.loc["B", "r_score"] > c.loc["A", "r_score"]
    later = analyse(tx, as_of="2024-04-09").customers.set_index("customer_id")
    assert later.loc["A", "recency_days"] == 39


# ---- the shipped data and the default results ---------------------------------------------
def test_the_sample_is_exactly_the_generator():
    shipped = sample_transactions()
    made = generate_transactions(2000, n_customers=200, seed=2024)
    assert list(shipped["customer_id"].astype(str)) == list(made["customer_id"].astype(str))
    assert (shipped["date"].to_numpy() == made["date"].to_numpy()).all()
    assert (shipped["amount"].to_numpy() == made["amount"].to_numpy()).all()


def test_default_results_on_the_sample():
    result = analyse(sample_transactions())
    tiers = result.abc_table()
    assert tiers["customers"].tolist() == [17, 37, 64, 82]
    assert tiers["revenue_share"].round(2).tolist() == [0.51, 0.29, 0.15, 0.05]
    segments = result.segment_table()
    assert segments["customers"].tolist() == [40, 24, 33, 23, 17, 63]
    assert segments["customers"].sum() == 200
    assert segments["customer_share"].sum() == pytest.approx(1)
    assert result.customers["rfm_score"].between(3, 15).all()
    assert int((result.customers["clv"] < 0).sum()) == 6
    assert summary(result) == (
        "Of 200 customers, 17 high-end customers (8%) bring 51% of revenue, and high-end plus "
        "key customers (27%) bring 80%. RFM finds 40 champions and 17 good customers going "
        "quiet; 6 customers have a negative CLV under the current assumptions."
    )


def test_with_cutoffs_equals_a_fresh_analysis():
    tx = sample_transactions()
    moved = analyse(tx).with_cutoffs((0.4, 0.7, 0.9))
    fresh = analyse(tx, cutoffs=(0.4, 0.7, 0.9))
    assert (moved.customers["abc_tier"] == fresh.customers["abc_tier"]).all()
    assert moved.abc_table()["customers"].sum() == 200


def test_real_cdnow_sample_is_shipped_and_analysed():
    tx = cdnow_transactions()
    assert len(tx) == 6696 and tx["customer_id"].nunique() == 2357
    assert tx["date"].min() == pd.Timestamp("1997-01-01")
    assert tx["date"].max() == pd.Timestamp("1998-06-30")
    result = analyse(tx, assumptions=CLVAssumptions(cost_per_order=1, yearly_cost=2))
    assert result.abc_table()["customers"].sum() == 2357


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"transactions": "sales.csv"}, TransactionsError, "Expected a table"),
        ({"cutoffs": (0.9, 0.8, 0.95)}, ModelInputError, "must increase"),
        ({"assumptions": {"margin_rate": 0.3}}, TypeError, "CLVAssumptions"),
        ({"as_of": "2020-01-01"}, TransactionsError, "must be after the last purchase"),
        ({"as_of": "明天"}, TransactionsError, "as_of must be a date"),
    ],
)
def test_analyse_refuses_bad_input(kwargs, error, message):
    args = {"transactions": sample_transactions(), **kwargs}
    with pytest.raises(error, match=message):
        analyse(args.pop("transactions"), **args)


def test_analyse_validates_raw_tables_and_summary_needs_a_result():
    raw = pd.DataFrame({"客户ID": ["A", "B"], "日期": ["2024-01-01", "2024-01-02"], "金额": [1, 2]})
    assert len(analyse(raw).customers) == 2
    bad = pd.DataFrame({"customer_id": ["A"], "date": ["2024-01-01"], "amount": [-1.0]})
    with pytest.raises(TransactionsError, match="negative"):
        analyse(bad)
    with pytest.raises(TypeError, match="result of analyse"):
        summary("a table")


# ---- the generator -----------------------------------------------------------------------
def test_the_generator_is_deterministic_and_seeded():
    a = generate_transactions(500, seed=7)
    b = generate_transactions(500, seed=7)
    c = generate_transactions(500, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not a["amount"].equals(c["amount"])


def test_every_generated_customer_buys_and_dates_stay_in_the_period():
    tx = generate_transactions(1000, n_customers=250, start="2024-01-01", end="2024-06-30")
    assert tx["customer_id"].nunique() == 250 and len(tx) == 1000
    assert tx["date"].min() >= pd.Timestamp("2024-01-01")
    assert tx["date"].max() <= pd.Timestamp("2024-06-30")
    assert (tx["amount"] >= 1).all()
    assert tx["date"].is_monotonic_increasing


def test_generated_revenue_is_concentrated_as_80_20_suggests():
    result = analyse(generate_transactions(20_000, seed=1))
    top_two = result.abc_table()["customer_share"].iloc[:2].sum()
    assert 0.15 < top_two < 0.4


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n_rows": 0}, "Number of transactions must be at least 1"),
        ({"n_rows": 10, "n_customers": 11}, "at most one per transaction"),
        ({"n_rows": "千"}, "must be a whole number"),
        ({"seed": -1}, "Seed must be at least 0"),
        ({"start": "2024-01-01", "end": "2023-01-01"}, "must be after start"),
        ({"start": "soon"}, "start must be a date"),
    ],
)
def test_generator_refuses_bad_arguments(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        generate_transactions(**kwargs)
