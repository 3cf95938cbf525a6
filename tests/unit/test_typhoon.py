"""Chapter 5's typhoon decision: the case's figures, the break-even chance, every bad input."""

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell import typhoon
from relsell.cases import fact
from relsell.plotting.typhoon import typhoon_chart
from relsell.widgets.typhoon import typhoon_explorer


def test_defaults_are_the_case_figures():
    assert typhoon.MOVING_COST == 10_000 == fact("typhoon", "moving_cost")
    assert typhoon.GOODS_VALUE == 600_000 == fact("typhoon", "goods_saved")
    assert typhoon.OTHER_CUSTOMER_LOSS == 1_000_000
    assert fact("typhoon", "seawall_distance") == 40
    assert fact("typhoon", "place") == "Taizhou, Zhejiang"
    assert typhoon.FLOOD_PROBABILITY == pytest.approx(1 / 50)


def test_break_even_quoted_in_chapter_5():
    assert typhoon.break_even_probability() == pytest.approx(1 / 60)
    assert round(typhoon.break_even_probability(), 3) == 0.017
    assert typhoon.break_even_probability(goods_value=1_000_000) == pytest.approx(0.01)
    assert typhoon.break_even_probability(loss_share=0.5) == pytest.approx(1 / 30)


def test_default_decision_and_summary():
    result = typhoon.decide()
    assert result["expected_loss"] == pytest.approx(12_000)
    assert result["advantage"] == pytest.approx(2_000)
    assert result["decision"] == "move"
    text = typhoon.summary(result)
    assert "above 1.7%" in text and "12,000" in text and "1.2 times the cost" in text
    assert "the supplier's advice protected it" in text


def test_stay_either_never_and_free_moving():
    assert typhoon.decide(0.01)["decision"] == "stay"
    assert "a flood would still cost the owner 600,000" in typhoon.summary(typhoon.decide(0.01))
    assert typhoon.decide(1 / 60)["decision"] == "either"
    assert "cost the same" in typhoon.summary(typhoon.decide(1 / 60))
    never = typhoon.decide(0.5, moving_cost=700_000)
    assert never["break_even"] > 1 and "never pays" in typhoon.summary(never)
    free = typhoon.decide(0.05, moving_cost=0)
    assert free["decision"] == "move" and "moving is free" in typhoon.summary(free)
    assert typhoon.decide(0.0, moving_cost=0)["decision"] == "either"


def test_expected_loss_and_curve():
    assert typhoon.expected_loss() == pytest.approx(12_000)
    assert typhoon.expected_loss(0.1, 1_000_000, 0.5) == pytest.approx(50_000)
    curve = typhoon.decision_curve()
    assert len(curve) == 101 and curve["probability"].iloc[-1] == pytest.approx(0.10)
    assert set(curve["decision"]) == {"stay", "move"}
    first_move = curve.loc[curve["decision"] == "move", "probability"].iloc[0]
    assert first_move == pytest.approx(0.017)
    custom = typhoon.decision_curve(probabilities=[0.0, 0.5])
    assert list(custom["decision"]) == ["stay", "move"]


def test_scenarios_compare_the_two_customers():
    table = typhoon.scenarios().set_index("scenario")
    assert table.loc["other customer (cement lost)", "break_even"] == pytest.approx(0.01)
    assert table.loc["advised customer (goods saved)", "goods_value"] == 600_000
    assert (table["decision"] == "move").all()


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"probability": -0.1}, ValueError, "share between 0 and 1"),
        ({"probability": 2}, ValueError, "Did you mean 0.02"),
        ({"probability": "2%"}, TypeError, "Flood probability must be a number"),
        ({"probability": "百分之二"}, TypeError, "must be a number"),
        ({"probability": None}, TypeError, "must be a number"),
        ({"probability": True}, TypeError, "must be a number"),
        ({"probability": float("nan")}, ValueError, "not a number"),
        ({"moving_cost": -10}, ValueError, "Moving cost must be at least 0"),
        ({"moving_cost": "一万多"}, TypeError, "Moving cost must be a number"),
        ({"moving_cost": float("inf")}, ValueError, "must be finite"),
        ({"goods_value": 0}, ValueError, "more than 0"),
        ({"goods_value": -600_000}, ValueError, "at least 0"),
        ({"goods_value": [600_000]}, TypeError, "must be a number"),
        ({"goods_value": 1e13}, ValueError, "at most"),
        ({"loss_share": 0}, ValueError, "more than 0"),
        ({"loss_share": 100}, ValueError, "Did you mean 1"),
        ({"loss_share": "all"}, TypeError, "must be a number"),
    ],
)
def test_bad_inputs_are_explained(kwargs, error, words):
    with pytest.raises(error, match=words):
        typhoon.decide(**kwargs)


