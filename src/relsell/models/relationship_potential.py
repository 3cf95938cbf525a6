"""How much room is there for a relationship? The 14 conditions of chapter 2 as a score.

The source lists fourteen conditions that favour the development of a customer
relationship (关系发展的条件), from the degree of personal contact to physical
contact and convenience. Not every purchase can become a relationship: a driver filling
up at a motorway petrol station is not looking for one, a company choosing a bank is.
This module lets a student rate a situation on each condition from 0 (absent) to 4 (very
strong) and turns the ratings into a *relationship-potential index* from 0 to 100.

The index is a course device, not a measure from the source: equal weights, and the three
bands (below 40, 40 to 70, 70 and above) are teaching thresholds. The example situations
are the course's own judgements, to be argued with.

One check follows Barnes' second "non-relationship": a high switching cost with little
personal contact, two-way communication or intimacy is a customer held in place, not a
relationship (``lock_in_warning``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..checks import ModelInputError, number
from ..params import Param, check_all, defaults

__all__ = [
    "PARAMS",
    "CONDITIONS",
    "MAX_SCORE",
    "SITUATIONS",
    "condition_keys",
    "score_table",
    "potential_index",
    "band",
    "lock_in_warning",
    "situation",
    "summary",
    "run",
]

MAX_SCORE = 4

# The fourteen conditions in the source's order: key, English label, Chinese term.
CONDITIONS: tuple[tuple[str, str, str], ...] = (
    ("personal_contact", "degree of personal contact", "私人交往的程度"),
    ("time_invested", "length of time invested", "投入的时间长度"),
    ("task_complexity", "complexity of the task", "任务的复杂性"),
    ("two_way_communication", "convenient two-way communication", "方便的双向交流"),
    ("service_value", "value added through service", "通过服务增加价值"),
    ("same_person", "dealing with the same person", "与同一个人交往"),
    ("contact_frequency", "frequency of contact", "接触的频度"),
    ("contact_continuity", "continuity of contact", "接触的连续性"),
    ("perceived_risk", "perceived high risk", "对于高风险的看法"),
    ("lack_of_expertise", "customer's lack of specialist knowledge", "客户缺乏专门知识"),
    ("involvement", "degree of involvement", "参与程度"),
    ("intimacy", "intimacy", "亲密性"),
    ("switching_cost", "switching cost", "转换成本"),
    ("physical_contact", "physical contact and convenience", "身体接触、便利性"),
)

# Example ratings (course judgements, not source data), in the order of CONDITIONS.
_EXAMPLES: dict[str, tuple[int, ...]] = {
    "motorway petrol station": (0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2),
    "family doctor": (4, 4, 4, 4, 4, 4, 2, 4, 4, 4, 4, 3, 2, 4),
    "company choosing a bank": (3, 4, 4, 3, 4, 3, 3, 4, 4, 3, 3, 2, 4, 2),
    "gas enquiry line, automated": (0, 1, 2, 1, 1, 0, 1, 1, 2, 3, 1, 0, 3, 1),
    "gas enquiry line, answered by people": (3, 2, 2, 4, 3, 1, 1, 2, 2, 3, 2, 2, 3, 2),
}
SITUATIONS: dict[str, dict[str, int]] = {
    name: {key: value for (key, _, _), value in zip(CONDITIONS, values, strict=True)}
    for name, values in _EXAMPLES.items()
}

_BANDS = (
    (70.0, "strong: relationship marketing is likely to pay here"),
    (40.0, "moderate: build relationships with selected customers or in selected contacts"),
    (0.0, "weak: an efficient, friendly transaction may be all the customer wants"),
)

# The explorer's settings: one 0-4 rating per condition (starting from the enquiry line answered
# by people, the chapter's example) and an example situation to draw for contrast.
NONE = "(none)"
_START = "gas enquiry line, answered by people"
PARAMS = (
    Param(
        "compare",
        "Compare with",
        "choice",
        default="gas enquiry line, automated",
        choices=(NONE, *SITUATIONS),
        hint="Choose an example situation to draw for contrast, or (none).",
    ),
    *(
        Param(
            key,
            f"{i}. {label}",
            "whole",
            default=SITUATIONS[_START][key],
            minimum=0,
            maximum=MAX_SCORE,
            step=1,
            hint=f"Rate each condition from 0 (absent) to {MAX_SCORE} (very strong).",
        )
        for i, (key, label, _) in enumerate(CONDITIONS, start=1)
    ),
)


def condition_keys() -> list[str]:
    """The fourteen keys, in the source's order."""
    return [key for key, _, _ in CONDITIONS]


