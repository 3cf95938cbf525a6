"""The item report's numbers, on a class small enough to compute by hand."""

from __future__ import annotations

import math

import pytest

from relsell_book import item_report

# four students, three items (i2 is worth 2 points); totals 4, 3, 2, 0
TABLE = {
    "ana": {"i1": (1, 1), "i2": (2, 2), "i3": (1, 1)},
    "bo": {"i1": (1, 1), "i2": (2, 2), "i3": (0, 1)},
    "chen": {"i1": (0, 1), "i2": (1, 2), "i3": (1, 1)},
    "dee": {"i1": (0, 1), "i2": (0, 2), "i3": (0, 1)},
}


def _by_item():
    return {s["item"]: s for s in item_report.item_statistics(TABLE)}


def test_share_correct_is_the_mean_share_of_the_marks():
    stats = _by_item()
    assert stats["i1"]["p"] == 0.5
    assert stats["i2"]["p"] == pytest.approx((1 + 1 + 0.5 + 0) / 4)
    assert stats["i3"]["p"] == 0.5


def test_item_rest_correlation_leaves_the_item_out_of_the_total():
    stats = _by_item()
    # i1: shares 1,1,0,0 against rest totals 3,2,2,0 -> 1.5 / sqrt(1 * 4.75)
    assert stats["i1"]["r"] == pytest.approx(1.5 / math.sqrt(4.75))
    # i3: shares 1,0,1,0 against rest totals 3,3,1,0 -> 0.5 / sqrt(1 * 6.75)
    assert stats["i3"]["r"] == pytest.approx(0.5 / math.sqrt(6.75))


def test_upper_lower_index_compares_the_top_and_bottom_students():
    # 27 % of 4 students rounds to 1: ana (top) against dee (bottom)
    assert {s["item"]: s["d"] for s in item_report.item_statistics(TABLE)} == {
        "i1": 1.0,
        "i2": 1.0,
        "i3": 1.0,
    }


def test_an_item_everyone_got_right_has_no_discrimination():
    table = {s: {**row, "easy": (1, 1)} for s, row in TABLE.items()}
    easy = next(s for s in item_report.item_statistics(table) if s["item"] == "easy")
    assert easy["p"] == 1.0 and easy["r"] is None and easy["d"] == 0.0


def test_objective_average_weights_items_by_their_points():
    averages = item_report.objective_averages(
        TABLE, {"i1": "ch01-a1", "i2": "ch01-a1", "i3": "ch01-a2"}
    )
    assert averages["ch01-a1"] == pytest.approx((1 + 1 + 1 / 3 + 0) / 4)
    assert averages["ch01-a2"] == pytest.approx(0.5)


def test_report_names_every_item_and_flags_a_reversed_one():
    table = {
        "ana": {"good": (1, 1), "bad": (0, 1), "x": (1, 1)},
        "bo": {"good": (1, 1), "bad": (0, 1), "x": (1, 1)},
        "chen": {"good": (0, 1), "bad": (1, 1), "x": (0, 1)},
        "dee": {"good": (0, 1), "bad": (1, 1), "x": (0, 1)},
    }
    text = item_report.render("quiz", table, {"good": "ch01-a1", "bad": "ch01-a1"})
    row = next(line for line in text.splitlines() if line.startswith("| bad "))
    assert "negative: check the key" in row
    assert "Items with no objective in their metadata: x." in text
    assert "| ch01-a1 |" in text and "*Apply*" in text  # the objective's own words


def test_a_missing_gradebook_is_explained(tmp_path, capsys):
    assert item_report.main(["final-exam", "--course", str(tmp_path)]) == 2
    assert "No gradebook" in capsys.readouterr().err
