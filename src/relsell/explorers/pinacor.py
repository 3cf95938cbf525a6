"""Explorer for Pinacor's territory-versus-segment reorganisation (chapter 1)."""

from __future__ import annotations

import ipywidgets as widgets

from ..charts.pinacor import structure_chart
from ..models.pinacor import (
    FIRST_ACCOUNT_HOURS,
    LEARNING_RATE,
    comparison_table,
    detail_by_structure,
    segment_portfolio,
    summary,
)
from ..models.pinacor import territory_portfolio as case_territory
from .base import Explorer

__all__ = ["structure_explorer"]

_STYLE = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def _total_accounts(portfolio: dict) -> int:
    """Same number of accounts for the segment rep; bad counts are reported by the model."""
    total = sum(v for v in portfolio.values() if isinstance(v, int) and v > 0)
    return max(total, 1)


def structure_explorer() -> Explorer:
    """The territory rep's accounts (the case's 5 + 3 + 6 to start) against one segment rep."""
    territory = case_territory()
    controls = {
        f"type_{i}": widgets.IntText(
            value=n, description=f"{name} (accounts)", style=_STYLE, layout=_WIDE
        )
        for i, (name, n) in enumerate(territory.items())
    }
    controls["first_account_hours"] = widgets.FloatText(
        value=FIRST_ACCOUNT_HOURS,
        description="Hours for a new kind of account",
        style=_STYLE,
        layout=_WIDE,
    )
    controls["learning_rate"] = widgets.FloatSlider(
        value=LEARNING_RATE,
        min=0.5,
        max=1.0,
        step=0.05,
        description="Learning rate",
        readout_format=".0%",
        style=_STYLE,
        layout=_WIDE,
        continuous_update=False,
    )
    names = list(territory)

    def compute(first_account_hours, learning_rate, **counts):
        portfolio = {names[int(key.split("_")[1])]: value for key, value in counts.items()}
        segment = segment_portfolio(_total_accounts(portfolio))
        detail = detail_by_structure(portfolio, segment, first_account_hours, learning_rate)
        return structure_chart(detail), summary(comparison_table(detail))

    return Explorer(controls, compute, title="Territory rep or segment rep?", columns=1)
