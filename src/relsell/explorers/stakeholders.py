"""Explorers for chapter 6's stakeholder map and the "how many good friends?" illustration.

The stakeholder explorer is a scenario picker above an ``Explorer``: picking a scenario
builds a fresh ``Explorer`` with one stance menu and one influence box per person of
that scenario (the number of people differs between scenarios). Stances come from a
menu, so they are always valid; influence is typed, so a negative or too large value
shows the alert and keeps the last chart.
"""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import display

from ..charts.stakeholders import pairs_chart, stakeholder_chart
from ..models.stakeholders import (
    MAX_INFLUENCE,
    STANCES,
    assess,
    interest_pairs,
    load_scenario,
    pairs_table,
    scenarios,
    summary,
)
from .base import Explorer

__all__ = ["ScenarioExplorer", "stakeholder_explorer", "allies_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def _scenario_explorer(scenario: str) -> Explorer:
    people, company = load_scenario(scenario)
    controls: dict[str, widgets.ValueWidget] = {}
    for i, row in people.iterrows():
        controls[f"stance_{i}"] = widgets.Dropdown(
            options=list(STANCES),
            value=row["stance"],
            description=f"{row['name']} ({row['role']})",
            style=_STYLE,
            layout=_WIDE,
        )
        controls[f"influence_{i}"] = widgets.FloatText(
            value=float(row["influence"]),
            step=1,
            description=f"influence 0–{MAX_INFLUENCE:g}",
            style=_STYLE,
            layout=_WIDE,
        )

    def compute(**values):
        table = people.copy()
        table["stance"] = [values[f"stance_{i}"] for i in table.index]
        table["influence"] = [values[f"influence_{i}"] for i in table.index]
        result = assess(table, company)
        return stakeholder_chart(result.map), summary(result)

    return Explorer(controls, compute, title=scenarios()[scenario], columns=2)


class ScenarioExplorer:
    """A scenario menu and the explorer of the scenario chosen."""

    def __init__(self, scenario: str = "donghai") -> None:
        names = scenarios()
        self.picker = widgets.Dropdown(
            options=[(title, key) for key, title in names.items()],
            value=scenario,
            description="Scenario",
            style=_STYLE,
            layout=widgets.Layout(width="60%"),
        )
        self.explorer = _scenario_explorer(scenario)
        self.box = widgets.VBox([self.picker, self.explorer.box])
        self.picker.observe(self._on_pick, names="value")

    def _on_pick(self, change: dict) -> None:
        self.explorer = _scenario_explorer(change["new"])
        self.box.children = (self.picker, self.explorer.box)

    def _ipython_display_(self) -> None:
        display(self.box)


def stakeholder_explorer(scenario: str = "donghai") -> ScenarioExplorer:
    """Pick a scenario, change stances and influence, read the chapter's verdict."""
    if scenario not in scenarios():
        raise ValueError(f"Unknown scenario {scenario!r}; choose one of {', '.join(scenarios())}.")
    return ScenarioExplorer(scenario)


def allies_explorer(allies: int = 2) -> Explorer:
    """A number of good friends and the pairs of interests among them."""
    controls = {
        "allies": widgets.IntText(
            value=allies, description="Good friends", style=_STYLE, layout=_WIDE
        )
    }

    def compute(allies):
        pairs = interest_pairs(allies)
        top = max(allies, 2) + 2
        word = "pair" if pairs == 1 else "pairs"
        return (
            pairs_chart(pairs_table(top)),
            f"{allies} good friends means {pairs} {word} of interests to coordinate; the "
            "chapter advises one or two.",
        )

    return Explorer(controls, compute, title="How many good friends?", columns=1)
