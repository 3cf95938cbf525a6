"""Customer delivered value (chapter 3): the model, its chart and its explorer."""

import json
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relsell.charts import frame
from relsell.charts.delivered_value import chart, delivered_value_chart
from relsell.content.cases import fact
from relsell.explorers.delivered_value import delivered_value_explorer, explorer
from relsell.models.delivered_value import (
    COST_PARTS,
    PARAMS,
    VALUE_PARTS,
    Offer,
    compare_offers,
    delivered_value,
    lexus_offers,
    offer_fields,
    price_cut_to_match,
    run,
    summary,
    total_cost,
    total_value,
    value_ratio,
)


def test_default_lexus_offers_quoted_in_chapter_3():
    table = frame(compare_offers()).set_index("offer")
    assert table.loc["Lexus dealer", "total_value"] == 65
    assert table.loc["Lexus dealer", "total_cost"] == 42
    assert table.loc["Lexus dealer", "delivered_value"] == 23
    assert table.loc["Rival dealer", "total_value"] == 58
    assert table.loc["Rival dealer", "total_cost"] == 49
    assert table.loc["Rival dealer", "delivered_value"] == 9
    assert round(table.loc["Lexus dealer", "value_ratio"], 2) == 1.55
    assert round(table.loc["Rival dealer", "value_ratio"], 2) == 1.18
    text = summary(compare_offers())
    assert "The buyer should prefer Lexus dealer, which delivers 14 thousand USD more" in text
    assert "The ratio form agrees (1.55 against 1.18" in text
    assert price_cut_to_match(compare_offers()) == 14


def test_the_table_is_plain_records_and_a_dataframe_is_accepted():
    rows = compare_offers()
    assert isinstance(rows, list) and len(rows) == 2 and isinstance(rows[0], dict)
    assert list(rows[0]) == [
        "offer",
        *VALUE_PARTS,
        *COST_PARTS,
        "total_value",
        "total_cost",
        "delivered_value",
        "value_ratio",
    ]
    assert summary(frame(rows)) == summary(rows)
    assert price_cut_to_match(frame(rows)) == 14


def test_run_compares_the_two_offers_of_its_settings():
    result = run()
    json.dumps(result, allow_nan=False)
    assert result["table"] == compare_offers()
    assert result["price_cut"] == 14 and result["best_offer"] == "Lexus dealer"
    assert result["summary"] == summary(compare_offers())
    lexus, rival = lexus_offers()
    defaults = {p.name: p.default for p in PARAMS}
    assert defaults["a_name"] == "Lexus dealer" and defaults["b_money"] == rival.money
    assert [p.name for p in PARAMS][:4] == ["a_name", "b_name", "a_product", "b_product"]
    cheaper = run(b_money=26)  # the rival cuts its price by 14
    assert cheaper["price_cut"] == 0 and cheaper["best_offer"] is None
    assert "Both offers deliver the same value" in cheaper["summary"]
    free = run(a_money=0, a_time=0, a_energy=0, a_psychic=0)
    json.dumps(free, allow_nan=False)  # no NaN: a missing ratio is None
    assert free["table"][0]["value_ratio"] is None


@pytest.mark.parametrize(
    "settings, error, words",
    [
        (
            {"a_money": -3},
            ValueError,
            "^Lexus dealer: money \\(price\\) must be at least 0; got -3",
        ),
        ({"b_time": "2"}, TypeError, "^Rival dealer: time cost must be a number"),
        ({"b_name": "Lexus dealer"}, ValueError, "different names"),
        ({"a_name": "  "}, ValueError, "needs a name"),
        ({"c_money": 1}, TypeError, "Unknown setting\\(s\\) c_money"),
    ],
)
def test_bad_settings_name_the_offer(settings, error, words):
    with pytest.raises(error, match=words):
        run(**settings)


def test_the_chapter_quotes_the_default_results(repo):
    page = (repo / "book/ch03_loyalty_and_value.md").read_text(encoding="utf-8")
    quoted = ("delivers 23 thousand USD of value", "the rival 9 thousand USD", "(1.55 against")
    for words in quoted:
        assert words in page


def test_the_case_file_holds_the_figures_behind_the_defaults():
    assert fact("lexus", "model") == "LS 400"
    assert fact("lexus", "presentation_minutes") == 90
    assert fact("lexus", "buyer_income") == [160000, 250000]
    assert fact("lexus", "dealer_investment") == [3000000, 5000000]


def test_by_hand():
    offer = Offer("A", product=10, services=2, personnel=1, image=1, money=8, time=1)
    assert total_value(offer) == 14
    assert total_cost(offer) == 9
    assert delivered_value(offer) == 5
    assert value_ratio(offer) == pytest.approx(14 / 9)
    assert offer_fields() == list(VALUE_PARTS + COST_PARTS)


def test_difference_and_ratio_can_disagree_and_the_summary_says_so():
    big = Offer("Big", product=100, money=80)  # delivers 20, ratio 1.25
    small = Offer("Small", product=20, money=5)  # delivers 15, ratio 4
    text = summary(compare_offers(big, small))
    assert "prefer Big" in text
    assert "The ratio form disagrees: Small gives more value per unit of cost" in text


def test_equal_offers_and_free_offers_are_described():
    same = summary(compare_offers(Offer("A", product=5, money=2), Offer("B", product=5, money=2)))
    assert "Both offers deliver the same value" in same
    free = compare_offers(Offer("Free", product=5), Offer("Paid", product=9, money=2))
    assert free[0]["value_ratio"] is None
    assert "cannot be used" in summary(free)
    assert "cannot be used" in summary(frame(free))  # None becomes NaN in a DataFrame
    with pytest.raises(ValueError, match="needs a total cost above 0"):
        value_ratio(Offer("Free", product=5))


