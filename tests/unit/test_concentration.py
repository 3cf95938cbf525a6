"""Chapter 6's A/B case: what 70 % of revenue from one customer puts at risk."""

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts import frame
from relsell.charts.concentration import chart
from relsell.content.cases import fact
from relsell.explorers.concentration import explorer
from relsell.models import concentration
from relsell.models.concentration import SupplierEconomics


def by_scenario(*args, **kwargs) -> dict[str, dict]:
    """The scenario table's records, keyed by scenario name."""
    return {row["scenario"]: row for row in concentration.scenario_table(*args, **kwargs)}


def test_default_share_is_the_case_figure():
    assert concentration.SHARE_FROM_B == 0.7 == fact("ab_concrete", "share_from_b")
    assert SupplierEconomics().share_from_b == 0.7
    assert SupplierEconomics().arrears_rate == pytest.approx(0.03)


def test_default_scenarios_quoted_in_chapter_5():
    table = concentration.scenario_table()
    assert isinstance(table, list) and isinstance(table[0], dict)
    t = by_scenario()
    assert list(t) == ["today", "B halves its orders", "B leaves", "after 3 ultimatums"]
    assert t["today"]["profit"] == pytest.approx(7.0)
    assert t["B halves its orders"]["profit"] == pytest.approx(-0.7)
    assert t["B leaves"]["profit"] == pytest.approx(-8.4)
    assert t["after 3 ultimatums"]["profit"] == pytest.approx(-2.68, abs=0.01)
    assert t["B leaves"]["revenue"] == pytest.approx(30)
    assert t["B leaves"]["profit_change"] == pytest.approx(-15.4)
    text = concentration.summary(table)
    assert text.startswith("With 70% of its revenue from B, A earns 7.0 per 100")
    assert "B leaves: a loss of 8.4" in text and "put A in the red" in text
    assert concentration.summary(frame(table)) == text  # a DataFrame of it is read the same


def test_run_gives_the_table_the_risk_figures_and_the_summary():
    result = concentration.run()
    assert result["table"] == concentration.scenario_table()
    assert result["ultimatums_to_loss"] == 6
    assert result["max_safe_share"] == pytest.approx(7 / 22)
    assert result["summary"] == concentration.summary(result["table"])
    assert "A would survive losing B" in concentration.run(share_from_b=0.3)["summary"]
    with pytest.raises(ValueError, match="Did you mean 0.7"):
        concentration.run(share_from_b=70)
    with pytest.raises(TypeError, match="share_from_b"):
        concentration.run(share=0.3)


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
    assert table[3]["scenario"] == "after 1 ultimatum"
    assert "A would survive losing B" in concentration.summary(table)
    red = concentration.scenario_table(fixed_costs=40)
    assert "in the red even with B" in concentration.summary(red)
    flat = concentration.scenario_table(ultimatums=0, fixed_costs=25.0, payment_delay_months=0)
    assert "break-even" in concentration.summary(flat)


def test_economics_object_and_overrides():
    e = SupplierEconomics(share_from_b=0.5)
    assert concentration.scenario_table(e) == concentration.scenario_table(share_from_b=0.5)
    assert concentration.scenario_table(e, ultimatums=0)[3]["scenario"] == "after 0 ultimatums"
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
        concentration.summary(concentration.scenario_table()[::-1])
    with pytest.raises(ValueError, match="missing column"):
        concentration.summary([{"scenario": "today"}])


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0, 1),
    st.floats(0.031, 1),  # above the 3 % arrears interest, so every order earns something
    st.floats(0, 100),
    st.floats(0, 0.5),
    st.integers(0, 20),
)
def test_losing_more_of_b_never_helps(share, margin, fixed, cut, n):
    rows = concentration.scenario_table(
        share_from_b=share,
        contribution_margin=margin,
        fixed_costs=fixed,
        price_cut=cut,
        ultimatums=n,
    )
    t = {row["scenario"]: row["profit"] for row in rows}
    assert t["B leaves"] <= t["B halves its orders"] + 1e-9
    assert t["B halves its orders"] <= t["today"] + 1e-9
    assert rows[3]["profit"] <= t["today"] + 1e-9
    safe = concentration.max_safe_share(
        contribution_margin=margin, fixed_costs=fixed, share_from_b=share
    )
    assert 0 <= safe <= 1
    if 0 < safe and share <= safe - 1e-6:
        assert t["B leaves"] >= -1e-6


def test_chart_has_one_bar_per_scenario(tmp_path):
    fig = chart()
    ax = fig.axes[0]
    assert len(ax.patches) == 4
    assert ax.get_title().startswith("A gets 70% of its revenue from B")
    assert [t.get_text() for t in ax.get_xticklabels()][2] == "B leaves"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "c.png")
    assert (tmp_path / "c.png").stat().st_size > 10_000
    # the table alone, or as a DataFrame, draws the same bars
    for table in (concentration.scenario_table(), frame(concentration.scenario_table())):
        heights = [bar.get_height() for bar in chart(table).axes[0].patches]
        assert heights == [bar.get_height() for bar in ax.patches]
    assert chart(concentration.run(share_from_b=0.3)).axes[0].get_title().startswith("A gets 30%")


def test_widget_starts_checked_and_follows_the_controls():
    ex = explorer()
    assert ex.last_error is None and "A earns 7.0 per 100" in ex.summary.value
    assert ex.controls["fixed_costs"].description == "Fixed costs (per 100 of revenue)"
    assert ex.controls["payment_delay_months"].description == "Payment delay (months)"
    figure = ex.figure
    ex.controls["share_from_b"].value = 0.3
    assert ex.alert.value == "" and "A would survive losing B" in ex.summary.value
    assert ex.figure is not figure
    with pytest.raises(ValueError, match="Fixed costs must be at least 0"):
        explorer(fixed_costs=-3)
