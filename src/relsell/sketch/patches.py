"""``matplotlib.patches`` stand-ins: a legend handle and a rectangle (see ``relsell.sketch``)."""

from __future__ import annotations

from typing import Any

__all__ = ["Patch", "Rectangle"]


class Patch:
    """A legend entry drawn as a filled box."""

    def __init__(self, *, facecolor: str = "#1f77b4", label: str = "", **style: Any) -> None:
        self.facecolor = style.get("color", facecolor)
        self.label = label
        self.style = style


class Rectangle:
    """A rectangle in data coordinates, added with ``ax.add_patch``."""

    def __init__(self, xy: tuple[float, float], width: float, height: float, **style: Any):
        self.xy = (float(xy[0]), float(xy[1]))
        self.width = float(width)
        self.height = float(height)
        self.style = style