def test_negative_delivered_value_is_allowed_and_reported():
    table = compare_offers(Offer("Dear", product=5, money=20), Offer("Cheap", product=5, money=1))
    assert table[0]["delivered_value"] == -15
    assert "−15 thousand USD" in summary(table)
    assert "prefer Cheap" in summary(table)


amounts = st.floats(0, 1000, allow_nan=False)
offers = st.builds(
    Offer,
    name=st.just("X"),
    product=amounts,
    services=amounts,
    personnel=amounts,
    image=amounts,
    money=amounts,
    time=amounts,
    energy=amounts,
    psychic=amounts,
)


@settings(max_examples=80, deadline=None)
@given(offers, st.floats(0.01, 100))
def test_a_price_cut_raises_delivered_value_by_exactly_the_cut(offer, cut):
    cheaper = Offer(**{**offer.as_dict(), "money": offer.money + cut})
    assert delivered_value(offer) - delivered_value(cheaper) == pytest.approx(cut, abs=1e-6)
    assert delivered_value(offer) == pytest.approx(total_value(offer) - total_cost(offer))


@settings(max_examples=60, deadline=None)
@given(offers, offers)
def test_price_cut_to_match_closes_the_gap(a, b):
    a = Offer(**{**a.as_dict(), "name": "A"})
    b = Offer(**{**b.as_dict(), "name": "B"})
    table = compare_offers(a, b)
    gap = price_cut_to_match(table)
    assert gap >= 0
    assert gap == pytest.approx(abs(delivered_value(a) - delivered_value(b)), abs=1e-6)


@pytest.mark.parametrize(
    "field, value, error, words",
    [
        ("money", -3, ValueError, "money \\(price\\) must be at least 0; got -3"),
        ("product", "40", TypeError, "product value must be a number"),
        ("product", "四十", TypeError, "product value must be a number"),
        ("services", None, TypeError, "services value must be a number"),
        ("time", float("nan"), ValueError, "not a number"),
        ("image", float("inf"), ValueError, "must be finite"),
        ("psychic", 1e9, ValueError, "at most 100000"),
        ("energy", True, TypeError, "must be a number"),
        ("name", "", ValueError, "needs a name"),
        ("name", "   ", ValueError, "needs a name"),
        ("name", 7, ValueError, "needs a name"),
    ],
)
def test_bad_offers_get_a_student_readable_message(field, value, error, words):
    with pytest.raises(error, match=words):
        Offer(**{"name": "Lexus dealer", field: value})


def test_bad_arguments_and_tables_are_explained():
    with pytest.raises(TypeError, match="Expected an Offer"):
        compare_offers({"product": 3})
    with pytest.raises(TypeError, match="Expected an Offer"):
        total_value("Lexus")
    with pytest.raises(ValueError, match="different names"):
        compare_offers(Offer("A", product=1), Offer("A", product=2))
    with pytest.raises(TypeError, match="compare_offers"):
        summary([1, 2])
    with pytest.raises(ValueError, match="missing column\\(s\\) total_value"):
        price_cut_to_match(pd.DataFrame({"offer": ["a", "b"]}))
    with pytest.raises(ValueError, match="it is empty"):
        summary(compare_offers()[0:0])
    with pytest.raises(ValueError, match="it has 3 rows"):
        summary(compare_offers() + compare_offers()[:1])


def test_offer_names_are_trimmed():
    assert Offer("  Lexus  ").name == "Lexus"
    lexus, rival = lexus_offers()
    assert lexus.name == "Lexus dealer" and rival.name == "Rival dealer"


def test_chart_draws_every_part_once_and_the_two_delivered_values(tmp_path):
    fig = delivered_value_chart(compare_offers())
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == 8 and "psychic cost" in legend
    texts = [t.get_text() for t in ax.texts]
    assert "delivered value\n23" in texts and "delivered value\n9" in texts
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "Lexus dealer\ntotal value"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph missing" would be a UserWarning
        fig.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 10_000


def test_chart_skips_zero_parts():
    fig = delivered_value_chart(compare_offers(Offer("A", product=5, money=2), Offer("B", image=3)))
    assert len(fig.axes[0].patches) == 3


def test_the_default_chart_is_the_chapter_chart():
    texts = [t.get_text() for t in chart().axes[0].texts]
    assert "delivered value\n23" in texts and "delivered value\n9" in texts


def test_explorer_starts_at_the_lexus_case_and_recovers_from_bad_input():
    assert delivered_value_explorer is explorer  # the name the notebook and the exercise call
    ex = delivered_value_explorer()
    assert ex.last_error is None and ex.figure is not None
    assert "delivers 14 thousand USD more" in ex.summary.value
    figure, sentence = ex.figure, ex.summary.value
    ex.controls["b_name"].value = "Lexus dealer"
    assert 'role="alert"' in ex.alert.value and "different names" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == sentence
    ex.controls["b_name"].value = "Rival dealer"
    assert ex.alert.value == ""
    ex.controls["a_money"].value = 30
    assert ex.alert.value == "" and ex.figure is not figure
    assert "delivers 22 thousand USD more" in ex.summary.value
    ex.controls["a_name"].value = " "
    assert "needs a name" in ex.alert.value
    with pytest.raises(ValueError, match="money \\(price\\) must be at least 0"):
        explorer(a_money=-3)
