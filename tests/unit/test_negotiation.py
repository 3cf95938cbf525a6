"""The negotiation model: A's walk-away price, B's, the zone between them (chapter 6)."""

import math

import pytest

from relsell.errors import ModelInputError
from relsell.models import concentration, negotiation


def test_defaults_give_the_documented_numbers():
    r = negotiation.run()
    # p* = (0.75 + 0.3 * 0.22 + 5 / 70) / 0.97 with arrears 6/12 * 6 % = 3 %
    assert r["walk_away"] == pytest.approx((0.75 + 0.3 * 0.22 + 5 / 70) / 0.97)
    assert r["demand"] == pytest.approx(0.95**3)
    assert r["b_walk_away"] == pytest.approx(0.93)
    assert r["zopa"] == pytest.approx([r["walk_away"], 0.93])
    assert "below A's walk-away" in r["summary"]


def test_at_the_walk_away_price_both_options_earn_the_same():
    for settings in ({}, {"share_from_b": 0.3}, {"replacement": 0.8, "fixed_saved": 0}):
        r = negotiation.run(**settings)
        s = {p.name: p.default for p in negotiation.PARAMS} | settings
        assert negotiation._profit_with_b(s, r["walk_away"]) == pytest.approx(r["batna_profit"])


def test_profit_today_matches_the_concentration_model():
    today = concentration.scenario_table()[0]["profit"]
    assert negotiation.run()["profit_today"] == pytest.approx(today)


def test_walk_away_rises_with_a_better_alternative():
    prices = [negotiation.walk_away_price(replacement=r) for r in (0, 0.3, 0.6, 0.9)]
    assert prices == sorted(prices) and len(set(prices)) == 4


def test_share_matters_only_through_the_fixed_costs_a_can_shed():
    assert negotiation.walk_away_price(share_from_b=0.3, fixed_saved=0) == pytest.approx(
        negotiation.walk_away_price(share_from_b=0.9, fixed_saved=0)
    )
    assert negotiation.walk_away_price(share_from_b=0.3) > negotiation.walk_away_price()


@pytest.mark.parametrize(
    ("settings", "verdict"),
    [
        ({"ultimatums": 1}, "above A's walk-away"),
        ({}, "counter between"),
        ({"rival_price": 0.8}, "No price works for both"),
    ],
)
def test_advice_follows_the_numbers(settings, verdict):
    r = negotiation.run(**settings)
    assert verdict in r["advice"]
    assert (r["zopa"] is None) == (verdict == "No price works for both")


def test_curve_spans_the_chart_and_is_finite():
    curve = negotiation.run()["curve"]
    assert curve[0]["price"] == 0.6 and curve[-1]["price"] == 1.1 and len(curve) == 51
    assert all(math.isfinite(row["profit_with_b"]) for row in curve)


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"fixed_saved": 20}, "cannot exceed its fixed costs"),
        ({"share_from_b": 0}, "nothing to negotiate"),
        ({"replacement": -0.1}, "B's volume A could sell elsewhere"),
        ({"rival_price": "cheap"}, "rival"),
    ],
)
def test_bad_input_is_explained(settings, words):
    with pytest.raises((ModelInputError, TypeError), match=words):
        negotiation.run(**settings)
