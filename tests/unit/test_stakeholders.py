"""Chapter 7's stakeholder map: validation, scores, the chapter's rules, chart and widget."""

import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts import frame
from relsell.charts.stakeholders import chart, chart_label, pairs_chart, stakeholder_chart
from relsell.content.cases import fact
from relsell.explorers.stakeholders import allies_explorer, explorer, stakeholder_explorer
from relsell.models import stakeholders as s


def _person(name="A", role="approver", stance="neutral", influence=5, **extra):
    return {"name": name, "role": role, "stance": stance, "influence": influence, **extra}


# --- the case and its default result -------------------------------------------------


def test_case_map_is_the_case_file():
    m = s.case_map()
    assert [p["name"] for p in m] == [p["name"] for p in fact("donghai", "people")]
    assert [p["role"] for p in m] == [
        "approver",
        "decision-maker",
        "decision-maker",
        "evaluator",
        "user",
        "user",
        "sponsor",
    ]
    assert all("title" in p for p in m)  # extra columns are kept
    assert list(m[0]) == [
        "name",
        "title",
        "role",
        "stance",
        "influence",
        "role_weight",
        "weight",
        "stance_value",
        "score",
    ]


def test_run_is_the_case_and_scenarios_change_with_their_people():
    result = s.run()
    assert result["summary"] == s.summary(s.assess(s.case_map(), s.case_company()))
    assert result["people"] == s.case_map()
    assert result["balance"]["net"] == pytest.approx(11.2)
    assert (result["step"], result["entry"]["route"]) == (3, "top-down")
    newcomer = s.run(scenario="practice_newcomer")
    assert [p["name"] for p in newcomer["people"]][0] == "Ms He"
    assert newcomer["balance"]["net"] == pytest.approx(-1.8)
    with pytest.raises(TypeError, match="stance_7"):  # the newcomer scenario has 5 people
        s.run(scenario="practice_newcomer", stance_7="ally")
    with pytest.raises(ValueError, match="Scenario must be one of 'donghai'"):
        s.run(scenario="nowhere")
    with pytest.raises(ValueError, match="Stance of Mr Zhao \\(approver\\) must be one of"):
        s.run(stance_1="friendly")
    with pytest.raises(ValueError, match="Influence of Mr Zhao must be at most 10; got 12"):
        s.run(influence_1=12)


def test_default_result_quoted_in_chapter_6():
    a = s.assess(s.case_map(), s.case_company())
    assert a.balance.support == pytest.approx(16.0)
    assert a.balance.opposition == pytest.approx(4.8)
    assert a.balance.net == pytest.approx(11.2)
    assert a.balance.neutral == pytest.approx(10.2)
    assert a.situation == "challenging"
    assert a.step == 3 and a.step_name == "expand the support surface"
    assert a.entry.route == "top-down"
    assert a.entry_basis == "a sponsor on the map supports you"
    text = s.summary(a)
    assert "Weighted support 16.0 against opposition 4.8 (net +11.2" in text
    assert "thin support" in text and "Ms Liu (decision-maker, supporter)" in text
    assert a.actions["weaken opposition"] == ("Mr Sun (decision-maker, opponent)",)


def test_what_if_quoted_in_chapter_6():
    table, company = s.load_scenario("donghai")
    changes = {"Ms Liu": "ally", "Mr Zhao": "supporter"}
    what_if = [dict(p, stance=changes.get(p["name"], p["stance"])) for p in table]
    a = s.assess(what_if, company)
    assert a.situation == "favourable" and a.step == 4
    assert a.balance.net == pytest.approx(25.8)
    assert "never personal benefits" in s.summary(a)
    same = s.run(stance_1="supporter", stance_2="ally")  # the same what-if through run()
    assert same["summary"] == s.summary(a)
    assert s.load_scenario("donghai")[0][1]["stance"] == "supporter"  # the case is untouched


def test_a_changed_map_is_scored_again_with_its_role_weights():
    m = s.case_map()
    m[1]["stance"] = "ally"  # Ms Liu, in a map already checked
    m[0]["stance"] = "supporter"  # Mr Zhao
    assert s.balance(m).net == pytest.approx(25.8)
    light = s.stakeholder_map(s.load_scenario()[0], {"approver": 0.5})
    assert s.balance(light).neutral == pytest.approx(10.2 - 4.5)


def test_practice_scenarios():
    newcomer = s.assess(*s.load_scenario("practice_newcomer"))
    assert (newcomer.step, newcomer.entry.route, newcomer.situation) == (
        2,
        "bottom-up",
        "challenging",
    )
    assert newcomer.balance.net == pytest.approx(-1.8)
    favourable = s.assess(*s.load_scenario("practice_favourable"))
    assert (favourable.step, favourable.situation) == (4, "favourable")
    assert set(s.scenarios()) == {"donghai", "practice_newcomer", "practice_favourable"}


