"""Is this visit planned? A checker for the five elements of a visit (chapter 5).

The visit deck says successful visits come from planning and names five elements a
plan must settle: when (何时), what matter (何事), who (何人), which method (何种方法) and
what reason (何种理由). A plan that leaves one of them open is not yet a plan.

``check_plan`` takes a plan as a dictionary (or a table with the columns ``element`` and
``entry``) and says, element by element, whether it is **ready**, **vague** or **missing**,
with advice and the reason the element matters: one record per element. The vagueness
rules are simple word checks (does "when" name a day or a time? does "method" name a way
of making contact? is the "reason" the customer's or only the agent's?). They are an
illustration of the idea, not a judge of good plans: a plan can pass every check and still
be a poor one. Entries in Chinese are checked with a few Chinese keywords only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from ..checks import ModelInputError, records
from ..params import Param, check_all, defaults

__all__ = [
    "PARAMS",
    "ELEMENTS",
    "DRAFT_PLAN",
    "check_plan",
    "ready_count",
    "summary",
    "run",
    "MAX_ENTRY_LENGTH",
]

MAX_ENTRY_LENGTH = 300

# The five elements in the deck's order: key, Chinese label, English label, why it matters.
ELEMENTS: tuple[dict[str, str], ...] = (
    {
        "key": "when",
        "zh": "何时",
        "label": "When",
        "why": "A day and time agreed in advance respect the customer's diary and make the "
        "visit happen; 'some time next week' never arrives.",
    },
    {
        "key": "what",
        "zh": "何事",
        "label": "What matter",
        "why": "The matter to settle gives the visit a clear purpose; without one it becomes "
        "a chat, and neither side knows what was decided.",
    },
    {
        "key": "who",
        "zh": "何人",
        "label": "Who",
        "why": "The person met should have the need, the money and the authority to decide; "
        "a visit to the wrong person is a visit lost.",
    },
    {
        "key": "method",
        "zh": "何种方法",
        "label": "Which method",
        "why": "How you make contact and approach (in person, by phone, through an "
        "introducer, by letter) decides whether the door opens at all.",
    },
    {
        "key": "reason",
        "zh": "何种理由",
        "label": "What reason",
        "why": "The customer needs a reason to give you time; every meeting needs a pretext "
        "that serves the customer, and should leave a hook for the next one.",
    },
)

# A hypothetical first draft by a new agent (not from the source): one element settled,
# three vague and one missing, so the checker has something to say. The explorer starts here.
DRAFT_PLAN = {
    "when": "next week",
    "what": "Review the family's health cover and show the hospital-cash option",
    "who": "the customer",
    "method": "",
    "reason": "I need two more sales for my monthly quota",
}

_HINTS = {
    "when": "Name a day and a time, such as 'Tuesday 10:00'.",
    "what": "Say in a few words what will be settled.",
    "who": "Name the person and their role, such as 'Ms Li, office manager'.",
    "method": "Say how you make contact: in person, by phone, by letter ...",
    "reason": "Say what the customer gains from seeing you.",
}

# One text setting per element, in the deck's order, starting at the draft.
PARAMS = tuple(
    Param(e["key"], e["label"], "text", default=DRAFT_PLAN[e["key"]], hint=_HINTS[e["key"]])
    for e in ELEMENTS
)

_BY_KEY = {e["key"]: e for e in ELEMENTS}
_ALIASES = {**{e["key"]: e["key"] for e in ELEMENTS}, **{e["zh"]: e["key"] for e in ELEMENTS}}

_CJK = re.compile(r"[\u3400-\u9fff]")
# Words that leave any element open, in English and in Chinese.
_VAGUE_EN = re.compile(
    r"\b(tbd|tbc|sometime|some time|someday|somehow|something|someone|somebody|anyone|"
    r"anybody|whoever|whenever|whatever|stuff|things|maybe|perhaps|not sure|dunno|"
    r"don't know|later|soon|n/a|etc)\b|\?|\.\.\.",
    re.IGNORECASE,
)
_VAGUE_ZH = ("随便", "再说", "看情况", "有空", "改天", "某人", "不知道", "待定", "以后", "到时")
_TIME_EN = re.compile(
    r"\d|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(today|tomorrow|tonight|morning|"
    r"afternoon|evening|noon|midday|am|pm|o'clock)\b",
    re.IGNORECASE,
)
_TIME_ZH = ("周", "星期", "上午", "下午", "晚上", "中午", "点", "号", "日", "月", "今天", "明天")
_METHOD_EN = re.compile(
    r"\b(visit|meet|meeting|face[- ]to[- ]face|in person|call|phone|telephone|letter|"
    r"e-?mail|message|wechat|video|introduc\w*|referr\w*|appointment|demo\w*|"
    r"seminar|survey|advice|present\w*)\b",
    re.IGNORECASE,
)
_METHOD_ZH = (
    "当面",
    "面谈",
    "拜访",
    "电话",
    "委托",
    "介绍",
    "信函",
    "邮件",
    "微信",
    "网上",
    "视频",
)
# A "who" that names nobody in particular.
_GENERIC_WHO = {
    "customer",
    "the customer",
    "client",
    "the client",
    "prospect",
    "a prospect",
    "them",
    "him",
    "her",
    "the company",
    "company",
    "people",
    "客户",
    "顾客",
}
# A "what" or "reason" that says nothing beyond "a visit happens".
_GENERIC_TEXT = {
    "sell",
    "selling",
    "sales",
    "sale",
    "chat",
    "talk",
    "catch up",
    "visit",
    "meeting",
    "follow up",
    "follow-up",
    "business",
    "check in",
    "say hello",
    "hello",
    "推销",
    "聊天",
    "拜访",
}
# A reason that is the agent's, not the customer's.
_AGENT_ONLY = re.compile(
    r"\b(quota|commission|my target|target|i need a sale|need a sale|make a sale)\b|佣金|任务|指标",
    re.IGNORECASE,
)


def _element_key(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError(
            f"Each element of the plan is named by text such as 'when'; got {name!r} "
            f"({type(name).__name__})."
        )
    key = _ALIASES.get(name.strip().lower(), _ALIASES.get(name.strip()))
    if key is None:
        known = ", ".join(f"{e['key']} ({e['zh']})" for e in ELEMENTS)
        raise ModelInputError(f"'{name}' is not one of the five elements of a visit. Use: {known}.")
    return key


_PLAN_TYPES = (
    "A visit plan is a dictionary such as {'when': 'Tuesday 10:00', 'who': ...} or a table "
    "with columns 'element' and 'entry'"
)


def _pairs(plan: object) -> list[tuple[object, object]]:
    """(element name, entry) pairs from a dictionary or a table (records or a DataFrame)."""
    is_table = hasattr(plan, "columns") or isinstance(plan, list)
    if isinstance(plan, Mapping) and "element" in plan:  # a dict of columns
        is_table = True
    if isinstance(plan, Mapping) and not is_table:
        return list(plan.items())
    if not is_table:
        raise TypeError(f"{_PLAN_TYPES}; got {type(plan).__name__}.")
    rows = records(
        plan, ("element", "entry"), what="a plan table with columns 'element' and 'entry'"
    )
    return [(row["element"], row["entry"]) for row in rows]


def _entries(plan: object) -> dict[str, str]:
    """The plan as {element key: text}; explains every kind of wrong input."""
    entries: dict[str, str] = {}
    for name, text in _pairs(plan):
        key = _element_key(name)
        if key in entries:
            raise ModelInputError(
                f"The plan gives '{key}' ({_BY_KEY[key]['zh']}) twice; keep one entry."
            )
        if text is None or (isinstance(text, float) and math.isnan(text)):
            text = ""  # an empty cell of a spreadsheet
        if not isinstance(text, str):
            raise TypeError(
                f"The entry for '{key}' must be text, such as 'Tuesday 10:00'; got {text!r} "
                f"({type(text).__name__})."
            )
        if len(text) > MAX_ENTRY_LENGTH:
            raise ModelInputError(
                f"The entry for '{key}' is {len(text)} characters long; keep each element to "
                f"one sentence (at most {MAX_ENTRY_LENGTH} characters)."
            )
        entries[key] = text.strip()
    return entries


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9']+", text)) + len(_CJK.findall(text)) // 2


def _judge(key: str, text: str) -> tuple[str, str]:
    """(status, advice) for one element."""
    if not text:
        return "missing", f"Decide {_BY_KEY[key]['label'].lower()} before you go."
    chinese = bool(_CJK.search(text))
    lowered = text.lower().strip(" .!")
    if _VAGUE_EN.search(text) or any(w in text for w in _VAGUE_ZH):
        return "vague", "Replace open words (some time, someone, maybe) by a decision."
    if key == "when":
        has_time = any(w in text for w in _TIME_ZH) if chinese else _TIME_EN.search(text)
        if not has_time:
            return "vague", "Name a day and a time, such as 'Tuesday 10:00'."
    elif key == "who":
        if lowered in _GENERIC_WHO:
            return "vague", "Name the person and their role, such as 'Ms Li, office manager'."
    elif key == "method":
        found = any(w in text for w in _METHOD_ZH) if chinese else _METHOD_EN.search(text)
        if not found:
            return "vague", "Say how you make contact: in person, by phone, by letter ..."
    else:  # what, reason
        if key == "reason" and _AGENT_ONLY.search(text):
            return "vague", "Your reason, not the customer's: say what the customer gains."
        if lowered in _GENERIC_TEXT or _words(text) < 3:
            what = "what will be settled" if key == "what" else "why the customer should see you"
            return "vague", f"Say in a few words {what}."
    return "ready", "Ready."


def check_plan(plan: object) -> list[dict]:
    """Check a visit plan against the five elements of a visit.

    ``plan`` maps element names (``when``, ``what``, ``who``, ``method``, ``reason``, or
    the Chinese 何时, 何事, 何人, 何种方法, 何种理由) to text, or is a table with the columns
    ``element`` and ``entry`` (records or a DataFrame); a missing element or an empty entry
    counts as missing. Returns one record per element, in the deck's order, with
    ``element``, ``zh``, ``entry``, ``status`` (ready / vague / missing), ``advice`` and
    ``why`` (why the element matters); ``relsell.charts.frame`` shows it as a table.
    """
    entries = _entries(plan)
    rows = []
    for e in ELEMENTS:
        text = entries.get(e["key"], "")
        status, advice = _judge(e["key"], text)
        rows.append(
            {
                "element": e["key"],
                "zh": e["zh"],
                "entry": text,
                "status": status,
                "advice": advice,
                "why": e["why"],
            }
        )
    return rows


def _check_result(check: object) -> list[dict]:
    rows = records(check, ("element", "zh", "status", "advice"), what="the table from check_plan()")
    if [row["element"] for row in rows] != [e["key"] for e in ELEMENTS]:
        raise ModelInputError(
            "Expected the table from check_plan(), one row per element in the order "
            f"{', '.join(e['key'] for e in ELEMENTS)}."
        )
    return rows


def ready_count(check: list[dict]) -> int:
    """How many of the five elements are ready."""
    return sum(row["status"] == "ready" for row in _check_result(check))


def summary(check: list[dict]) -> str:
    """The check in one sentence: how many elements are ready, and which are not."""
    rows = _check_result(check)
    ready = ready_count(rows)
    if ready == len(ELEMENTS):
        return (
            "All five elements are settled: the plan says when, what, who, by which method "
            "and for what reason. Now prepare the visit itself."
        )
    parts = []
    for status in ("missing", "vague"):
        names = [f"{r['element']} ({r['zh']})" for r in rows if r["status"] == status]
        if names:
            parts.append(f"{status}: {', '.join(names)}")
    return (
        f"The plan is ready on {ready} of 5 elements; {'; '.join(parts)}. "
        "Settle these before the visit."
    )


def run(**values: Any) -> dict[str, Any]:
    """The check of a plan typed element by element (``PARAMS`` names; the rest as in the
    draft), as plain data: ``table`` (``check_plan``), ``ready`` and ``summary``.
    """
    plan = {**defaults(PARAMS), **check_all(PARAMS, values)}
    table = check_plan(plan)
    return {"table": table, "ready": ready_count(table), "summary": summary(table)}
