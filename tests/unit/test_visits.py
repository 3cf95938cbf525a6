"""The visit funnel of chapter 5: the deck's figures, the course's assumptions, bad input."""

import math
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts.visits import chart, funnel_chart
from relsell.content.cases import fact
from relsell.explorers.visits import funnel_explorer
from relsell.models.visits import (
    DEFAULT_TARGET_DEALS,
    PARAMS,
    VisitAssumptions,
    daily_quota,
    month_at_quota,
    plan_for_target,
    run,
    summary,
)


def test_defaults_come_from_the_deck():
    a = VisitAssumptions()
    assert a.prospects == fact("visit_rules", "prospect_list") == 300
    assert (a.first_visits, a.second_visits) == (7, 3)
    assert daily_quota() == a.visits_per_day == 10


def test_default_plan_quoted_in_chapter_7():
    plan = plan_for_target()
    assert DEFAULT_TARGET_DEALS == 5
    assert [row["stage"] for row in plan["table"]] == [
        "prospects",
        "visits",
        "conversations",
        "deals",
    ]
    assert [row["needed"] for row in plan["table"]] == [56, 167, 50, 5]
    assert plan["needed"] == {"prospects": 56, "visits": 167, "conversations": 50, "deals": 5}
    assert plan["days"] == 17
    assert round(plan["share_of_list"], 3) == 0.187


def test_run_is_the_plan_the_month_and_the_summary_at_the_settings():
    result = run()
    assert result["plan"] == plan_for_target() and result["month"] == month_at_quota()
    assert result["summary"] == summary(plan_for_target(), month_at_quota())
    assert run(target_deals=8)["plan"]["needed"]["visits"] == 267
    assert run(closing_rate=0.2)["plan"] == plan_for_target(closing_rate=0.2)
    assert [p.name for p in PARAMS][0] == "target_deals"
    assert [p.label for p in PARAMS][1:4] == [
        "Prospects on the list",
        "First part of the daily quota",
        "Second part of the daily quota",
    ]


def test_default_month_quoted_in_chapter_7():
    m = month_at_quota()
    assert m["visits"] == 220
    assert m["conversations"] == pytest.approx(66)
    assert m["deals"] == pytest.approx(6.6)
    assert m["commission"] == pytest.approx(5280)
    assert m["prospects_used"] == pytest.approx(220 / 3)
    assert round(m["list_months"], 1) == 4.1


def test_summary_states_both_directions():
    text = summary(plan_for_target(), month_at_quota())
    assert "To close 5 deals you need about 50 sales conversations, 167 visits" in text
    assert "56 prospects (19% of a list of 300)" in text
    assert "17 working days" in text
    assert "about 6.6 deals and 5,280 yuan" in text
    assert "lasts about 4.1 months" in text
    assert summary(plan_for_target(1, closing_rate=1, conversation_rate=1)).endswith(
        "that is 1 working day."
    )


def test_by_hand_plan_rounds_every_stage_up():
    # 3 deals at 40 % closing -> 7.5 -> 8 conversations; at 25 % -> 32 visits;
    # 2.5 visits per prospect -> 12.8 -> 13 prospects; 32 visits at 6 a day -> 5.33 -> 6 days.
    plan = plan_for_target(
        3,
        closing_rate=0.4,
        conversation_rate=0.25,
        visits_per_prospect=2.5,
        first_visits=4,
        second_visits=2,
    )
    assert list(plan["needed"].values()) == [13, 32, 8, 3]
    assert plan["days"] == 6


def test_exact_quotients_are_not_rounded_up_by_float_error():
    plan = plan_for_target(5, closing_rate=0.1, conversation_rate=0.5, visits_per_prospect=1)
    assert list(plan["needed"].values()) == [100, 100, 50, 5]
    assert plan["days"] == 10


def test_overrides_and_assumption_objects_combine():
    base = VisitAssumptions(working_days=20)
    assert month_at_quota(base)["visits"] == 200
    assert month_at_quota(base, first_visits=5)["visits"] == 160
    assert month_at_quota(base, first_visits=5)["commission"] == pytest.approx(160 * 0.03 * 800)


def test_a_quota_of_seven_only_is_allowed():
    assert daily_quota(second_visits=0) == 7