def test_bad_curve_and_summary_inputs():
    with pytest.raises(ValueError, match="probabilities is empty"):
        typhoon.decision_curve(probabilities=[])
    with pytest.raises(TypeError, match="list of chances"):
        typhoon.decision_curve(probabilities="0.02")
    with pytest.raises(TypeError, match="list of chances"):
        typhoon.decision_curve(probabilities=0.02)
    with pytest.raises(ValueError, match="share between 0 and 1"):
        typhoon.decision_curve(probabilities=[0.1, 5])
    with pytest.raises(TypeError, match="decide"):
        typhoon.summary("move")
    with pytest.raises(ValueError, match="more than 0"):
        typhoon.break_even_probability(goods_value=0)


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0, 1),
    st.floats(0, 1e7),
    st.floats(1, 1e7),
    st.floats(0.01, 1),
)
def test_decision_follows_the_break_even_chance(p, cost, goods, share):
    result = typhoon.decide(p, cost, goods, share)
    assert result["expected_loss"] >= 0
    assert result["break_even"] == pytest.approx(cost / (goods * share))
    if result["decision"] == "move":
        assert p >= result["break_even"] * (1 - 1e-9)
    if result["decision"] == "stay":
        assert p <= result["break_even"] * (1 + 1e-9)


@settings(max_examples=30, deadline=None)
@given(st.floats(1, 1e6), st.floats(1, 1e7), st.floats(1.0001, 10))
def test_break_even_rises_with_cost(cost, goods, factor):
    assert typhoon.break_even_probability(cost * factor, goods) > typhoon.break_even_probability(
        cost, goods
    )


def test_chart_shows_both_customers_and_the_break_even():
    fig = typhoon_chart(0.02, 10_000, 600_000)
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert "cost of moving (10,000)" in labels
    assert "other customer's cement (worth 1,000,000)" in labels
    assert "chosen chance 2.0%: move" in labels
    assert any("p* = 1.7%" in t.get_text() for t in ax.texts)
    fig2 = typhoon_chart(0.02, 10_000, 600_000, show_other_customer=False)
    assert not any("cement" in line.get_label() for line in fig2.axes[0].get_lines())
    # when moving never pays the break-even line is off the chart
    assert not typhoon_chart(0.5, 700_000, 600_000).axes[0].texts


def test_chart_renders_without_missing_glyphs(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        typhoon_chart(0.02, 10_000, 600_000).savefig(tmp_path / "t.png")
    assert (tmp_path / "t.png").stat().st_size > 10_000


def test_widget_starts_at_the_case_and_keeps_the_last_chart():
    ex = typhoon_explorer()
    assert ex.last_error is None and "above 1.7%" in ex.summary.value
    figure, text = ex.figure, ex.summary.value
    ex.controls["goods_value"].value = 0
    assert 'role="alert"' in ex.alert.value and "more than 0" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == text
    ex.controls["moving_cost"].value = -5
    assert "Moving cost must be at least 0" in ex.alert.value
    ex.controls["moving_cost"].value = 10_000
    ex.controls["goods_value"].value = 1_000_000
    assert ex.alert.value == "" and ex.figure is not figure
    assert "above 1.0%" in ex.summary.value
