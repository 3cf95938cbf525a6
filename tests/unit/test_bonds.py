"""Financial, social or structural bonds (chapter 3): the model, its chart and its explorer."""

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts import frame
from relsell.charts.bonds import bonds_chart, chart
from relsell.explorers.bonds import bonds_explorer, explorer
from relsell.models.bonds import (
    PARAMS,
    BondLevel,
    Market,
    best_level,
    default_levels,
    level_values,
    run,
    summary,
)


def _gains(table):
    last = table[-1]
    return {name: round(last[name] - last["no programme"]) for name in list(last)[2:]}


def _column(table, name):
    return [row[name] for row in table]


def test_default_levels_quoted_in_chapter_3():
    table = level_values()
    assert list(table[0]) == [
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
    assert _column(table, "no programme") == pytest.approx([100, 150, 175])
    # with the level: year 1 retention 1.0, year 2 copied, back to 0.5: 90 + 90 + 90 * 0.5
    assert _column(table, "x") == pytest.approx([90, 180, 225])
    assert _column(table, "year") == [0, 1, 2]


def test_the_table_is_plain_records_and_a_dataframe_is_accepted():
    table = level_values()
    assert isinstance(table, list) and all(isinstance(row, dict) for row in table)
    assert summary(frame(table)) == summary(table)
    assert best_level(frame(table)) == best_level(table)


def test_run_gives_the_defaults_and_builds_the_levels_from_its_settings():
    result = run()
    json.dumps(result)
    assert result["table"] == level_values()
    assert result["best_level"] == "level 3: + structural"
    assert round(result["best_gain"]) == 845
    assert [round(g["gain"]) for g in result["gains"]] == [-18, 250, 845]
    assert result["summary"] == summary(level_values())
    levels = [p.default for p in PARAMS if p.name[:-2] in ("cost", "uplift", "copy")]
    assert levels == [50, 0.05, 1, 100, 0.10, 3, 150, 0.15, 8]
    changed = run(copy_1=10, years=5, discount_rate=0, margin=500, base_retention=0.6)
    market = Market(margin=500, base_retention=0.6, discount_rate=0, years=5)
    level_1 = BondLevel("level 1: financial", 50, 0.05, 10)
    assert _column(changed["table"], "level 1: financial") == pytest.approx(
        _column(level_values([level_1, *default_levels()[1:]], market), "level 1: financial")
    )
    assert len(changed["table"]) == 6


@pytest.mark.parametrize(
    "settings, error, words",
    [
        ({"uplift_1": 5}, ValueError, "Level 1: uplift must be a share between 0 and 1; got 5. "),
        ({"uplift_1": 5}, ValueError, "Did you mean 0.05"),
        ({"cost_2": -5}, ValueError, "Level 2: cost / year must be at least 0; got -5"),
        ({"copy_3": -1}, ValueError, "Level 3: years to copy must be at least 0"),
        ({"margin": -1}, ValueError, "Yearly margin must be at least 0"),
        ({"years": 2.5}, ValueError, "Years must be a whole number"),
        ({"cost_1": "50"}, TypeError, "Level 1: cost / year must be a number"),
        ({"level_4": 1}, TypeError, "Unknown setting\\(s\\) level_4"),
    ],
)
def test_bad_settings_are_explained(settings, error, words):
    with pytest.raises(error, match=words):
        run(**settings)


def test_copied_at_once_means_only_the_cost_remains():
    market = Market()
    level = BondLevel("copied", yearly_cost=40, retention_uplift=0.2, years_to_copy=0)
    table = level_values([level], market)
    assert all(row["copied"] < row["no programme"] for row in table)
    assert best_level(table) == ("no programme", 0.0)
    assert "No level pays for itself" in summary(table)


def test_retention_is_capped_at_one():
    market = Market(base_retention=0.95, years=3, discount_rate=0)
    table = level_values([BondLevel("big", 0, 0.5, 10)], market)
    assert table[-1]["big"] == pytest.approx(4 * market.margin)


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
    a = level_values([level])[-1]["L"]
    b = level_values([longer])[-1]["L"]
    assert b >= a - 1e-6


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 20))
def test_a_free_level_without_uplift_equals_no_programme(copy_years):
    table = level_values([BondLevel("free", 0, 0, copy_years)])
    assert _column(table, "free") == pytest.approx(_column(table, "no programme"))


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
    with pytest.raises(ValueError, match="level_values\\(\\); missing column\\(s\\) no programme"):
        summary(pd.DataFrame({"year": [0]}))
    with pytest.raises(TypeError, match="level_values"):
        summary("the table")
    with pytest.raises(ValueError, match="no level"):
        best_level(
            [{"year": row["year"], "no programme": row["no programme"]} for row in level_values()]
        )
    with pytest.raises(ValueError, match="empty"):
        best_level([])


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


def test_the_default_chart_is_the_chapter_chart():
    ax = chart().axes[0]
    assert [t.get_text() for t in ax.texts] == ["-18", "+250", "+845"]


def test_explorer_starts_at_the_defaults_and_follows_its_controls():
    assert bonds_explorer is explorer  # the name the notebook calls
    ex = bonds_explorer()
    assert ex.last_error is None and "845 yuan more" in ex.summary.value
    assert list(ex.controls)[:6] == ["margin", "base_retention", "discount_rate"] + [
        "cost_1",
        "uplift_1",
        "copy_1",
    ]
    figure = ex.figure
    ex.controls["copy_1"].value = 10
    assert ex.alert.value == "" and ex.figure is not figure
    assert "level 1: financial +" in ex.summary.value
    with pytest.raises(ValueError, match="Did you mean 0.05"):
        explorer(uplift_1=5)
