"""``fact(case, name)`` for models: the case figures, without reading YAML.

Models are standard library only, so they read the generated ``_facts`` module (written from
``relsell/data/cases/*.yaml`` by the build) instead of ``relsell.content.cases``.
"""

from __future__ import annotations

from typing import Any, cast

from ._facts import FACTS

__all__ = ["fact"]

# The generated literal mixes value types, so mypy infers ``dict[str, object]``; each case is
# a mapping of fact name to value.
_FACTS = cast(dict[str, dict[str, Any]], FACTS)


def fact(case_id: str, fact_id: str) -> Any:
    """One figure of a case, e.g. ``fact('pinacor', 'segments') == 10``."""
    try:
        return _FACTS[case_id][fact_id]
    except KeyError:
        known = ", ".join(sorted(_FACTS.get(case_id, _FACTS)))
        raise ValueError(f"Unknown case or fact {case_id!r}/{fact_id!r}. Known: {known}.") from None
