"""Case facts and figures, typed once in ``relsell/data/cases/<case>.yaml``.

Models take their defaults from here and a test checks the chapter prose quotes
the same figures, so a number cannot drift between the page and the widget.
"""

from __future__ import annotations

from typing import Any

from .datafiles import list_files, read_yaml, validate

__all__ = ["load_case", "fact", "case_ids"]


def case_ids() -> list[str]:
    """Every case shipped with the course."""
    return list_files("cases")


def load_case(case_id: str) -> dict[str, Any]:
    """The whole case record, checked against ``case.schema.json``."""
    if not isinstance(case_id, str):
        raise TypeError(f"case_id must be text such as 'pinacor'; got {case_id!r}.")
    if case_id not in case_ids():
        raise ValueError(f"Unknown case {case_id!r}. Known cases: {', '.join(case_ids())}.")
    record = read_yaml(f"cases/{case_id}.yaml")
    validate(record, "case", f"relsell/data/cases/{case_id}.yaml")
    return record


def fact(case_id: str, fact_id: str) -> Any:
    """One figure of a case, e.g. ``fact('pinacor', 'segments') == 10``."""
    facts = load_case(case_id)["facts"]
    if fact_id not in facts:
        raise ValueError(
            f"Case {case_id!r} has no fact {fact_id!r}. Known: {', '.join(sorted(facts))}."
        )
    return facts[fact_id]["value"]
