"""Notebook controls made from a model's ``Param`` declarations (``relsell.params``).

Why: fourteen explorers used to define their own slider and text-box factories, with labels
and ranges that drifted from the model's checks. One function turns a declaration into a
control, so the label, range, step and unit a student sees are the model's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import ipywidgets as widgets

from ..params import Param

__all__ = ["control", "controls"]

STYLE = {"description_width": "initial"}  # long labels are never cut off
WIDE = widgets.Layout(width="95%")


def _label(param: Param) -> str:
    unit = "" if param.percent or not param.unit else f" ({param.unit})"
    return param.label + unit


def _readout(param: Param) -> str:
    """A percentage with a decimal when the slider moves in steps finer than 1 point."""
    if param.percent:
        return ".1%" if (param.step or 0.01) < 0.01 else ".0%"
    return ".3g"


def control(param: Param, value: Any = None) -> widgets.ValueWidget:
    """The widget for one parameter, set to ``value`` (default: the parameter's default).

    A bounded number becomes a slider (a share shows as a percentage); an unbounded one a
    number box, so a student can type any value and get the model's message if it is wrong.
    """
    value = param.default if value is None else value
    common = {"description": _label(param), "style": STYLE, "layout": WIDE}
    low, high = param.control_range
    if param.kind == "flag":
        return widgets.Checkbox(value=bool(value), indent=False, **common)
    if param.kind == "choice":
        return widgets.Dropdown(options=list(param.choices), value=value, **common)
    if param.kind == "text":
        # recompute when the student leaves the box, not at every keystroke
        return widgets.Text(value=str(value), continuous_update=False, **common)
    if param.kind == "whole":
        if low is not None and high is not None:
            return widgets.IntSlider(
                value=int(value),
                min=int(low),
                max=int(high),
                step=int(param.step or 1),
                continuous_update=False,
                **common,
            )
        return widgets.IntText(value=int(value), step=int(param.step or 1), **common)
    if low is not None and high is not None:
        return widgets.FloatSlider(
            value=float(value),
            min=float(low),
            max=float(high),
            step=float(param.step or (high - low) / 100),
            readout_format=_readout(param),
            continuous_update=False,
            **common,
        )
    return widgets.FloatText(value=float(value), step=param.step, **common)


def controls(
    params: Iterable[Param], values: Mapping[str, Any] | None = None
) -> dict[str, widgets.ValueWidget]:
    """One control per parameter, in declaration order, set to ``values`` where given."""
    values = values or {}
    return {p.name: control(p, values.get(p.name)) for p in params}
