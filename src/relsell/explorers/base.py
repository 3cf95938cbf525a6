"""The one widget pattern every chapter uses: controls, an alert line, a summary, a chart.

Why a class of our own: every explorer must behave the same when a student types a bad
value (message, no traceback, nothing lost), and that behaviour is tested once here.
"""

from __future__ import annotations

import html
import importlib
import os
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets
from IPython.display import display
from matplotlib.figure import Figure

from ..params import check_all
from .controls import controls

__all__ = ["Explorer", "model_explorer", "grading"]


def grading() -> bool:
    """True while nbgrader executes the notebook (autograde sets NBGRADER_EXECUTION).

    Explorers are for students moving sliders; a grading kernel gains nothing from them and
    sometimes waited 30 s on a widget's comm, so they are not built then.
    """
    return bool(os.environ.get("NBGRADER_EXECUTION"))


Result = tuple[Figure, str]


class Explorer:
    """Wire controls to ``compute(**values) -> (figure, summary sentence)``.

    ``compute`` may raise ValueError or TypeError with a student-facing message; any
    other exception is a bug and propagates.
    """

    def __init__(
        self,
        controls: Mapping[str, widgets.ValueWidget],
        compute: Callable[..., Result],
        *,
        title: str,
        columns: int = 2,
    ) -> None:
        self.controls = dict(controls)
        self.compute = compute
        self.last_error: str | None = None
        self.figure: Figure | None = None
        if grading():
            return  # nbgrader is grading: no widgets, no comms for a kernel to wait on
        self.alert = widgets.HTML(value="", layout=widgets.Layout(min_height="1.5em"))
        self.summary = widgets.HTML(value="")
        self.output = widgets.Output()
        grid = widgets.GridBox(
            list(self.controls.values()),
            layout=widgets.Layout(grid_template_columns=f"repeat({columns}, minmax(0, 1fr))"),
        )
        heading = widgets.HTML(value=f"<h4>{html.escape(title)}</h4>")
        self.box = widgets.VBox([heading, grid, self.alert, self.summary, self.output])
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.update()

    def values(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, _change: dict) -> None:
        self.update()

    def update(self) -> None:
        """Recompute; on bad input show why and keep the previous chart and summary."""
        try:
            figure, sentence = self.compute(**self.values())
        except (ValueError, TypeError) as exc:
            self.last_error = str(exc)
            self.alert.value = (
                '<div role="alert" class="relsell-alert" style="color:#8a0000;'
                'border-left:4px solid #8a0000;padding:0.2em 0.6em;">'
                f"<strong>Check your input:</strong> {html.escape(str(exc))} "
                "The chart below still shows your last valid values.</div>"
            )
            return
        self.last_error = None
        self.alert.value = ""
        self.figure = figure
        self.summary.value = f'<p class="relsell-summary">{html.escape(sentence)}</p>'
        with self.output:
            self.output.clear_output(wait=True)
            display(figure)

    def _ipython_display_(self) -> None:
        if grading():
            print("(The interactive explorer is not built while nbgrader grades this notebook.)")
            return
        display(self.box)


def model_explorer(
    name: str, title: str, start: Mapping[str, Any] | None = None, **options
) -> Explorer:
    """The standard explorer of ``relsell.models.<name>``: controls from its ``PARAMS``, and
    ``charts.<name>.chart`` with the summary of ``run(**values)`` on every change.

    ``start`` sets some controls away from their defaults (checked by the model first, so a
    bad start value is explained, not drawn).
    """
    model = importlib.import_module(f"relsell.models.{name}")
    draw = importlib.import_module(f"relsell.charts.{name}").chart
    start = dict(start or {})
    if start:
        check_all(model.PARAMS, start)

    def compute(**values):
        result = model.run(**values)
        return draw(result), result["summary"]

    if grading():
        return Explorer({}, compute, title=title, **options)
    return Explorer(controls(model.PARAMS, start), compute, title=title, **options)
