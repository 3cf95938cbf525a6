"""The five-element visit-plan checker of chapter 5: statuses, advice, bad input, widget."""

import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts.visit_plan import STATUS_COLOURS, chart, plan_chart
from relsell.content.cases import fact
from relsell.explorers.visit_plan import explorer, plan_explorer
from relsell.models.visit_plan import (
    DRAFT_PLAN,
    ELEMENTS,
    MAX_ENTRY_LENGTH,
    PARAMS,
    check_plan,
    ready_count,
    run,
    summary,
)

GOOD = {
    "when": "Tuesday 19:30, after the restaurant closes",
    "what": "Review the family's health cover and answer his questions",
    "who": "Mr Zhao and his wife, who decide together",
    "method": "Face-to-face visit, appointment confirmed by phone",
    "reason": "He asked how his cover works if he has to stay in hospital",
}


def _status(check):
    return {row["element"]: row["status"] for row in check}


def test_elements_follow_the_deck_and_the_case_file():
    assert [e["key"] for e in ELEMENTS] == fact("visit_rules", "visit_elements")
    assert [e["zh"] for e in ELEMENTS] == ["何时", "何事", "何人", "何种方法", "何种理由"]
    assert all(len(e["why"]) > 40 for e in ELEMENTS)


def test_the_draft_plan_quoted_in_chapter_7():
    check = check_plan(DRAFT_PLAN)
    assert _status(check) == {
        "when": "vague",
        "what": "ready",
        "who": "vague",
        "method": "missing",
        "reason": "vague",
    }
    assert ready_count(check) == 1
    assert summary(check) == (
        "The plan is ready on 1 of 5 elements; missing: method (何种方法); vague: when (何时), "
        "who (何人), reason (何种理由). Settle these before the visit."
    )
    advice = {row["element"]: row["advice"] for row in check}
    assert "day and a time" in advice["when"]
    assert "not the customer's" in advice["reason"]


def test_a_complete_plan_is_ready():
    check = check_plan(GOOD)
    assert ready_count(check) == 5
    assert summary(check).startswith("All five elements are settled")
    assert [row["entry"] for row in check] == list(GOOD.values())
    assert list(check[0]) == ["element", "zh", "entry", "status", "advice", "why"]


def test_empty_plan_is_all_missing_not_an_error():
    check = check_plan({})
    assert {row["status"] for row in check} == {"missing"}
    assert "ready on 0 of 5" in summary(check)


def test_chinese_keys_and_entries_are_understood():
    plan = {
        "何时": "周二下午3点",
        "何事": "讲清免责条款",
        "何人": "赵先生夫妇",
        "何种方法": "当面拜访",
        "何种理由": "他问过住院报销",
    }
    assert ready_count(check_plan(plan)) == 5
    assert _status(check_plan({**plan, "何时": "改天"}))["when"] == "vague"
    assert _status(check_plan({**plan, "何种方法": "随便"}))["method"] == "vague"
    assert _status(check_plan({**plan, "何人": "客户"}))["who"] == "vague"
    assert _status(check_plan({**plan, "何种理由": "完成任务"}))["reason"] == "vague"


@pytest.mark.parametrize(
    "element, text, status",
    [
        ("when", "some time next week", "vague"),
        ("when", "next week", "vague"),
        ("when", "Thursday morning", "ready"),
        ("when", "3 June, 15:00", "ready"),
        ("who", "the customer", "vague"),
        ("who", "someone in purchasing", "vague"),
        ("who", "Ms Li, office manager", "ready"),
        ("method", "just go", "vague"),
        ("method", "introduced by his brother, then a visit", "ready"),
        ("method", "phone call to fix the appointment", "ready"),
        ("what", "sell", "vague"),
        ("what", "catch up", "vague"),
        ("what", "maybe show new products", "vague"),
        ("what", "Explain the renewal terms and exclusions", "ready"),
        ("reason", "my quota", "vague"),
        ("reason", "I need commission this month", "vague"),
        ("reason", "follow up", "vague"),
        ("reason", "Her policy renews next month and the premium changes", "ready"),
        ("reason", "   ", "missing"),
    ],
)
def test_vague_and_ready_entries(element, text, status):
    assert _status(check_plan({**GOOD, element: text}))[element] == status


def test_keys_are_trimmed_and_case_insensitive_and_none_is_missing():
    check = check_plan({" When ": "Friday 9:00", "WHO": "Mr Wu, the owner", "what": None})
    assert _status(check) == {
        "when": "ready",
        "what": "missing",
        "who": "ready",
        "method": "missing",
        "reason": "missing",
    }


def test_a_table_is_accepted_like_a_dictionary():
    table = pd.DataFrame({"element": list(GOOD), "entry": list(GOOD.values())})
    assert ready_count(check_plan(table)) == 5
    assert check_plan(table.to_dict("records")) == check_plan(GOOD)  # records too
    assert check_plan({"element": list(GOOD), "entry": list(GOOD.values())}) == check_plan(GOOD)
    table.loc[2, "entry"] = float("nan")  # an empty spreadsheet cell
    assert _status(check_plan(table))["who"] == "missing"
    chinese = [
        {"element": "何时", "entry": "周二下午3点"},
        {"element": "何人", "entry": "赵先生夫妇"},
    ]
    assert _status(check_plan(chinese))["when"] == "ready"


