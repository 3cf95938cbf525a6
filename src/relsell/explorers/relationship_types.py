"""Explorer for chapter 5's four relationship types and levels."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.relationship_types import relationship_grid
from ..models.relationship_types import BASES, EXAMPLES, assess, summary
from .base import Explorer

__all__ = ["relationship_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def relationship_explorer(example: str = "A and B (opening case)") -> Explorer:
    """Describe an account; see its type, levels, risks and the next step. Starts at A/B."""
    if example not in EXAMPLES:
        raise ValueError(f"Unknown example {example!r}. Known: {', '.join(EXAMPLES)}.")
    start = EXAMPLES[example]
    controls = {
        "friendship": widgets.Checkbox(
            value=start["friendship"],
            description="Personal friendship with the contact",
            style=_STYLE,
            layout=_WIDE,
        ),
        "business": widgets.Checkbox(
            value=start["business"],
            description="The customer buys from us",
            style=_STYLE,
            layout=_WIDE,
        ),
        "contacts": widgets.IntText(
            value=start["contacts"],
            description="People there who trust us",
            style=_STYLE,
            layout=_WIDE,
        ),
        "organisational_ties": widgets.IntText(
            value=start["organisational_ties"],
            description="Organisational ties",
            style=_STYLE,
            layout=_WIDE,
        ),
        "basis": widgets.Dropdown(
            options=list(BASES),
            value=start["basis"],
            description="Business rests on",
            style=_STYLE,
            layout=_WIDE,
        ),
    }

    def compute(**values):
        result = assess(**values)
        return relationship_grid(result), summary(result)

    return Explorer(controls, compute, title="Outsider, friend, supplier or partner?")
