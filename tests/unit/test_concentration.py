"""Chapter 5's A/B case: what 70 % of revenue from one customer puts at risk."""

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts.concentration import concentration_chart
from relsell.content.cases import fact
from relsell.explorers.concentration import concentration_explorer
from relsell.models import concentration
from relsell.models.concentration import SupplierEconomics


def test_default_share_is_the_case_figure():
    assert concentration.SHARE_FROM_B == 0.7 == fact("ab_concrete", "share_from_b")
    assert SupplierEconomics().share_from_b == 0.7
    assert SupplierEconomics().arrears_rate == pytest.approx(0.03)


def test_default_scenarios_quoted_in_chapter_5():
    t = concentration.scenario_table().set_index("scenario")
    assert list(t.index) == ["today", "B halves its orders", "B leaves", "after 3 ultimatums"]
    assert t.loc["today", "profit"] == pytest.approx(7.0)
    assert t.loc["B halves its orders", "profit"] == pytest.approx(-0.7)
    assert t.loc["B leaves", "profit"] == pytest.approx(-8.4)
    assert t.loc["after 3 ultimatums", "profit"] == pytest.approx(-2.68, abs=0.01)
    assert t.loc["B leaves", "revenue"] == pytest.approx(30)
    assert t.loc["B leaves", "profit_change"] == pytest.approx(-15.4)
    text = concentration.summary(t.reset_index())
    assert text.startswith("With 70% of its revenue from B, A earns 7.0 per 100")
    assert "B leaves: a loss of 8.4" in text and "put A in the red" in text


def test_order_margin_ultimatums_and_safe_share():
    assert concentration.b_order_margin(0) == pytest.approx(22.0)
    assert concentration.b_order_margin(3) == pytest.approx(9.52, abs=0.01)
    assert concentration.ultimatums_to_loss() == 6
    assert concentration.b_order_margin(6) <= 0 < concentration.b_order_margin(5)
    assert concentration.max_safe_share() == pytest.approx(7 / 22)
    assert concentration.ultimatums_to_loss(price_cut=0) is None
    assert concentration.ultimatums_to_loss(contribution_margin=0.02) == 0
    assert concentration.max_safe_share(fixed_costs=30) == 0.0
    assert concentration.max_safe_share(fixed_costs=0) == 1.0


def test_a_smaller_share_survives_and_singular_label():
    table = concentration.scenario_table(share_from_b=0.3, ultimatums=1)
    assert table["scenario"].iloc[3] == "after 1 ultimatum"
    assert "A would survive losing B" in concentration.summary(table)
    red = concentration.scenario_table(fixed_costs=40)
    assert "in the red even with B" in concentration.summary(red)
    flat = concentration.scenario_table(ultimatums=0, fixed_costs=25.0, payment_delay_months=0)
    assert "break-even" in concentration.summary(flat)


def test_economics_object_and_overrides():
    e = SupplierEconomics(share_from_b=0.5)
    assert concentration.scenario_table(e).equals(concentration.scenario_table(share_from_b=0.5))
    assert concentration.scenario_table(e, ultimatums=0)["scenario"].iloc[3] == "after 0 ultimatums"
    with pytest.raises(TypeError, match="SupplierEconomics"):
        concentration.scenario_table({"share_from_b": 0.5})


@pytest.mark.parametrize(
    "field, value, error, words",
    [
        ("share_from_b", 70, ValueError, "Did you mean 0.7"),
        ("share_from_b", -0.1, ValueError, "share between 0 and 1"),
        ("share_from_b", "70%", TypeError, "Share of revenue from B must be a number"),
        ("share_from_b", "百分之七十", TypeError, "must be a number"),
        ("share_from_b", None, TypeError, "must be a number"),
        ("contribution_margin", 1.5, ValueError, "share between 0 and 1"),
        ("fixed_costs", -1, ValueError, "Fixed costs must be at least 0"),
        ("fixed_costs", 150, ValueError, "at most 100"),
        ("payment_delay_months", -2, ValueError, "at least 0"),
        ("payment_delay_months", float("nan"), ValueError, "not a number"),
        ("interest_rate", 6, ValueError, "Did you mean 0.06"),
        ("price_cut", 1, ValueError, "between 0 and below 1"),
        ("ultimatums", -1, ValueError, "at least 0"),
        ("ultimatums", 2.5, ValueError, "whole number"),
        ("ultimatums", "three", TypeError, "whole number"),
        ("ultimatums", 99, ValueError, "at most 50"),
        ("ultimatums", True, TypeError, "whole number"),
    ],
)
def test_bad_inputs_are_explained(field, value, error, words):
    with pytest.raises(error, match=words):
        SupplierEconomics(**{field: value})


def test_summary_refuses_other_tables():
    with pytest.raises(TypeError, match="scenario_table"):
        concentration.summary("table")
    with pytest.raises(TypeError, match="scenario_table"):
        concentration.summary(concentration.scenario_table().iloc[::-1])


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0, 1),
    st.floats(0.031, 1),  # above the 3 % arrears interest, so every order earns something
    st.floats(0, 100),
    st.floats(0, 0.5),
    st.integers(0, 20),
)
def test_losing_more_of_b_never_helps(share, margin, fixed, cut, n):
    t = concentration.scenario_table(
        share_from_b=share,
        contribution_margin=margin,
        fixed_costs=fixed,
        price_cut=cut,
        ultimatums=n,
    ).set_index("scenario")
    assert t.loc["B leaves", "profit"] <= t.loc["B halves its orders", "profit"] + 1e-9
    assert t.loc["B halves its orders", "profit"] <= t.loc["today", "profit"] + 1e-9
    assert t.iloc[3]["profit"] <= t.loc["today", "profit"] + 1e-9
    safe = concentration.max_safe_share(
        contribution_margin=margin, fixed_costs=fixed, share_from_b=share
    )
    assert 0 <= safe <= 1
    if 0 < safe and share <= safe - 1e-6:
        assert t.loc["B leaves", "profit"] >= -1e-6


def test_chart_has_one_bar_per_scenario(tmp_path):
    fig = concentration_chart(concentration.scenario_table())
    ax = fig.axes[0]
    assert len(ax.patches) == 4
    assert ax.get_title().startswith("A gets 70% of its revenue from B")
    assert [t.get_text() for t in ax.get_xticklabels()][2] == "B leaves"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "c.png")
    assert (tmp_path / "c.png").stat().st_size > 10_000


def test_widget_reports_bad_values_and_recovers():
    ex = concentration_explorer()
    assert "A earns 7.0 per 100" in ex.summary.value
    figure = ex.figure
    ex.controls["fixed_costs"].value = -3
    assert 'role="alert"' in ex.alert.value and "Fixed costs must be at least 0" in ex.alert.value
    assert ex.figure is figure
    ex.controls["fixed_costs"].value = 15
    ex.controls["share_from_b"].value = 0.3
    assert ex.alert.value == "" and "A would survive losing B" in ex.summary.value