@pytest.mark.parametrize(
    "plan, error, words",
    [
        ("when: Tuesday", TypeError, "A visit plan is a dictionary"),
        (["Tuesday", "Mr Li"], TypeError, "got list"),
        (None, TypeError, "got NoneType"),
        ({"where": "his office"}, ValueError, "'where' is not one of the five elements"),
        ({"时间": "周二"}, ValueError, "Use: when \\(何时\\), what \\(何事\\)"),
        ({1: "Tuesday"}, TypeError, "named by text such as 'when'; got 1"),
        ({"when": 10}, TypeError, "The entry for 'when' must be text"),
        (
            {"when": ["Tuesday"]},
            TypeError,
            "must be text, such as 'Tuesday 10:00'; got \\['Tuesday'\\]",
        ),
        ({"when": "Tuesday 10:00", "何时": "周二"}, ValueError, "gives 'when' \\(何时\\) twice"),
        ({"what": "x" * (MAX_ENTRY_LENGTH + 1)}, ValueError, "at most 300 characters"),
        (pd.DataFrame({"element": ["when"]}), ValueError, "missing column\\(s\\) entry"),
        (
            pd.DataFrame({"time": ["Tuesday"], "client": ["Mr Li"]}),
            ValueError,
            "columns 'element' and 'entry'; missing column\\(s\\) element, entry\\. "
            "It has: time, client",
        ),
        (pd.DataFrame(columns=["element", "entry"]), ValueError, "it is empty"),
        ([], ValueError, "plan table with columns 'element' and 'entry'; it is empty"),
        ([{"element": "when", "entry": "Tuesday"}, "Mr Li"], TypeError, "got list"),
        ({"element": ["when", "who"], "entry": ["Tuesday"]}, ValueError, "different lengths"),
        (pd.DataFrame({"element": ["when"], "entry": [10.5]}), TypeError, "must be text"),
        (pd.DataFrame({"element": ["where"], "entry": ["x"]}), ValueError, "'where' is not one"),
    ],
)
def test_bad_plans_are_explained(plan, error, words):
    with pytest.raises(error, match=words):
        check_plan(plan)


def test_wrong_tables_are_refused_by_summary_and_chart():
    with pytest.raises(ValueError, match="the table from check_plan\\(\\); missing column"):
        summary(pd.DataFrame({"element": ["when"]}))
    with pytest.raises(TypeError, match="check_plan"):
        ready_count("all ready")
    with pytest.raises(TypeError, match="check_plan"):
        plan_chart(GOOD)
    with pytest.raises(ValueError, match="one row per element in the order when, what"):
        summary(check_plan(GOOD)[::-1])
    # the model's records and the same table as a DataFrame give the same answers
    assert summary(pd.DataFrame(check_plan(DRAFT_PLAN))) == summary(check_plan(DRAFT_PLAN))


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from([e["key"] for e in ELEMENTS]), st.text(max_size=60)))
def test_any_text_gives_one_row_per_element_and_a_sentence(plan):
    check = check_plan(plan)
    assert [row["element"] for row in check] == [e["key"] for e in ELEMENTS]
    assert {row["status"] for row in check} <= {"ready", "vague", "missing"}
    for row in check:
        assert (row["status"] == "missing") == (row["entry"] == "")
    assert summary(check).endswith(".")


def test_chart_colours_each_element_by_status(tmp_path):
    fig = plan_chart(check_plan(DRAFT_PLAN))
    ax = fig.axes[0]
    assert len(ax.patches) == 5
    assert ax.get_title() == "Five elements of a visit: 1 of 5 ready"
    colours = [tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in ax.patches]
    from matplotlib.colors import to_rgb

    expected = ["vague", "ready", "vague", "missing", "vague"]
    assert colours == [tuple(round(c, 3) for c in to_rgb(STATUS_COLOURS[s])) for s in expected]
    assert [t.get_text() for t in ax.get_yticklabels()] == [e["label"] for e in ELEMENTS]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Chinese would need a CJK font: the chart has none
        fig.savefig(tmp_path / "plan.png")
    assert (tmp_path / "plan.png").stat().st_size > 10_000
    assert chart().axes[0].get_title() == "Five elements of a visit: 1 of 5 ready"
    assert chart(run(**GOOD)).axes[0].get_title() == "Five elements of a visit: 5 of 5 ready"


def test_run_starts_from_the_draft_and_checks_each_element():
    assert [p.name for p in PARAMS] == [e["key"] for e in ELEMENTS]
    assert [p.label for p in PARAMS] == [e["label"] for e in ELEMENTS]
    result = run()
    assert result["table"] == check_plan(DRAFT_PLAN) and result["ready"] == 1
    assert result["summary"] == summary(check_plan(DRAFT_PLAN))
    assert run(**GOOD)["ready"] == 5
    assert run(method="Phone call to fix the appointment")["ready"] == 2
    with pytest.raises(TypeError, match="When must be text"):
        run(when=10)
    with pytest.raises(TypeError, match="Unknown setting\\(s\\) 何时"):
        run(何时="周二下午3点")
    with pytest.raises(ValueError, match="at most 300 characters"):
        run(reason="x" * 301)


def test_explorer_starts_at_the_draft_and_recovers_from_bad_input():
    ex = plan_explorer()
    assert ex.last_error is None and ex.figure is not None
    assert "ready on 1 of 5" in ex.summary.value
    figure, text = ex.figure, ex.summary.value
    ex.controls["when"].value = "x" * 400
    assert 'role="alert"' in ex.alert.value and "400 characters" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == text
    for key, value in GOOD.items():
        ex.controls[key].value = value
    assert ex.alert.value == "" and "All five elements are settled" in ex.summary.value


def test_explorer_accepts_a_starting_plan():
    assert "All five" in plan_explorer(GOOD).summary.value
    ex = explorer(when="Tuesday 10:00")
    assert ex.controls["when"].value == "Tuesday 10:00" and "ready on 2 of 5" in ex.summary.value
    assert ex.controls["who"].continuous_update is False
    assert ex.controls["who"].placeholder == "who of the visit"
