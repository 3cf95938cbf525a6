"""Branching sales role-plays that can be played on the static site, with no kernel.

A role-play is a small conversation tree stored in ``relsell/data/roleplays/<id>.yaml``:
the prospect says something, the student chooses one of several replies, and each reply
shows the prospect's reaction and a coach's feedback before the next choice. Every path
ends in an outcome (success, partial or failure), because a salesperson learns most from
seeing where a reply leads, not from being told it was wrong.

The page shows the tree as nested HTML ``<details>``/``<summary>`` elements: the browser
opens and closes them with a click or the keyboard, so the role-play works offline, with
no JavaScript of ours and no kernel. Every piece of text is HTML-escaped, so a line that
mentions ``<script>`` is shown, never run.

This module reads and checks role-plays; ``relsell_book.pages`` renders them (from the
template ``roleplay.html.j2``) into ``book/_generated/roleplays/<id>.md``, which the chapter
page includes where the skill is taught.
"""

from __future__ import annotations

from typing import Any

from .datafiles import DataFileError, list_files, read_yaml, validate

__all__ = [
    "roleplay_ids",
    "load_roleplay",
    "check_roleplay",
    "paths",
    "depth",
    "endings",
    "MIN_REPLIES",
    "MIN_DEPTH",
    "RESULTS",
]

FOLDER = "roleplays"
SOURCE = "src/relsell/data/roleplays/"
MIN_REPLIES = 3  # at every decision
MIN_DEPTH = 3  # decisions on the longest path (the main line)
RESULTS = ("success", "partial", "failure")  # how a path can end


# --- loading and checking -------------------------------------------------------------------


def roleplay_ids() -> list[str]:
    """Every role-play shipped with the course, e.g. ``['ch04-approach', ...]``."""
    return list_files(FOLDER)


def load_roleplay(roleplay_id: str) -> dict[str, Any]:
    """Read ``relsell/data/roleplays/<id>.yaml`` and refuse it unless it is complete."""
    if not isinstance(roleplay_id, str):
        raise TypeError(f"roleplay_id must be text such as 'ch04-approach'; got {roleplay_id!r}.")
    known = roleplay_ids()
    if roleplay_id not in known:
        raise ValueError(f"No role-play {roleplay_id!r}. Role-plays exist for: {', '.join(known)}.")
    where = f"{SOURCE}{roleplay_id}.yaml"
    data = read_yaml(f"{FOLDER}/{roleplay_id}.yaml")
    check_roleplay(data, where)
    if data["id"] != roleplay_id:
        raise DataFileError(f"{where} says id {data['id']!r}; the file name says {roleplay_id!r}.")
    return data