# --- the chapter's rules ----------------------------------------------------------------


def test_score_is_influence_times_role_weight_times_stance():
    m = s.stakeholder_map([_person(role="decision-maker", stance="ally", influence=5)])
    assert m[0]["score"] == pytest.approx(8.0)
    assert s.STANCE_VALUES == {"ally": 2, "supporter": 1, "neutral": 0, "opponent": -1, "enemy": -2}


def test_step_1_when_nobody_supports_you():
    a = s.assess([_person(), _person("B", "user", "opponent")])
    assert a.step == 1 and "entry" in a.reasons[0]
    assert a.entry.route == "middle"


def test_step_2_with_supporters_but_no_good_friend_and_a_sponsor():
    a = s.assess([_person(stance="neutral"), _person("S", "sponsor", "ally", 4)])
    assert a.step == 2
    assert any("bring the sponsor in" in r for r in a.reasons)
    assert a.entry.route == "top-down"


@pytest.mark.parametrize(
    "point, words",
    [
        ("approver", "more support and understanding"),
        ("evaluator", "thin support"),
        ("user", "higher support point"),
    ],
)
def test_step_3_rules_by_position_of_the_first_point(point, words):
    people = [_person("Top", "approver", "neutral"), _person("P", point, "ally")]
    if point == "approver":
        people = [_person("P", "approver", "ally"), _person("O", "user", "enemy", 10)]
    a = s.assess(people)
    assert a.step == 3
    assert any(words in r for r in a.reasons), a.reasons


def test_decision_maker_point_with_hostile_approver_needs_neutrality_above():
    a = s.assess([_person("Top", "approver", "opponent"), _person("D", "decision-maker", "ally")])
    assert a.step == 3
    assert any("at least neutrality" in r for r in a.reasons)
    two = s.assess([_person("D", "decision-maker", "ally"), _person("E", "evaluator", "ally")])
    assert two.reasons[0].startswith("You have support points in D (decision-maker, ally) and E")
    assert "expand them" in two.reasons[0]


def test_step_4_and_the_situations():
    people = [
        _person("Top", "approver", "supporter"),
        _person("D", "decision-maker", "ally"),
        _person("E", "evaluator", "neutral"),
    ]
    a = s.assess(people)
    assert a.step == 4 and a.situation == "favourable"
    ideal = [_person("Top", "approver", "ally"), _person("D", "decision-maker", "ally")]
    assert s.situation(ideal) == "ideal"
    assert s.situation([_person("D", "decision-maker", "ally")]) == "challenging"


def test_warnings_for_many_friends_and_a_missing_approver():
    people = [_person(n, "user", "ally") for n in "ABC"]
    a = s.assess(people)
    assert any("3 good friends" in w and "3 pairs" in w for w in a.warnings)
    assert any("No approver" in w for w in a.warnings)


def test_interest_pairs_and_table():
    assert [s.interest_pairs(n) for n in range(6)] == [0, 0, 1, 3, 6, 10]
    table = s.pairs_table(8)
    assert [row["pairs"] for row in table] == [0, 1, 3, 6, 10, 15, 21, 28]
    assert table[0] == {"allies": 1, "pairs": 0}
    result = s.run_pairs(allies=5)
    assert (result["pairs"], len(result["table"])) == (10, 7)
    assert result["summary"].startswith("5 good friends means 10 pairs of interests")
    assert s.run_pairs()["summary"].startswith("2 good friends means 1 pair of")
    assert len(s.run_pairs(allies=100)["table"]) == 100


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 99))
def test_each_new_friend_adds_one_pair_per_existing_friend(n):
    assert s.interest_pairs(n + 1) - s.interest_pairs(n) == n


stance_st = st.sampled_from(list(s.STANCES))
role_st = st.sampled_from(list(s.ROLES))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(role_st, stance_st, st.floats(0, 10)), min_size=1, max_size=12))
def test_net_is_support_minus_opposition_and_improving_a_stance_never_lowers_it(rows):
    people = [_person(f"p{i}", r, st_, inf) for i, (r, st_, inf) in enumerate(rows)]
    b = s.balance(people)
    assert b.support >= 0 and b.opposition >= 0 and b.neutral >= 0
    assert b.net == pytest.approx(sum(p["score"] for p in s.stakeholder_map(people)))
    order = list(reversed(s.STANCES))
    better = [
        dict(p, stance=order[min(order.index(p["stance"]) + 1, 4)]) if i == 0 else p
        for i, p in enumerate(people)
    ]
    assert s.balance(better).net >= b.net - 1e-9


# --- names: Chinese, aliases, suggestions --------------------------------------------------