def test_zero_commission_and_perfect_rates_are_edge_cases_not_errors():
    m = month_at_quota(commission_per_deal=0, conversation_rate=1, closing_rate=1)
    assert m["commission"] == 0 and m["deals"] == m["visits"] == 220


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 200),
    st.floats(0.01, 1),
    st.floats(0.01, 1),
    st.floats(1, 20),
)
def test_funnel_never_shrinks_upwards_and_covers_the_target(deals, conv, close, per):
    plan = plan_for_target(
        deals, conversation_rate=conv, closing_rate=close, visits_per_prospect=per
    )
    need = plan["needed"]
    assert need["visits"] >= need["conversations"] >= need["deals"] == deals
    # the rounded plan really delivers the target in expectation
    assert need["conversations"] * close >= deals - 1e-6
    assert need["visits"] * conv >= need["conversations"] - 1e-6
    assert need["prospects"] * per >= need["visits"] - 1e-6
    assert plan["days"] == math.ceil(need["visits"] / 10 - 1e-9)


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1))
def test_higher_closing_rate_never_needs_more_visits(r1, r2):
    low, high = sorted((max(r1, 0.01), max(r2, 0.01)))
    a = plan_for_target(closing_rate=low)["needed"]["visits"]
    b = plan_for_target(closing_rate=high)["needed"]["visits"]
    assert b <= a


@pytest.mark.parametrize(
    "field, value, error, words",
    [
        ("prospects", -300, ValueError, "Prospects on the list must be at least 1; got -300"),
        ("prospects", 0, ValueError, "Prospects on the list must be at least 1"),
        ("prospects", "300", TypeError, "must be a whole number; got '300'"),
        ("prospects", "主顾300", TypeError, "must be a whole number"),
        ("prospects", 300.5, ValueError, "whole number; got 300.5"),
        ("prospects", True, TypeError, "whole number; got True"),
        ("first_visits", -7, ValueError, "First part of the daily quota must be at least 0"),
        ("first_visits", "七", TypeError, "First part of the daily quota must be a whole number"),
        ("first_visits", "7+3", TypeError, "Enter the 7 of '7\\+3'"),
        ("second_visits", 60, ValueError, "at most 50"),
        ("second_visits", None, TypeError, "must be a whole number"),
        ("working_days", 0, ValueError, "Working days per month must be at least 1"),
        ("working_days", 40, ValueError, "at most 31"),
        ("conversation_rate", 30, ValueError, "Did you mean 0.3 \\(30 %\\)"),
        ("conversation_rate", -0.1, ValueError, "between 0 and 1"),
        ("conversation_rate", "30%", TypeError, "Conversation rate must be a number"),
        ("closing_rate", 10, ValueError, "Did you mean 0.1"),
        ("closing_rate", 1.5, ValueError, "Closing rate must be a share between 0 and 1"),
        ("closing_rate", "百分之十", TypeError, "Closing rate must be a number"),
        ("closing_rate", float("nan"), ValueError, "not a number"),
        ("visits_per_prospect", 0, ValueError, "Visits per prospect must be at least 1"),
        ("visits_per_prospect", -3, ValueError, "at least 1"),
        ("visits_per_prospect", float("inf"), ValueError, "must be finite"),
        ("commission_per_deal", -800, ValueError, "Commission per deal must be at least 0"),
        ("commission_per_deal", "800元", TypeError, "Commission per deal must be a number"),
    ],
)
def test_bad_assumptions_get_a_student_readable_message(field, value, error, words):
    with pytest.raises(error, match=words):
        VisitAssumptions(**{field: value})


def test_an_empty_quota_is_refused():
    with pytest.raises(ValueError, match="0 \\+ 0 visits"):
        VisitAssumptions(first_visits=0, second_visits=0)


@pytest.mark.parametrize(
    "target, error, words",
    [
        (0, ValueError, "Target deals must be at least 1"),
        (-5, ValueError, "at least 1; got -5"),
        (2.5, ValueError, "whole number; got 2.5"),
        ("5", TypeError, "Target deals must be a whole number"),
        ("五", TypeError, "Target deals must be a whole number"),
        (5000, ValueError, "at most 1000"),
    ],
)
def test_bad_targets_are_explained(target, error, words):
    with pytest.raises(error, match=words):
        plan_for_target(target)
    with pytest.raises(error, match=words):
        run(target_deals=target)


def test_run_explains_bad_settings_like_the_assumptions():
    with pytest.raises(ValueError, match="Did you mean 0.3 \\(30 %\\)"):
        run(conversation_rate=30)
    with pytest.raises(ValueError, match="0 \\+ 0 visits"):
        run(first_visits=0, second_visits=0)
    with pytest.raises(TypeError, match="Unknown setting\\(s\\) closing"):
        run(closing=0.1)


