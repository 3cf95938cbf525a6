"""Explorer for chapter 2's relationship-potential score (``models.relationship_potential``)."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.relationship_potential import radar_chart
from ..models.relationship_potential import CONDITIONS, MAX_SCORE, SITUATIONS, situation, summary
from .base import Explorer

__all__ = ["potential_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")
_NONE = "(none)"


def potential_explorer(
    start: str = "gas enquiry line, answered by people",
    compare: str = "gas enquiry line, automated",
) -> Explorer:
    """Fourteen 0-4 ratings (starting from an example situation) and a situation to compare with."""
    scores = situation(start)
    if compare != _NONE:
        situation(compare)  # an unknown name is refused here, before any widget is built
    controls: dict[str, widgets.ValueWidget] = {
        "compare": widgets.Dropdown(
            options=[_NONE, *SITUATIONS],
            value=compare,
            description="Compare with",
            style=_STYLE,
            layout=_WIDE,
        )
    }
    for number, (key, label, _) in enumerate(CONDITIONS, start=1):
        controls[key] = widgets.IntSlider(
            value=scores[key],
            min=0,
            max=MAX_SCORE,
            description=f"{number}. {label}",
            style=_STYLE,
            layout=_WIDE,
            continuous_update=False,
        )

    def compute(compare, **ratings):
        other = None if compare == _NONE else situation(compare)
        figure = radar_chart(
            ratings, other, label="your ratings", compare_label=compare if other else ""
        )
        return figure, summary(ratings)

    return Explorer(controls, compute, title="Relationship potential: the 14 conditions", columns=1)
