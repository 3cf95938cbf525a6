"""Case facts and figures, typed once in ``relsell/data/cases/<case>.yaml``.

Models take their defaults from here and a test checks the chapter prose quotes
the same figures, so a number cannot drift between the page and the widget.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .datafiles import list_files, read_yaml, validate

__all__ = ["load_case", "fact", "case_ids", "check_case", "render_facts_module"]


@cache
def _case_ids() -> tuple[str, ...]:
    return tuple(list_files("cases"))


def case_ids() -> list[str]:
    """Every case shipped with the course."""
    return list(_case_ids())


def load_case(case_id: str) -> dict[str, Any]:
    """The whole case record, read once per session.

    The schema check (``check_case``) runs in the build and the tests, not here: importing a
    model must stay fast.
    """
    if not isinstance(case_id, str):
        raise TypeError(f"case_id must be text such as 'pinacor'; got {case_id!r}.")
    if case_id not in case_ids():
        raise ValueError(f"Unknown case {case_id!r}. Known cases: {', '.join(case_ids())}.")
    return _read(case_id)


@cache
def _read(case_id: str) -> dict[str, Any]:
    return read_yaml(f"cases/{case_id}.yaml")


def check_case(case_id: str) -> dict[str, Any]:
    """The case record, checked against ``case.schema.json`` (DataFileError if it breaks it)."""
    record = load_case(case_id)
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


def render_facts_module() -> str:
    """``relsell/models/_facts.py``: every case's values as Python literals.

    Why: models are standard library only (they run in a browser too), so they cannot read
    YAML. The build writes the values here from the case files, and ``--check`` fails if the
    two differ, so the case file stays the one source of truth.
    """
    lines = [
        '"""Case figures for the models. GENERATED from relsell/data/cases/*.yaml by',
        '``python -m relsell_book.build``: edit the case file, not this one."""',
        "",
        "FACTS = {",
    ]
    for case_id in case_ids():
        lines.append(f"    {case_id!r}: {{")
        for fact_id, record in load_case(case_id)["facts"].items():
            lines.append(f"        {fact_id!r}: {record['value']!r},")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"
