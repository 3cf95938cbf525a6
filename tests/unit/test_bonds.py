"""Financial, social or structural bonds (chapter 3): the model, its chart and its explorer."""

import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts.bonds import bonds_chart
from relsell.explorers.bonds import bonds_explorer
from relsell.models.bonds import (
    BondLevel,
    Market,
    best_level,
    default_levels,
    level_values,
    summary,
)


def _gains(table):
    last = table.iloc[-1]
    return {name: round(last[name] - last["no programme"]) for name in table.columns[2:]}


def test_default_levels_quoted_in_chapter_3():
    table = level_values()
    assert list(table.columns) == [
        "year",
        "no programme",
        "level 1: financial",
        "level 2: + social",
        "level 3: + structural",
    ]
    assert _gains(table) == {
        "level 1: financial": -18,
        "level 2: + social": 250,
        "level 3: + structural": 845,
    }
    assert best_level(table)[0] == "level 3: + structural"
    text = summary(table)
    assert "level 1: financial −18 yuan" in text
    assert "Best: level 3: + structural, 845 yuan more than no programme." in text


def test_the_chapter_quotes_the_default_results(repo):
    page = (repo / "book/ch03_loyalty_and_value.md").read_text(encoding="utf-8")
    for words in ("loses about 18 yuan", "gains about 250 yuan", "about 845 yuan"):
        assert words in page


def test_by_hand_two_years():
    market = Market(margin=100, base_retention=0.5, discount_rate=0, years=2)
    level = BondLevel("x", yearly_cost=10, retention_uplift=0.5, years_to_copy=1)
    table = level_values([level], market)
    # no programme: 100 + 100 * 0.5 + 100 * 0.25
    assert table["no programme"].tolist() == pytest.approx([100, 150, 175])
    # with the level: year 1 retention 1.0, year 2 copied, back to 0.5: 90 + 90 + 90 * 0.5
    assert table["x"].tolist() == pytest.approx([90, 180, 225])


def test_copied_at_once_means_only_the_cost_remains():
    market = Market()
    level = BondLevel("copied", yearly_cost=40, retention_uplift=0.2, years_to_copy=0)
    table = level_values([level], market)
    assert (table["copied"] < table["no programme"]).all()
    assert best_level(table) == ("no programme", 0.0)
    assert "No level pays for itself" in summary(table)


def test_retention_is_capped_at_one():
    market = Market(base_retention=0.95, years=3, discount_rate=0)
    table = level_values([BondLevel("big", 0, 0.5, 10)], market)
    assert table["big"].iloc[-1] == pytest.approx(4 * market.margin)


levels = st.builds(
    BondLevel,
    name=st.just("L"),
    yearly_cost=st.floats(0, 500),
    retention_uplift=st.floats(0, 0.3),
    years_to_copy=st.floats(0, 20),
)


@settings(max_examples=60, deadline=None)
@given(levels, st.floats(0, 20))
def test_a_later_copy_never_lowers_the_value(level, extra):
    longer = BondLevel("L", level.yearly_cost, level.retention_uplift, level.years_to_copy + extra)
    a = level_values([level])["L"].iloc[-1]
    b = level_values([longer])["L"].iloc[-1]
    assert b >= a - 1e-6


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 20))
def test_a_free_level_without_uplift_equals_no_programme(copy_years):
    table = level_values([BondLevel("free", 0, 0, copy_years)])
    assert table["free"].tolist() == pytest.approx(table["no programme"].tolist())


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"yearly_cost": -5}, ValueError, "yearly cost must be at least 0; got -5"),
        ({"yearly_cost": "50"}, TypeError, "yearly cost must be a number"),
        ({"yearly_cost": "五十"}, TypeError, "yearly cost must be a number"),
        ({"retention_uplift": 5}, ValueError, "Did you mean 0.05"),
        ({"retention_uplift": -0.1}, ValueError, "between 0 and 1"),
        ({"years_to_copy": -1}, ValueError, "years until a rival copies it must be at least 0"),
        ({"years_to_copy": None}, TypeError, "must be a number"),
        ({"years_to_copy": float("nan")}, ValueError, "not a number"),
        ({"name": ""}, ValueError, "needs a name"),
    ],
)
def test_bad_levels_get_a_student_readable_message(kwargs, error, words):
    base = {"name": "level 1", "yearly_cost": 50, "retention_uplift": 0.05, "years_to_copy": 1}
    with pytest.raises(error, match=words):
        BondLevel(**{**base, **kwargs})


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"margin": -1}, ValueError, "Yearly margin must be at least 0"),
        ({"base_retention": 70}, ValueError, "Did you mean 0.7"),
        ({"discount_rate": 8}, ValueError, "at most 1"),
        ({"years": 0}, ValueError, "Years must be at least 1"),
        ({"years": 2.5}, ValueError, "whole number"),
        ({"margin": "1000"}, TypeError, "must be a number"),
    ],
)
def test_bad_markets_get_a_student_readable_message(kwargs, error, words):
    with pytest.raises(error, match=words):
        Market(**kwargs)


def test_bad_arguments_are_explained():
    with pytest.raises(TypeError, match="Market"):
        level_values(default_levels(), {"margin": 5})
    with pytest.raises(ValueError, match="at least one level"):
        level_values([])
    with pytest.raises(TypeError, match="BondLevel"):
        level_values([("level 1", 50, 0.05, 1)])
    with pytest.raises(ValueError, match="used twice"):
        level_values([BondLevel("a", 1, 0.1, 1), BondLevel("a", 2, 0.1, 1)])
    with pytest.raises(TypeError, match="level_values"):
        summary(pd.DataFrame({"year": [0]}))
    with pytest.raises(ValueError, match="no level"):
        best_level(level_values().iloc[:, :2])


def test_chart_draws_one_line_per_level_and_labels_the_gains(tmp_path):
    fig = bonds_chart(level_values())
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == [
        "no programme",
        "level 1: financial",
        "level 2: + social",
        "level 3: + structural",
    ]
    assert [t.get_text() for t in ax.texts] == ["-18", "+250", "+845"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 10_000


def test_explorer_starts_at_the_defaults_and_keeps_the_chart_on_bad_input():
    ex = bonds_explorer()
    assert ex.last_error is None and "845 yuan more" in ex.summary.value
    figure, sentence = ex.figure, ex.summary.value
    ex.controls["uplift_1"].value = 5
    assert 'role="alert"' in ex.alert.value and "Did you mean 0.05" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == sentence
    ex.controls["uplift_1"].value = 0.05
    ex.controls["copy_1"].value = 10
    assert ex.alert.value == "" and ex.figure is not figure
    assert "level 1: financial +" in ex.summary.value
