"""Printable observer sheets and rubrics for running a role-play live in class, in pairs.

Why generated: the role-play file already says, at every decision, which reply shows the skill
and why the others miss it, and which skill each ending used or missed. An instructor who runs
the scene live (one student sells, one plays the customer, a third observes) needs that on
paper: a customer card, the skills to look for at each decision and a 4-level scale. Writing
it by hand would copy the role-play and drift from it, so the sheet is generated from the
same YAML into ``instructor/observer_sheets/<id>.html`` (instructor-only: never on the site or
in the student edition). Open it in a browser and print it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from relsell.content import roleplay
from relsell_book import pages

__all__ = ["main_line", "decisions", "sheet", "sheets", "LEVELS", "FOLDER"]

FOLDER = "instructor/observer_sheets/"
RANK = {"success": 3, "partial": 2, "failure": 1}
LEVELS = {
    4: "Strong",
    3: "Competent",
    2: "Developing",
    1: "Missing",
}


def _best_result(data: dict[str, Any], node_id: str) -> str:
    """The best ending still reachable from a node."""
    node = data["nodes"][node_id]
    if "outcome" in node:
        return node["result"]
    return max((_best_result(data, r["next"]) for r in node["replies"]), key=RANK.__getitem__)


def main_line(data: dict[str, Any]) -> list[tuple[str, int]]:
    """The shortest path to a success ending: the decisions the observer scores."""
    best = [p for p in roleplay.paths(data) if roleplay.end_of(data, p)["result"] == "success"]
    return min(best, key=len)


def decisions(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Each decision on the main line: what the customer says, the skill, the anchors per level."""
    out = []
    nodes = data["nodes"]
    for number, (node_id, index) in enumerate(main_line(data), start=1):
        node = nodes[node_id]
        best = node["replies"][index]
        others = [
            {**reply, "best_result": _best_result(data, reply["next"])}
            for i, reply in enumerate(node["replies"])
            if i != index
        ]
        following = nodes[best["next"]]
        weaker = [o for o in others if o["best_result"] != "failure"]
        failing = [o for o in others if o["best_result"] == "failure"]
        out.append(
            {
                "number": number,
                "scene": node.get("scene", ""),
                "says": node["says"],
                "best": best,
                "customer_if_good": following["says"],
                "customer_if_poor": (
                    nodes[failing[0]["next"]]["says"]
                    if failing
                    else nodes[others[0]["next"]]["says"]
                ),
                "levels": {
                    4: [best],
                    2: weaker,
                    1: failing,
                },
            }
        )
    return out


def sheet(roleplay_id: str) -> str:
    """The observer sheet and rubric of one role-play, as a self-contained printable HTML page."""
    data = roleplay.load_roleplay(roleplay_id)
    success = roleplay.end_of(data, main_line(data))
    misses = sorted(
        {
            " ".join(n["skill"].split())
            for n in data["nodes"].values()
            if "outcome" in n and n["result"] != "success"
        }
    )
    return pages.render(
        "observer_sheet.html.j2",
        data=data,
        chapter=int(data["chapter"][2:]),
        decisions=decisions(data),
        success=success,
        misses=misses,
        levels=LEVELS,
        source=f"{roleplay.SOURCE}{roleplay_id}.yaml",
    )


def sheets() -> dict[str, Callable[[], str]]:
    """Every role-play's observer sheet (relative to the repository root) and its writer."""
    return {f"{FOLDER}{rid}.html": partial(sheet, rid) for rid in roleplay.roleplay_ids()}
