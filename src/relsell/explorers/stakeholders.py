"""Explorers for chapter 7's stakeholder map and the "how many good friends?" illustration.

The stakeholder explorer's controls come from the model's settings: a scenario menu, then
one stance menu and one influence box per person of that scenario
(``models.stakeholders.scenario_params``). People differ between scenarios, so picking
a scenario replaces the person controls. Stances come from a menu, so they are always
valid; influence is typed, so a negative or too large value shows the alert and keeps the
last chart.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from ..charts.stakeholders import chart, pairs_chart
from ..models.stakeholders import (
    PAIRS_PARAMS,
    SCENARIO,
    run,
    run_pairs,
    scenario_params,
    scenarios,
)
from ..params import check_all
from .base import Explorer, grading
from .controls import control, controls

__all__ = ["StakeholderExplorer", "explorer", "stakeholder_explorer", "allies_explorer"]


def _compute(**values):
    result = run(**values)
    return chart(result), result["summary"]


class StakeholderExplorer(Explorer):
    """The standard explorer, except that a new scenario brings its own people's controls."""

    def __init__(self, start: dict[str, Any]) -> None:
        scenario = start.get("scenario", SCENARIO.default)
        if grading():  # nbgrader is grading: no widgets (see explorers.base.grading)
            super().__init__({}, _compute, title=scenarios()[scenario])
            return
        picker = control(SCENARIO, scenario)
        picker.options = [(title, key) for key, title in scenarios().items()]
        picker.value = scenario
        picker.layout = widgets.Layout(width="60%", grid_column="1 / -1")
        people = controls(scenario_params(scenario), start)
        super().__init__(
            {"scenario": picker, **people}, _compute, title=scenarios()[scenario], columns=2
        )

    def _on_change(self, change: dict) -> None:
        if change["owner"] is self.controls["scenario"]:
            self._show_people(change["new"])
        self.update()

    def _show_people(self, scenario: str) -> None:
        picker = self.controls.pop("scenario")
        for old in self.controls.values():
            old.unobserve(self._on_change, names="value")
        people = controls(scenario_params(scenario))
        for new in people.values():
            new.observe(self._on_change, names="value")
        self.controls = {"scenario": picker, **people}
        heading, grid = self.box.children[0], self.box.children[1]
        heading.value = f"<h4>{html.escape(scenarios()[scenario])}</h4>"
        grid.children = tuple(self.controls.values())


def explorer(**start) -> StakeholderExplorer:
    """Pick a scenario, change stances and influence, read the chapter's verdict.

    ``start``: ``scenario`` and any ``stance_N``/``influence_N`` of its people.
    """
    scenario = SCENARIO.check(start.get("scenario", SCENARIO.default))
    check_all((SCENARIO, *scenario_params(scenario)), start)
    return StakeholderExplorer(start)


def stakeholder_explorer(scenario: str = "donghai") -> StakeholderExplorer:
    """The stakeholder explorer, starting at ``scenario`` (the name the notebooks call)."""
    return explorer(scenario=scenario)


def allies_explorer(allies: int = 2) -> Explorer:
    """A number of good friends and the pairs of interests among them."""
    check_all(PAIRS_PARAMS, {"allies": allies})

    def compute(**values):
        result = run_pairs(**values)
        return pairs_chart(result["table"]), result["summary"]

    return Explorer(
        {} if grading() else controls(PAIRS_PARAMS, {"allies": allies}),
        compute,
        title="How many good friends?",
        columns=1,
    )