def test_zero_rates_cannot_reach_a_deal():
    with pytest.raises(ValueError, match="Closing rate is 0"):
        plan_for_target(closing_rate=0)
    with pytest.raises(ValueError, match="Conversation rate is 0"):
        plan_for_target(conversation_rate=0)
    assert month_at_quota(closing_rate=0)["deals"] == 0  # forwards, zero is a fact, not an error


def test_wrong_objects_are_explained():
    with pytest.raises(TypeError, match="VisitAssumptions"):
        month_at_quota({"working_days": 20})
    with pytest.raises(TypeError, match="plan_for_target"):
        summary(pd.DataFrame({"stage": ["deals"], "needed": [1]}))
    with pytest.raises(TypeError, match="plan_for_target"):
        summary(plan_for_target()["table"])  # the table alone lacks the working days
    broken = {**plan_for_target(), "table": [{"stage": "deals"}]}
    with pytest.raises(ValueError, match="missing column\\(s\\) needed"):
        summary(broken)
    reordered = {**plan_for_target(), "table": plan_for_target()["table"][::-1]}
    with pytest.raises(ValueError, match="one row per stage: prospects, visits"):
        summary(reordered)
    with pytest.raises(TypeError, match="month_at_quota"):
        summary(plan_for_target(), {"visits": 1})
    with pytest.raises(TypeError, match="plan_for_target"):
        funnel_chart([56, 167, 50, 5])


def test_funnel_chart_shows_the_four_stages_and_the_days(tmp_path):
    fig = funnel_chart(plan_for_target())
    ax = fig.axes[0]
    assert len(ax.patches) == 4
    assert [round(p.get_width()) for p in ax.patches] == [56, 167, 50, 5]
    assert ax.get_title() == "What 5 deals take"
    assert any("17 working days" in t.get_text() for t in ax.texts)
    assert plan_for_target(1)["target_deals"] == 1
    assert funnel_chart(plan_for_target(1)).axes[0].get_title() == "What 1 deal take"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would be a UserWarning
        fig.savefig(tmp_path / "funnel.png")
    assert (tmp_path / "funnel.png").stat().st_size > 10_000
    drawn = chart(run(target_deals=8)).axes[0]
    assert [round(p.get_width()) for p in drawn.patches] == [89, 267, 80, 8]
    assert chart().axes[0].get_title() == "What 5 deals take"


def test_explorer_starts_at_the_default_case():
    ex = funnel_explorer()
    assert ex.last_error is None and ex.figure is not None
    assert "167 visits" in ex.summary.value and "5,280 yuan" in ex.summary.value


def test_explorer_bad_setting_shows_an_alert_and_keeps_the_last_chart():
    ex = funnel_explorer()
    figure, text = ex.figure, ex.summary.value
    ex.controls["closing_rate"].value = 0  # the slider reaches 0: no visits reach a deal
    assert 'role="alert"' in ex.alert.value
    assert "Closing rate is 0" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == text
    ex.controls["closing_rate"].value = 0.2
    assert ex.alert.value == "" and ex.figure is not figure
    assert "25 sales conversations" in ex.summary.value
    ex.controls["first_visits"].value = 0
    ex.controls["second_visits"].value = 0
    assert "0 + 0 visits" in ex.alert.value
    assert "25 sales conversations" in ex.summary.value


def test_explorer_controls_carry_the_model_labels_and_start_values():
    ex = funnel_explorer(target_deals=8, closing_rate=0.2)
    assert ex.controls["target_deals"].value == 8
    assert ex.controls["closing_rate"].description == "Closing rate"
    assert ex.controls["prospects"].value == 300
    assert "40 sales conversations" in ex.summary.value
    with pytest.raises(ValueError, match="Did you mean 0.1"):
        funnel_explorer(closing_rate=10)  # a bad start is explained, not drawn


def test_a_closing_rate_typed_as_percent_is_explained():
    """The exact slip exercise 5 used to grade: 10 typed for 10 %."""
    from relsell.errors import ModelInputError

    with pytest.raises(ModelInputError) as caught:
        VisitAssumptions(closing_rate=10)
    message = str(caught.value)
    assert "Closing rate" in message and "between 0 and 1" in message
    assert "got 10" in message and "Did you mean 0.1 (10 %)?" in message
