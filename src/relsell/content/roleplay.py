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

``python -m relsell_book.build`` writes one MyST file per role-play to
``book/_generated/roleplays/<id>.md``; the chapter page includes it where the skill is taught.
"""

from __future__ import annotations

import html
import string
from collections.abc import Callable
from typing import Any

from .datafiles import DataFileError, list_files, read_yaml, validate

__all__ = [
    "roleplay_ids",
    "load_roleplay",
    "check_roleplay",
    "paths",
    "depth",
    "render_html",
    "render_page",
    "generated_pages",
    "MIN_FIRST_REPLIES",
    "MIN_DEPTH",
    "RESULT_LABELS",
]

FOLDER = "roleplays"
SOURCE = "src/relsell/data/roleplays/"
GENERATED = "book/_generated/roleplays/"
MIN_FIRST_REPLIES = 3
MIN_DEPTH = 2
RESULT_LABELS = {
    "success": "Outcome: success",
    "partial": "Outcome: partly successful",
    "failure": "Outcome: failure",
}
LETTERS = string.ascii_uppercase


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
    ends in an outcome; the first line offers at least MIN_FIRST_REPLIES replies; and the
    longest path has at least MIN_DEPTH replies.
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
    first = nodes[data["start"]]
    if len(first.get("replies", [])) < MIN_FIRST_REPLIES:
        raise DataFileError(
            f"{where}: the first node {data['start']!r} offers "
            f"{len(first.get('replies', []))} replies; give at least {MIN_FIRST_REPLIES}."
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


def depth(data: dict[str, Any]) -> int:
    """Replies on the longest path through the role-play."""
    return max(len(p) for p in paths(data))


# --- rendering --------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


def _md_escape(text: str) -> str:
    """Backslash-escape every ASCII punctuation mark, so MyST shows the text literally."""
    return "".join("\\" + c if c in string.punctuation else c for c in " ".join(text.split()))


# Inline styles keep the role-play readable with the stock theme (no CSS file of our own is
# needed); the theme's colour variables keep the contrast in light and dark mode.
_BOX = (
    "border-left: 3px solid var(--pst-color-primary, #1d4ed8); padding: 0.1rem 0 0.1rem 0.6rem;"
    " margin: 0.5rem 0;"
)
_SUMMARY = "cursor: pointer; padding: 0.35rem 0.2rem; line-height: 1.4;"
_STEP = "margin: 0.4rem 0 0.2rem 0;"


def _say(who: str, node: dict[str, Any]) -> str:
    scene = f"<em>({_esc(node['scene'])})</em> " if node.get("scene") else ""
    return f"<p>{scene}<strong>{_esc(who)}:</strong> “{_esc(node['says'])}”</p>"


def _node_html(data: dict[str, Any], node_id: str, level: int) -> list[str]:
    """The choices offered at ``node_id`` (its line was already shown by the caller)."""
    node = data["nodes"][node_id]
    if "outcome" in node:
        return [
            f'<p class="rp-outcome"><strong>{_esc(RESULT_LABELS[node["result"]])}.</strong> '
            f"{_esc(node['outcome'])}</p>"
        ]
    out = [
        f'<div class="rp-step" role="group" aria-label="Step {level}: choose your reply"'
        f' style="{_STEP}">',
        f"<p><em>Step {level}: what do you say? Open one reply; open another to compare.</em></p>",
    ]
    for index, reply in enumerate(node["replies"]):
        nxt = data["nodes"][reply["next"]]
        method = (
            f'<p class="rp-method"><strong>Technique:</strong> {_esc(reply["method"])}.</p>'
            if reply.get("method")
            else ""
        )
        out += [
            f'<details class="rp-choice" style="{_BOX}">',
            f'<summary style="{_SUMMARY}"><strong>Reply {LETTERS[index]}:</strong> '
            f"“{_esc(reply['say'])}”</summary>",
            _say(data["prospect"], nxt),
            method,
            f'<p class="rp-feedback"><strong>Coach:</strong> {_esc(reply["feedback"])}</p>',
            *_node_html(data, reply["next"], level + 1),
            "</details>",
        ]
        out = [line for line in out if line]
    out.append("</div>")
    return out


def render_html(data: dict[str, Any]) -> str:
    """The whole role-play as static HTML: nested details/summary, every text escaped."""
    start = data["nodes"][data["start"]]
    lines = [
        f'<div class="relsell-roleplay" id="rp-{_esc(data["id"])}">',
        f"<p><strong>Situation.</strong> {_esc(data['situation'])}</p>",
        f"<p><strong>You play:</strong> {_esc(data['salesperson'])}. "
        f"<strong>The prospect:</strong> {_esc(data['prospect'])}.</p>",
        _say(data["prospect"], start),
        *_node_html(data, data["start"], 1),
        "</div>",
    ]
    return "\n".join(lines) + "\n"


def render_page(roleplay_id: str, heading_level: int = 4) -> str:
    """MyST source of ``book/_generated/roleplays/<id>.md``, included by the chapter page."""
    data = load_roleplay(roleplay_id)
    return "\n".join(
        [
            f"% GENERATED from {SOURCE}{roleplay_id}.yaml by `python -m relsell_book.build`;"
            " edit the YAML, not this file.",
            "",
            f"({roleplay_id}-roleplay)=",
            f"{'#' * heading_level} Role-play: {_md_escape(data['title'])}",
            "",
            f"A branching role-play with {len(paths(data))} possible endings. Nothing is recorded:"
            " open the replies in any order, and use the keyboard (Tab, then Enter) if you prefer.",
            "",
            "```{raw} html",
            render_html(data).rstrip("\n"),
            "```",
            "",
        ]
    )


def generated_pages() -> dict[str, Callable[[], str]]:
    """Every role-play's generated file (relative to the repository root) and its writer."""
    return {f"{GENERATED}{rid}.md": (lambda rid=rid: render_page(rid)) for rid in roleplay_ids()}
