"""Interactive explorers for the notebooks, built on the pure model functions.

Each explorer is one call (``retention_explorer()``, ``structure_explorer()``) that
returns a widget box with its controls, a message line and the chart. Bad input shows a
plain message in the box (``role="alert"``) and the last good chart stays on screen.
"""

from .base import Explorer
from .pinacor import structure_explorer
from .retention import retention_explorer

__all__ = ["Explorer", "retention_explorer", "structure_explorer"]