def _pre_check(data: Any, where: str) -> None:
    """Friendly messages for the mistakes authors make most, before the schema's wording."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), dict):
        return  # the schema explains what the top level needs
    for node_id, node in data["nodes"].items():
        if not isinstance(node, dict):
            continue
        replies = node.get("replies")
        has_outcome = "outcome" in node
        if replies is None and not has_outcome:
            raise DataFileError(
                f"{where}: node {node_id!r} has neither replies nor an outcome. Give it a list of "
                "replies to go on, or an outcome and a result to end the conversation there."
            )
        if replies is not None and has_outcome:
            raise DataFileError(
                f"{where}: node {node_id!r} has both replies and an outcome. A node either goes on "
                "(replies) or ends the conversation (outcome), not both."
            )
        for number, reply in enumerate(replies or [], start=1):
            if not isinstance(reply, dict):
                continue
            feedback = reply.get("feedback")
            if not isinstance(feedback, str) or len(feedback.strip()) < 15:
                raise DataFileError(
                    f"{where}: node {node_id!r}, reply {number} has no feedback (or too short: "
                    "at least 15 characters). Say why the reply works or does not."
                )


def _schema_error_place(message: str) -> str:
    """Turn 'at nodes/open/replies/0: ...' into "at node 'open', reply 1: ..."."""
    parts = message.split(": ", 1)
    path = parts[0].removeprefix("  at ").split("/")
    if len(path) >= 2 and path[0] == "nodes":
        place = f"node {path[1]!r}"
        if len(path) >= 4 and path[2] == "replies" and path[3].isdigit():
            place += f", reply {int(path[3]) + 1}"
            if len(path) >= 5:
                place += f" ({'/'.join(path[4:])})"
        elif len(path) >= 3:
            place += f" ({'/'.join(path[2:])})"
        return f"  at {place}: {parts[1] if len(parts) > 1 else ''}"
    return message


def check_roleplay(data: Any, where: str = "role-play") -> None:
    """Raise DataFileError, naming the file and the node, unless the role-play is playable.

    Playable means: it matches the schema; every ``next`` names a node; every node can be
    reached from the start; following replies never loops back (no cycles), so every path
    ends in an outcome; every decision offers at least MIN_REPLIES replies; and the longest
    path (the main line) has at least MIN_DEPTH decisions.
    """
    _pre_check(data, where)
    try:
        validate(data, "roleplay", where)
    except DataFileError as exc:
        head, *lines = str(exc).split("\n")
        raise DataFileError("\n".join([head, *(_schema_error_place(x) for x in lines)])) from None
    nodes = data["nodes"]
    if data["start"] not in nodes:
        raise DataFileError(
            f"{where}: start {data['start']!r} is not a node. Nodes: {', '.join(nodes)}."
        )
    for node_id, node in nodes.items():
        for number, reply in enumerate(node.get("replies", []), start=1):
            if reply["next"] not in nodes:
                raise DataFileError(
                    f"{where}: node {node_id!r}, reply {number} leads to {reply['next']!r}, "
                    f"which is not a node. Nodes: {', '.join(nodes)}."
                )
    _refuse_cycles(nodes, data["start"], where)
    reached = _reachable(nodes, data["start"])
    lost = [n for n in nodes if n not in reached]
    if lost:
        raise DataFileError(
            f"{where}: node(s) {', '.join(repr(n) for n in lost)} cannot be reached from the "
            f"start {data['start']!r}. Point a reply at them or delete them."
        )
    for node_id, node in nodes.items():
        count = len(node.get("replies", []))
        if 0 < count < MIN_REPLIES:
            raise DataFileError(
                f"{where}: node {node_id!r} offers {count} replies; give at least {MIN_REPLIES}"
                " (a decision needs real alternatives)."
            )
    if depth(data) < MIN_DEPTH:
        raise DataFileError(
            f"{where}: the longest path has {depth(data)} reply(ies); make at least one branch "
            f"{MIN_DEPTH} replies deep."
        )


def _reachable(nodes: dict[str, Any], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        node_id = todo.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        todo += [r["next"] for r in nodes[node_id].get("replies", [])]
    return seen


def _refuse_cycles(nodes: dict[str, Any], start: str, where: str) -> None:
    """Depth-first search over every node; a reply that leads back up the path is a cycle."""
    done: set[str] = set()

    def visit(node_id: str, trail: list[str]) -> None:
        if node_id in trail:
            loop = " → ".join([*trail[trail.index(node_id) :], node_id])
            raise DataFileError(
                f"{where}: the replies loop back ({loop}) at node {node_id!r}, so that path "
                "never ends. Point the last reply at a new node or an outcome."
            )
        if node_id in done:
            return
        for reply in nodes[node_id].get("replies", []):
            visit(reply["next"], [*trail, node_id])
        done.add(node_id)

    for node_id in [start, *nodes]:
        visit(node_id, [])


def paths(data: dict[str, Any]) -> list[list[tuple[str, int]]]:
    """Every way through the conversation: a list of (node id, reply index) steps.

    Each path starts at the start node and stops at a node with an outcome; the last
    step's reply leads to that outcome node.
    """
    nodes = data["nodes"]
    found: list[list[tuple[str, int]]] = []

    def walk(node_id: str, trail: list[tuple[str, int]]) -> None:
        replies = nodes[node_id].get("replies")
        if not replies:
            found.append(trail)
            return
        for index, reply in enumerate(replies):
            walk(reply["next"], [*trail, (node_id, index)])

    walk(data["start"], [])
    return found


def end_of(data: dict[str, Any], path: list[tuple[str, int]]) -> dict[str, Any]:
    """The node where ``path`` ends."""
    if not path:
        return data["nodes"][data["start"]]
    node_id, index = path[-1]
    return data["nodes"][data["nodes"][node_id]["replies"][index]["next"]]


def endings(data: dict[str, Any]) -> dict[str, str]:
    """Every ending node reachable from the start, with its result (success, partial, failure).

    The progress page counts these: a reader has found an ending when one of its routes is open.
    """
    reachable = _reachable(data["nodes"], data["start"])
    return {
        node_id: node["result"]
        for node_id, node in data["nodes"].items()
        if node_id in reachable and "outcome" in node
    }


def depth(data: dict[str, Any]) -> int:
    """Replies on the longest path through the role-play."""
    return max(len(p) for p in paths(data))
