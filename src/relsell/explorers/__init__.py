"""Explorers: the models with live controls in a notebook, ``explorers/<model>.py: explorer()``.

Each explorer is one call that returns a widget box with its controls (made from the
model's ``PARAMS`` by ``controls``), a message line, a summary sentence and the chart. Bad
input shows a plain message in the box (``role="alert"``) and the last good chart stays.
"""

from .base import Explorer

__all__ = ["Explorer"]