def test_chinese_names_and_columns_are_accepted():
    table = pd.DataFrame(
        {
            "姓名": ["王", "李"],
            "角色": ["批准者", "评估者"],
            "立场": ["良友", "反对"],
            "影响力": [8, 4],
        }
    )
    for m in (s.stakeholder_map(table), s.stakeholder_map(table.to_dict("records"))):
        assert [p["role"] for p in m] == ["approver", "evaluator"]
        assert [p["stance"] for p in m] == ["ally", "opponent"]
        assert [p["name"] for p in m] == ["王", "李"]
        assert [p["influence"] for p in m] == [8.0, 4.0]


def test_a_dataframe_and_a_dict_of_columns_give_the_same_map():
    people = [_person("A", "approver", "ally", 8), _person("B", "user", "enemy", 3)]
    expected = s.stakeholder_map(people)
    assert s.stakeholder_map(pd.DataFrame(people)) == expected
    assert s.stakeholder_map({k: [p[k] for p in people] for k in people[0]}) == expected
    assert frame(expected)["score"].tolist() == pytest.approx([16.0, -2.4])
    assert people[0] == _person("A", "approver", "ally", 8)  # the input is not changed


@pytest.mark.parametrize(
    "role, expected",
    [
        ("Decision Maker", "decision-maker"),
        ("decision_maker", "decision-maker"),
        ("保荐人", "sponsor"),
    ],
)
def test_role_spellings(role, expected):
    assert s.stakeholder_map([_person(role=role)])[0]["role"] == expected


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("role", "aprover", "Did you mean 'approver'"),
        ("role", "决策人员", "Did you mean 'decision-maker'"),
        ("role", "manager", "Use one of: approver, decision-maker"),
        ("stance", "suporter", "Did you mean 'supporter'"),
        ("stance", "hostile", "批准者|良友"),
        ("stance", "", "missing or not text"),
        ("role", None, "missing or not text"),
    ],
)
def test_unknown_names_suggest_the_right_ones(field, value, words):
    with pytest.raises(ValueError, match=words):
        s.stakeholder_map([_person(**{field: value})])


# --- every bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "influence, error, words",
    [
        (-1, ValueError, "Influence of A must be at least 0; got -1"),
        (11, ValueError, "at most 10"),
        ("高", TypeError, "must be a number; got '高'"),
        ("7", TypeError, "must be a number"),
        (None, (TypeError, ValueError), "must be a number|not a number"),
        (float("nan"), ValueError, "not a number"),
        (True, TypeError, "must be a number"),
    ],
)
def test_bad_influence_is_refused(influence, error, words):
    with pytest.raises(error, match=words):
        s.stakeholder_map([_person(influence=influence)])


@pytest.mark.parametrize(
    "table, error, words",
    [
        ("Zhao, approver", TypeError, "table"),
        (42, TypeError, "table"),
        ([1, 2], TypeError, "one dictionary per person"),
        ([], ValueError, "empty"),
        (pd.DataFrame(columns=["name", "role", "stance", "influence"]), ValueError, "empty"),
        ([{"name": "A", "role": "user"}], ValueError, "missing: stance, influence"),
        ([_person(), {"name": "B", "role": "user", "influence": 3}], ValueError, "stance for B"),
        ({"name": "A", "role": "user"}, TypeError, "stakeholder table"),
        ([_person(), _person()], ValueError, "appears twice"),
        ([_person(name="  ")], ValueError, "has no name"),
        ([_person(name=3)], ValueError, "has no name"),
        ([_person(f"p{i}") for i in range(51)], ValueError, "keep it to the 50"),
    ],
)
def test_bad_tables_are_explained(table, error, words):
    with pytest.raises(error, match=words):
        s.stakeholder_map(table)


def test_bad_role_weights_and_company_facts():
    with pytest.raises(ValueError, match="at most 1"):
        s.stakeholder_map([_person()], role_weights={"approver": 2})
    with pytest.raises(TypeError, match="map each role"):
        s.stakeholder_map([_person()], role_weights=[1.0])
    assert s.stakeholder_map([_person()], {"批准者": 0.5})[0]["weight"] == 2.5
    with pytest.raises(ValueError, match="Unknown company facts"):
        s.assess([_person()], {"rich": True})
    with pytest.raises(TypeError, match="True or False"):
        s.assess([_person()], {"sponsor": "yes"})


def test_other_functions_refuse_nonsense():
    with pytest.raises(TypeError, match="assess"):
        s.summary("report")
    with pytest.raises(ValueError, match="at least 0"):
        s.interest_pairs(-1)
    with pytest.raises(ValueError, match="whole number"):
        s.interest_pairs(2.5)
    with pytest.raises(TypeError, match="whole number"):
        s.interest_pairs("两")
    with pytest.raises(ValueError, match="at least 1"):
        s.pairs_table(0)
    with pytest.raises(ValueError, match="Unknown scenario"):
        s.load_scenario("nowhere")


