"""Observer sheets for live role-plays, generated from the role-play files."""

from __future__ import annotations

import pytest

from relsell.content import roleplay
from relsell_book import observer

REQUIRED = [
    "ch04-approach",
    "ch04-objection",
    "ch04-closing",
    "ch07-whom-first",
    "ch07-opponent-and-user",
]


def test_the_issue_s_role_plays_have_a_sheet():
    assert {f"{observer.FOLDER}{rid}.html" for rid in REQUIRED} <= set(observer.sheets())


@pytest.mark.parametrize("rid", roleplay.roleplay_ids())
def test_the_main_line_ends_in_success_and_each_decision_has_anchors(rid):
    data = roleplay.load_roleplay(rid)
    line = observer.main_line(data)
    assert roleplay.end_of(data, line)["result"] == "success"
    for decision in observer.decisions(data):
        best = decision["best"]
        assert best in data["nodes"][[n for n, _ in line][decision["number"] - 1]]["replies"]
        # every other reply appears at level 2 or level 1, none is lost
        others = len(decision["levels"][2]) + len(decision["levels"][1])
        node = data["nodes"][line[decision["number"] - 1][0]]
        assert others == len(node["replies"]) - 1


@pytest.mark.parametrize("rid", REQUIRED)
def test_sheet_has_customer_card_four_levels_and_overall_rubric(rid):
    data = roleplay.load_roleplay(rid)
    html = observer.sheet(rid)
    assert html.count("4 Strong") == len(observer.decisions(data)) + 1
    assert html.count("1 Missing") == len(observer.decisions(data)) + 1
    assert "Customer card" in html and "Honesty and the law" in html
    success = roleplay.end_of(data, observer.main_line(data))
    assert " ".join(success["skill"].split()).replace("'", "&#39;")[:40] in html.replace(
        "&#34;", '"'
    )
    assert "<script" not in html  # printable, nothing runs


def test_text_is_escaped():
    data = roleplay.load_roleplay(REQUIRED[0])
    assert "<" not in data["title"]  # the YAML has none; the template autoescapes all the same
    assert "{{" not in observer.sheet(REQUIRED[0])
