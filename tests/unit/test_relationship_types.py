"""Chapter 6's four relationship types, the two (interpreted) levels and the three RM levels."""

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts.relationship_types import chart
from relsell.explorers.relationship_types import explorer
from relsell.models import relationship_types as rt


@pytest.mark.parametrize(
    "friendship, business, kind",
    [
        (False, False, "outsider"),
        (True, False, "friend"),
        (False, True, "supplier"),
        (True, True, "partner"),
    ],
)
def test_the_four_types_of_the_source(friendship, business, kind):
    assert rt.relationship_type(friendship, business) == kind


def test_chinese_names_as_printed():
    assert [zh for _, zh in rt.TYPES.values()] == ["局外人", "朋友", "供应商", "合作伙伴"]
    assert rt.BASES == {"price": 1, "personalised service": 2, "interdependence": 3}


def test_the_a_b_case_reading():
    a = rt.assess(**rt.EXAMPLES["A and B (opening case)"])
    assert (a["type"], a["tie_level"], a["rm_level"]) == ("partner", "personal", 1)
    assert len(a["risks"]) == 3
    text = rt.summary(a)
    assert text.startswith("This account is a partner, held at the personal level")
    assert "invites ultimatums" in text and "lift it from persons to the organisation" in text


def test_typhoon_and_prospect_readings():
    t = rt.assess(**rt.EXAMPLES["typhoon customer (after the storm)"])
    assert (t["type"], t["tie_level"], t["rm_level"]) == ("partner", "personal", 3)
    assert "move the basis up" not in t["next_step"]
    p = rt.assess(**rt.EXAMPLES["new prospect (first visit)"])
    assert (p["type"], p["tie_level"], p["rm_level"]) == ("outsider", "none", None)
    assert p["risks"] == [] and "introduction by an acquaintance" in p["next_step"]
    assert "an outsider, no relationship yet, with no business yet" in rt.summary(p)


def test_levels_and_next_steps():
    best = rt.assess(True, True, 3, 2, "interdependence")
    assert best["tie_level"] == "organisational" and best["risks"] == []
    assert "strongest form" in best["next_step"]
    mid = rt.assess(True, True, 3, 2, "Personalised service ")
    assert (
        mid["rm_level"] == 2 and "from personalised service to interdependence" in mid["next_step"]
    )
    assert "price-performance" in rt.assess(True, False, 1, 0)["next_step"]
    assert "kept promises" in rt.assess(False, True, 2, 1, "price")["next_step"]
    assert rt.assess(False, True, 2, 1)["tie_level"] == "organisational"
    assert rt.assess(False, True, 5, 0)["tie_level"] == "personal"
    assert rt.assess(False, False, 0, 1)["tie_level"] == "personal"
    assert rt.assess(True, False, 1, 0, "interdependence")["rm_level"] is None


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"friendship": "yes"}, TypeError, "Friendship must be True or False"),
        ({"friendship": 1}, TypeError, "True or False"),
        ({"business": "是"}, TypeError, "Business must be True or False"),
        ({"business": None}, TypeError, "True or False"),
        ({"contacts": -1}, ValueError, "Contacts must be at least 0"),
        ({"contacts": 1.5}, ValueError, "whole number"),
        ({"contacts": "两个"}, TypeError, "whole number"),
        ({"contacts": 5000}, ValueError, "at most 1000"),
        ({"organisational_ties": -2}, ValueError, "at least 0"),
        ({"organisational_ties": 21}, ValueError, "at most 20"),
        ({"basis": "kickbacks"}, ValueError, "Basis must be one of price"),
        ({"basis": "价格"}, ValueError, "Basis must be one of"),
        ({"basis": ""}, ValueError, "Basis must be one of"),
        ({"basis": 1}, TypeError, "Basis must be text"),
    ],
)
def test_bad_inputs_are_explained(kwargs, error, words):
    account = {"friendship": True, "business": True, "contacts": 1, "organisational_ties": 0}
    with pytest.raises(error, match=words):
        rt.assess(**{**account, **kwargs})


def test_run_is_the_a_b_case_by_default_and_checks_names():
    ab = rt.assess(**rt.EXAMPLES["A and B (opening case)"])
    assert rt.run() == {**ab, "summary": rt.summary(ab)}
    prospect = rt.run(**rt.EXAMPLES["new prospect (first visit)"])
    assert prospect["type"] == "outsider" and prospect["summary"] == rt.summary(prospect)
    assert rt.run(basis="Personalised service ")["rm_level"] == 2  # as forgiving as assess
    with pytest.raises(TypeError, match="Friendship must be True or False"):
        rt.run(friendship="yes")
    with pytest.raises(TypeError, match="friends"):
        rt.run(friends=True)


def test_summary_refuses_other_values():
    with pytest.raises(TypeError, match="assess"):
        rt.summary({"type": "partner"})
    with pytest.raises(TypeError, match="True or False"):
        rt.relationship_type("no", False)


@settings(max_examples=80, deadline=None)
@given(
    st.booleans(),
    st.booleans(),
    st.integers(0, 50),
    st.integers(0, 20),
    st.sampled_from(list(rt.BASES)),
)
def test_every_account_gets_a_type_a_level_and_a_next_step(f, b, people, ties, basis):
    a = rt.assess(f, b, people, ties, basis)
    assert a["type"] == rt.relationship_type(f, b)
    assert a["tie_level"] in {"none", "personal", "organisational"}
    assert (a["rm_level"] is None) == (not b)
    assert a["next_step"] and rt.summary(a).startswith("This account is")
    if a["tie_level"] == "organisational":
        assert people >= 2 and ties >= 1


def test_grid_highlights_the_account(tmp_path):
    fig = chart()
    ax = fig.axes[0]
    assert ax.get_title() == "This account is a partner"
    texts = [t.get_text() for t in ax.texts]
    assert {"outsider", "friend", "supplier", "partner"} <= set(texts)
    assert any("personal level" in t and "RM level 1" in t for t in texts)
    assert [t.get_text() for t in chart(rt.assess(True, True, 1, 0)).axes[0].texts] == texts
    outsider = chart(rt.run(friendship=False, business=False, contacts=0))
    assert outsider.axes[0].get_title() == "This account is an outsider"
    assert any("no tie yet" in t.get_text() for t in outsider.axes[0].texts)
    with pytest.raises(TypeError, match="assess"):
        chart({"type": "partner"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "g.png")
    assert (tmp_path / "g.png").stat().st_size > 10_000


def test_widget_starts_at_the_a_b_case_and_follows_the_controls():
    ex = explorer()
    assert ex.last_error is None and "a partner, held at the personal level" in ex.summary.value
    assert ex.controls["basis"].options == tuple(rt.BASES)
    figure = ex.figure
    ex.controls["contacts"].value = 3
    ex.controls["organisational_ties"].value = 2
    assert ex.alert.value == "" and "organisational level" in ex.summary.value
    assert ex.figure is not figure
    ex.controls["friendship"].value = False
    assert "a supplier" in ex.summary.value
    prospect = explorer(**rt.EXAMPLES["new prospect (first visit)"])
    assert "an outsider, no relationship yet" in prospect.summary.value
    with pytest.raises(ValueError, match="Contacts must be at least 0"):
        explorer(contacts=-4)
