"""The look every course chart shares: a figure factory and the colour palette.

Each model's charts live in their own module next to this one (``plotting/<model>.py``)
and start from ``new_figure``, so a chart looks the same on the static page, in the
widget and in the exercise. Colours are from the Okabe-Ito palette (safe for
colour-blind readers); every chart says in its title what the reader should see.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["new_figure", "PALETTE", "SERIES"]

PALETTE = {"one_off": "#D55E00", "retained": "#0072B2", "accent": "#009E73", "grey": "#555555"}
# Okabe-Ito colours in the order to use for categories (bars, stacked segments, funnels).
SERIES = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
mpl.rcParams["svg.hashsalt"] = "relsell"  # stable SVG ids, so rebuilt pages do not differ


def new_figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, Axes]:
    """A new figure that pyplot does not keep open.

    Made through pyplot so Jupyter's inline backend renders it as an image when a cell
    returns it, then closed at once so it is shown exactly once and never leaks memory
    while a student drags a slider.
    """
    fig = plt.figure(figsize=(width, height), dpi=100)
    plt.close(fig)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax
