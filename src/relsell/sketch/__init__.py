"""A tiny stand-in for the part of matplotlib the course's charts use, drawing SVG in pure Python.

Why: the published page runs the models live in the browser with Pyodide's core only (about
12 MB; matplotlib and numpy would add as much again and load for many seconds on a phone).
Rather than a second chart per model, written in JavaScript, that would drift from the
notebook's, the *same* ``relsell.charts.<model>.chart`` code runs against this stand-in:
``install()`` registers it under the name ``matplotlib``, the chart calls ``ax.plot``,
``ax.barh``, ``ax.annotate`` … as usual, and ``Figure.to_svg()`` draws what was recorded.
``Figure.describe()`` is the chart's text alternative.

Only what the course's charts call is here; anything else raises ``AttributeError`` at once,
and ``tests/unit/test_sketch.py`` runs every chart through it and compares the series drawn
with matplotlib's. Standard library only.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

from . import figure, patches, ticker

__all__ = ["install", "installed", "modules"]

_PREFIXES = ("matplotlib", "relsell.charts")


def modules() -> dict[str, types.ModuleType]:
    """The stand-in modules, by the matplotlib name they replace."""
    root = types.ModuleType("matplotlib")
    root.rcParams = {}  # type: ignore[attr-defined]
    root.__path__ = []  # a package, so submodules import
    pyplot = types.ModuleType("matplotlib.pyplot")
    pyplot.figure = figure.new  # type: ignore[attr-defined]
    pyplot.close = lambda fig=None: None  # type: ignore[attr-defined]
    fig_module = types.ModuleType("matplotlib.figure")
    fig_module.Figure = figure.Figure  # type: ignore[attr-defined]
    axes_module = types.ModuleType("matplotlib.axes")
    axes_module.Axes = figure.Axes  # type: ignore[attr-defined]
    polar = types.ModuleType("matplotlib.projections.polar")
    polar.PolarAxes = figure.PolarAxes  # type: ignore[attr-defined]
    projections = types.ModuleType("matplotlib.projections")
    projections.__path__ = []
    projections.polar = polar  # type: ignore[attr-defined]
    found = {
        "matplotlib": root,
        "matplotlib.pyplot": pyplot,
        "matplotlib.figure": fig_module,
        "matplotlib.axes": axes_module,
        "matplotlib.ticker": ticker,
        "matplotlib.patches": patches,
        "matplotlib.projections": projections,
        "matplotlib.projections.polar": polar,
    }
    for name, module in found.items():
        if "." in name:
            parent, _, child = name.rpartition(".")
            setattr(found[parent], child, module)
    return found


def _ours(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in _PREFIXES)


def install() -> None:
    """Make ``import matplotlib…`` give the stand-in for good (in the browser, where there is
    no matplotlib). Chart modules imported earlier are forgotten so they import it afresh."""
    for name in [n for n in sys.modules if _ours(n)]:
        del sys.modules[name]
    sys.modules.update(modules())


@contextmanager
def installed() -> Iterator[None]:
    """The stand-in for the length of a ``with`` block, then the real matplotlib again.

    For CPython, where matplotlib is installed: tests and the build draw a chart both ways.
    The chart modules imported inside the block are dropped afterwards.
    """
    saved = {name: module for name, module in sys.modules.items() if _ours(name)}
    relsell = sys.modules.get("relsell")
    saved_charts = getattr(relsell, "charts", None)
    for name in saved:
        del sys.modules[name]
    sys.modules.update(modules())
    try:
        yield
    finally:
        for name in [n for n in sys.modules if _ours(n)]:
            del sys.modules[name]
        sys.modules.update(saved)
        if relsell is not None:
            if saved_charts is None:
                if hasattr(relsell, "charts"):
                    delattr(relsell, "charts")
            else:
                relsell.charts = saved_charts  # type: ignore[attr-defined]
