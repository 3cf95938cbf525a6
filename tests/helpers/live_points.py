"""Settings at which the live models are checked: the defaults and three others per model.

Shared by the unit tests (``tests/unit/test_sketch.py``, ``test_live.py``) and the browser
tests (``tests/browser/test_live.py``), so both check the same points. Each other point moves
one control away from its default to a value the control offers; points the model refuses
(a range turned upside down) are skipped.
"""

from __future__ import annotations

import importlib
from typing import Any

from relsell.params import Param

__all__ = ["other_value", "points"]


def other_value(param: Param) -> Any:
    """A valid value for ``param`` other than its default, as a control would offer it."""
    default = param.default
    if param.kind == "flag":
        return not default
    if param.kind == "choice":
        return next(c for c in param.choices if c != default)
    if param.kind == "text":
        return f"{default} (changed)" if default else "Tuesday 10:00 at the customer's office"
    low, high = param.control_range
    if low is None or high is None:
        return default * 1.5 if default else 1
    target = default + (high - default) / 2 if high > default else low + (default - low) / 2
    if param.kind == "whole":
        target = round(target)
        return target if target != default else min(int(high), default + 1)
    step = param.step or (0.01 if param.kind == "share" else 1)
    return round(round(target / step) * step, 10)


def points(name: str, count: int = 3) -> list[dict[str, Any]]:
    """``{}`` (the defaults) and ``count`` settings that each change one parameter."""
    module = (
        "relsell.models.customer_analytics" if name == "analytics" else f"relsell.models.{name}"
    )
    model = importlib.import_module(module)
    found: list[dict[str, Any]] = [{}]
    # numbers, choices and flags first: they change what the summary says
    for param in sorted(model.PARAMS, key=lambda p: p.kind == "text"):
        if len(found) > count:
            break
        values = {param.name: other_value(param)}
        try:
            model.run(**values)
        except (ValueError, TypeError):
            continue
        found.append(values)
    assert len(found) == count + 1, f"{name}: only {len(found) - 1} other valid points"
    return found