# --- chart and widgets --------------------------------------------------------------------


def test_stakeholder_chart_draws_one_dot_per_person_and_the_balance(tmp_path):
    fig = stakeholder_chart(s.case_map())
    ax = fig.axes[0]
    default = chart().axes[0]
    assert default.get_title(loc="left") == ax.get_title(loc="left")
    assert len(default.collections) == 7
    assert len(ax.collections) == 7
    assert ax.get_title(loc="left") == "Support 16.0 against opposition 4.8: net +11.2"
    labels = {t.get_text() for t in ax.texts}
    assert {"Mr Zhao", "Dr Chen", "Prof. Lin"} <= labels
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "map.png")


def test_chinese_names_are_replaced_in_the_chart(tmp_path):
    assert chart_label("王经理", 0) == "person 1" and chart_label("Ms Liu", 3) == "Ms Liu"
    fig = stakeholder_chart([_person("王经理"), _person("Ms Liu", "user", "enemy")])
    assert "net −" in fig.axes[0].get_title(loc="left")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "Glyph missing"
        fig.savefig(tmp_path / "map.png")


def test_pairs_chart_highlights_one_or_two():
    fig = pairs_chart(s.pairs_table(5))
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert heights == [0, 1, 3, 6, 10]
    as_frame = pairs_chart(frame(s.pairs_table(5)))
    assert [p.get_height() for p in as_frame.axes[0].patches] == heights
    with pytest.raises(TypeError, match="pairs_table"):
        pairs_chart("table")


def test_stakeholder_explorer_alerts_keeps_the_chart_and_switches_scenario():
    ex = stakeholder_explorer()
    assert ex.last_error is None and "net +11.2" in ex.summary.value
    assert ex.controls["stance_1"].description == "Stance of Mr Zhao (approver)"
    assert ex.controls["influence_1"].description == "Influence of Mr Zhao (0–10)"
    figure, sentence = ex.figure, ex.summary.value
    ex.controls["influence_1"].value = -3
    assert 'role="alert"' in ex.alert.value
    assert "Influence of Mr Zhao must be at least 0; got -3" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == sentence
    ex.controls["influence_1"].value = 9
    ex.controls["stance_2"].value = "ally"  # Ms Liu, decision-maker, becomes a good friend
    assert ex.alert.value == "" and "Next step: 4" in ex.summary.value
    assert "real challenge" in ex.summary.value
    ex.controls["stance_1"].value = "supporter"  # Mr Zhao, approver
    assert "usual favourable situation" in ex.summary.value
    old = ex.controls["stance_1"]
    ex.controls["scenario"].value = "practice_newcomer"
    assert len(ex.controls) == 11 and ex.controls["stance_1"] is not old
    assert ex.controls["stance_1"].description == "Stance of Ms He (approver)"
    assert "net −1.8" in ex.summary.value and "A newcomer" in ex.box.children[0].value
    grid = ex.box.children[1]
    assert list(grid.children) == list(ex.controls.values())
    old.value = "ally"  # a control of the old scenario no longer changes anything
    assert "net −1.8" in ex.summary.value
    ex.controls["stance_5"].value = "ally"  # Mr Xu, user
    assert "Next step: 3" in ex.summary.value
    with pytest.raises(ValueError, match="Scenario must be one of"):
        stakeholder_explorer("nowhere")
    with pytest.raises(TypeError, match="stance_6"):
        explorer(scenario="practice_favourable", stance_6="ally")
    started = explorer(scenario="practice_favourable", stance_1="enemy")
    assert started.controls["stance_1"].value == "enemy" and started.last_error is None


def test_allies_explorer():
    ex = allies_explorer()
    assert "1 pair of interests" in ex.summary.value
    ex.controls["allies"].value = 5
    assert "10 pairs" in ex.summary.value
    figure = ex.figure
    ex.controls["allies"].value = -1
    assert "must be at least 0" in ex.alert.value and ex.figure is figure
    ex.controls["allies"].value = 101
    assert "at most 100" in ex.alert.value and ex.figure is figure
    with pytest.raises(ValueError, match="Good friends must be at least 0"):
        allies_explorer(-2)


def test_a_misspelt_role_is_explained():
    """The exact slip exercise 7 used to grade: 'aprover' for Ms Pan."""
    from relsell.errors import ModelInputError

    with pytest.raises(ModelInputError) as caught:
        s.stakeholder_map(
            [{"name": "Ms Pan", "role": "aprover", "stance": "neutral", "influence": 8}]
        )
    message = str(caught.value)
    assert "'aprover'" in message and "Ms Pan" in message
    assert "Did you mean 'approver'?" in message and "Use one of: approver" in message