def _check_scores(scores: object) -> dict[str, float]:
    if not isinstance(scores, Mapping):
        raise TypeError(
            "Scores must be a mapping of condition to rating, such as "
            f"{{'personal_contact': 3, ...}}; got {type(scores).__name__}."
        )
    if not scores:
        raise ModelInputError(
            "No scores given. Rate all 14 conditions from 0 to 4 (see condition_keys())."
        )
    keys = condition_keys()
    unknown = [str(k) for k in scores if k not in keys]
    if unknown:
        raise ModelInputError(
            f"Unknown condition(s) {unknown}. Use the keys of condition_keys(), e.g. {keys[0]!r}."
        )
    missing = [k for k in keys if k not in scores]
    if missing:
        raise ModelInputError(
            f"Missing rating(s) for {missing}. Rate every one of the 14 conditions, 0 if absent."
        )
    labels = {key: label for key, label, _ in CONDITIONS}
    return {
        key: number(
            f"The rating for '{labels[key]}'",
            scores[key],
            minimum=0,
            maximum=MAX_SCORE,
            hint=f"Rate each condition from 0 (absent) to {MAX_SCORE} (very strong).",
        )
        for key in keys
    }


def _tidy(value: float) -> float | int:
    """3.0 shows as 3 in tables; 2.5 stays 2.5."""
    return int(value) if value.is_integer() else value


def score_table(scores: Mapping[str, float]) -> list[dict]:
    """One record per condition, in the source's order: number, key, condition, zh, score."""
    checked = _check_scores(scores)
    return [
        {"number": i, "key": key, "condition": label, "zh": zh, "score": _tidy(checked[key])}
        for i, (key, label, zh) in enumerate(CONDITIONS, start=1)
    ]


def potential_index(scores: Mapping[str, float]) -> float:
    """Relationship-potential index: the ratings as a share of the maximum, 0 to 100."""
    checked = _check_scores(scores)
    return 100.0 * sum(checked.values()) / (MAX_SCORE * len(CONDITIONS))


def band(index: float) -> str:
    """The teaching band of an index: strong (70+), moderate (40 to 70) or weak."""
    value = number("The index", index, minimum=0, maximum=100, hint="It runs from 0 to 100.")
    for threshold, text in _BANDS:
        if value >= threshold:
            return text
    raise AssertionError("unreachable")  # pragma: no cover


def lock_in_warning(scores: Mapping[str, float]) -> bool:
    """True when switching cost is high (3+) but contact, dialogue and intimacy average 1.5 or less.

    That pattern is Barnes' second non-relationship: the customer stays because leaving is
    costly, not because they want the relationship.
    """
    s = _check_scores(scores)
    bond = (s["personal_contact"] + s["two_way_communication"] + s["intimacy"]) / 3
    return s["switching_cost"] >= 3 and bond <= 1.5


def situation(name: str) -> dict[str, int]:
    """A copy of one example situation's ratings (course judgements)."""
    if not isinstance(name, str):
        raise TypeError(f"The situation must be a name such as 'family doctor'; got {name!r}.")
    if name not in SITUATIONS:
        raise ModelInputError(
            f"Unknown situation {name!r}. Known: {', '.join(repr(s) for s in SITUATIONS)}."
        )
    return dict(SITUATIONS[name])


def summary(scores: Mapping[str, float]) -> str:
    """The rating in words: index, band, strongest and weakest conditions, lock-in check."""
    table = score_table(scores)
    index = potential_index(scores)
    highest = max(row["score"] for row in table)
    lowest = min(row["score"] for row in table)
    top = [row["condition"] for row in table if row["score"] == highest]
    low = [row["condition"] for row in table if row["score"] == lowest]

    def listing(items: list[str]) -> str:
        return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")

    text = (
        f"Relationship potential {index:.0f} out of 100, {band(index)}. "
        f"Strongest: {listing(top)}; weakest: {listing(low)}."
    )
    if lock_in_warning(scores):
        text += (
            " Warning: a high switching cost with little contact, dialogue or intimacy holds "
            "the customer in place; that is not a relationship (Barnes)."
        )
    return text


def run(**values: Any) -> dict[str, Any]:
    """The model at these settings (``PARAMS`` names; the rest at their defaults), as plain data.

    ``scores`` (the fourteen ratings), ``table`` (``score_table``), ``index``, ``band``,
    ``lock_in``, the situation to ``compare`` with (``None`` for none), its
    ``compare_scores`` and ``compare_index``, and the ``summary`` of the ratings.
    """
    v = check_all(PARAMS, {**defaults(PARAMS), **values})
    compare = v.pop("compare")
    other = None if compare == NONE else situation(compare)
    index = potential_index(v)
    return {
        "scores": v,
        "table": score_table(v),
        "index": index,
        "band": band(index),
        "lock_in": lock_in_warning(v),
        "compare": None if other is None else compare,
        "compare_scores": other,
        "compare_index": None if other is None else potential_index(other),
        "summary": summary(v),
    }
