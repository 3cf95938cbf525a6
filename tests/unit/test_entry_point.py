"""Chapter 7's entry-point advisor: the source's three rules, chart and widget."""

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts.entry_point import chart, route_chart
from relsell.explorers.entry_point import entry_explorer
from relsell.models import entry_point as e
from relsell.models.stakeholders import case_company

FACTS = [p.name for p in e.PARAMS]


def test_default_case_is_the_middle_route_quoted_in_chapter_6():
    advice = e.advise(**case_company())
    assert advice.route == "middle"
    assert advice.label == "middle (decision-makers and evaluators)"
    text = e.summary(advice)
    assert "pre-sales engineers" in text and "long patience" in text


def test_defaults_give_the_middle_route():
    assert e.advise().route == "middle"
    result = e.run()
    assert result["route"] == "middle" and result["summary"] == e.summary(e.advise())
    assert result == e.advise().as_dict() | {"summary": result["summary"]}
    assert e.run(**case_company())["conditions"][-1] == {
        "route": "bottom-up",
        "condition": "patience for a long campaign",
        "met": False,
    }
    with pytest.raises(TypeError, match="Unknown setting.*rich"):
        e.run(rich=True)


@pytest.mark.parametrize(
    "facts, route, words",
    [
        ({"high_level_tie": True}, "top-down", "CEO to CEO"),
        ({"sponsor": True}, "top-down", "earn the approver's own trust"),
        (
            {"weak_relationships": True, "product_edge": True, "patient": True},
            "bottom-up",
            "most stable",
        ),
        ({"weak_relationships": True}, "middle", "Bottom-up is not an option"),
        ({"technical_staff": False}, "middle", "without R&D staff"),
        (
            {"sponsor": True, "weak_relationships": True, "product_edge": True, "patient": True},
            "top-down",
            "fastest",
        ),
    ],
)
def test_the_rules(facts, route, words):
    advice = e.advise(**facts)
    assert advice.route == route
    assert words in e.summary(advice)


@settings(max_examples=64, deadline=None)
@given(st.fixed_dictionaries({k: st.booleans() for k in FACTS}))
def test_route_follows_the_source_conditions(facts):
    advice = e.advise(**facts)
    routes = [row["route"] for row in advice.conditions]
    assert list(dict.fromkeys(routes)) == list(e.ROUTES)
    assert e.run(**facts)["route"] == advice.route
    if facts["high_level_tie"] or facts["sponsor"]:
        assert advice.route == "top-down"
    elif advice.route == "bottom-up":
        assert facts["weak_relationships"] and facts["product_edge"] and facts["patient"]
    else:
        assert advice.route == "middle"
    assert advice.reasons  # always explained


@pytest.mark.parametrize(
    "value, words",
    [
        ("yes", "got the text 'yes'. Write True"),
        ("否", "Write False"),
        (1, "True or False; got 1"),
        (None, "True or False"),
        ("maybe", "True or False"),
    ],
)
def test_flags_must_be_true_or_false(value, words):
    with pytest.raises(TypeError, match=words):
        e.advise(sponsor=value)
    with pytest.raises(TypeError, match=words):
        e.run(sponsor=value)


def test_summary_and_chart_refuse_other_objects():
    with pytest.raises(TypeError, match="advise"):
        e.summary("middle")
    with pytest.raises(TypeError, match="advise"):
        route_chart(None)
    with pytest.raises(TypeError, match="advise"):
        route_chart({"route": "middle"})


def test_route_chart_marks_conditions_and_the_route(tmp_path):
    fig = route_chart(e.advise(**case_company()))
    ax = fig.axes[0]
    assert len(ax.collections) == 6
    assert ax.get_title(loc="left").startswith("Suggested entry: middle")
    same = chart(e.run(**case_company())).axes[0]
    assert same.get_title(loc="left") == ax.get_title(loc="left")
    assert len(same.collections) == 6
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "route.png")


def test_entry_explorer_updates():
    ex = entry_explorer()
    assert ex.last_error is None and "middle" in ex.summary.value
    ex.controls["sponsor"].value = True
    assert "top-down" in ex.summary.value
    ex2 = entry_explorer(weak_relationships=True, product_edge=True, patient=True)
    assert "bottom-up" in ex2.summary.value
    assert ex.controls["sponsor"].description == "Someone the approver trusts will vouch for us"
    assert list(ex.controls) == FACTS
    with pytest.raises(TypeError, match="True or False"):
        entry_explorer(sponsor="yes")
