"""What a chart draws, recorded: ``Figure`` and ``Axes`` with the matplotlib calls the course uses.

Each drawing call appends one plain record (``Axes.ops``) in data coordinates; nothing is
laid out until ``Figure.to_svg()`` (``relsell.sketch.render``). Keyword arguments that only
tune matplotlib's look (``frameon``, ``shrinkA`` …) are accepted and mostly ignored.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from .patches import Patch, Rectangle
from .ticker import PercentFormatter, ScalarFormatter, StrMethodFormatter

__all__ = ["Figure", "Axes", "PolarAxes", "new"]

CYCLE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
AXES_FRACTION = "axes fraction"
Formatter = ScalarFormatter | StrMethodFormatter | PercentFormatter


def _floats(values: Any) -> list[float]:
    """A scalar or any iterable of numbers as a list of floats (numpy arrays included)."""
    if isinstance(values, (int, float)):
        return [float(values)]
    return [float(v) for v in values]


def _colour(style: dict[str, Any], fallback: str) -> str:
    colour = style.get("color", style.get("c", style.get("facecolor", fallback)))
    return fallback if colour is None else str(colour)


class _Spine:
    def __init__(self) -> None:
        self.visible = True

    def set_visible(self, visible: bool) -> None:
        self.visible = bool(visible)


class _Spines:
    """``ax.spines["left"]`` or ``ax.spines[["top", "right"]]``, each with ``set_visible``."""

    def __init__(self) -> None:
        self.sides = {side: _Spine() for side in ("left", "right", "top", "bottom")}

    def __getitem__(self, key: str | Sequence[str]) -> Any:
        if isinstance(key, str):
            return self.sides[key]
        chosen = [self.sides[k] for k in key]

        class _Group:
            def set_visible(self, visible: bool) -> None:
                for spine in chosen:
                    spine.set_visible(visible)

        return _Group()


class _Axis:
    """``ax.xaxis`` / ``ax.yaxis``: a formatter and, for x, where the ticks sit."""

    def __init__(self) -> None:
        self.formatter: Formatter = ScalarFormatter()
        self.position = "default"

    def set_major_formatter(self, formatter: Formatter) -> None:
        self.formatter = formatter

    def set_ticks_position(self, position: str) -> None:
        self.position = position


class _Bar:
    def __init__(self, x: float, y: float, width: float, height: float) -> None:
        self.x, self.y, self.width, self.height = x, y, width, height

    def get_x(self) -> float:
        return self.x

    def get_width(self) -> float:
        return self.width

    def get_height(self) -> float:
        return self.height

    def get_y(self) -> float:
        return self.y


class _Bars(list):
    """What ``bar``/``barh`` return: the bars, for ``bar_label`` and text placement."""

    def __init__(self, bars: Iterable[_Bar], horizontal: bool) -> None:
        super().__init__(bars)
        self.horizontal = horizontal


class Axes:
    """One plotting area: drawing calls are recorded in ``ops`` (see the module docstring)."""

    polar = False

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.ops: list[dict[str, Any]] = []
        self.spines = _Spines()
        self.xaxis, self.yaxis = _Axis(), _Axis()
        self.xlim: tuple[float, float] | None = None
        self.ylim: tuple[float, float] | None = None
        self.yinverted = False
        self.xticks: list[float] | None = None
        self.yticks: list[float] | None = None
        self.xticklabels: list[str] | None = None
        self.yticklabels: list[str] | None = None
        self.tick_style: dict[str, dict[str, Any]] = {"x": {}, "y": {}}
        self.tick_length = 3.5
        self.xlabel = self.ylabel = ""
        self.label_style: dict[str, dict[str, Any]] = {"x": {}, "y": {}}
        self.title = ""
        self.title_style: dict[str, Any] = {}
        self.legend_spec: dict[str, Any] | None = None
        self.transAxes = AXES_FRACTION
        self._cycle = 0

    # -- helpers ------------------------------------------------------------------------
    def _next_colour(self) -> str:
        colour = CYCLE[self._cycle % len(CYCLE)]
        self._cycle += 1
        return colour

    def _add(self, kind: str, z: float, style: dict[str, Any], **data: Any) -> dict[str, Any]:
        label = style.get("label")
        op = {"kind": kind, "z": float(style.get("zorder", z)), "label": label, **data}
        op["alpha"] = float(style.get("alpha", 1.0) if style.get("alpha") is not None else 1.0)
        self.ops.append(op)
        return op

    # -- lines and points ---------------------------------------------------------------
    def plot(self, x: Any, y: Any, fmt: str = "", **style: Any) -> list[dict[str, Any]]:
        xs, ys = _floats(x), _floats(y)
        marker = style.get("marker", "")
        linestyle = style.get("linestyle", style.get("ls", "-"))
        if fmt:  # matplotlib's "o", "s--", ":" formats (the course sets colours by keyword)
            linestyle = next((ls for ls in ("--", "-.", "-", ":") if ls in fmt), "none")
            marker = fmt.replace(linestyle, "") if linestyle != "none" else fmt
        op = self._add(
            "line",
            2,
            style,
            x=xs,
            y=ys,
            colour=_colour(style, self._next_colour()),
            width=float(style.get("linewidth", style.get("lw", 1.5))),
            dash=linestyle if linestyle not in (None, "") else "-",
            marker=marker or "",
            size=float(style.get("markersize", style.get("ms", 6))),
            edge=style.get("markeredgecolor"),
        )
        return [op]

    def scatter(self, x: Any, y: Any, s: Any = 36, **style: Any) -> dict[str, Any]:
        xs, ys = _floats(x), _floats(y)
        sizes = _floats(s)
        colour = _colour(style, self._next_colour())
        return self._add(
            "points",
            1,
            style,
            x=xs,
            y=ys,
            colour=colour,
            sizes=[math.sqrt(v) for v in sizes] * (len(xs) if len(sizes) == 1 else 1),
            marker=style.get("marker", "o"),
            edge=style.get("edgecolor", style.get("edgecolors", "face")),
            edge_width=float(style.get("linewidth", style.get("linewidths", 1.0))),
        )

    def axhline(self, y: float = 0, **style: Any) -> dict[str, Any]:
        return self._ref("hline", float(y), style)

    def axvline(self, x: float = 0, **style: Any) -> dict[str, Any]:
        return self._ref("vline", float(x), style)

    def _ref(self, kind: str, at: float, style: dict[str, Any]) -> dict[str, Any]:
        return self._add(
            kind,
            2,
            style,
            at=at,
            colour=_colour(style, self._next_colour()),
            width=float(style.get("linewidth", style.get("lw", 1.5))),
            dash=style.get("linestyle", style.get("ls", "-")),
        )

    # -- areas ---------------------------------------------------------------------------
    def axhspan(self, y0: float, y1: float, **style: Any) -> dict[str, Any]:
        return self._add(
            "hspan", 1, style, lo=float(y0), hi=float(y1), colour=_colour(style, "#1f77b4")
        )

    def axvspan(self, x0: float, x1: float, **style: Any) -> dict[str, Any]:
        return self._add(
            "vspan", 1, style, lo=float(x0), hi=float(x1), colour=_colour(style, "#1f77b4")
        )

    def fill_between(self, x: Any, y1: Any, y2: Any = 0, **style: Any) -> dict[str, Any]:
        xs = _floats(x)
        lows = _floats(y1) if not isinstance(y1, (int, float)) else [float(y1)] * len(xs)
        highs = _floats(y2) if not isinstance(y2, (int, float)) else [float(y2)] * len(xs)
        return self._add(
            "band", 1, style, x=xs, y1=lows, y2=highs, colour=_colour(style, self._next_colour())
        )

    def fill(self, x: Any, y: Any, **style: Any) -> dict[str, Any]:
        return self._add(
            "polygon", 1, style, x=_floats(x), y=_floats(y), colour=_colour(style, "#1f77b4")
        )

    def add_patch(self, patch: Rectangle) -> Rectangle:
        s = patch.style
        self._add(
            "rect",
            1,
            s,
            x=patch.xy[0],
            y=patch.xy[1],
            w=patch.width,
            h=patch.height,
            colour=_colour(s, "#1f77b4"),
            edge=s.get("edgecolor"),
            edge_width=float(s.get("linewidth", 1.0)),
        )
        return patch

    def bar(self, x: Any, height: Any, width: float = 0.8, bottom: Any = 0, **style: Any) -> _Bars:
        return self._bars(x, height, width, bottom, style, horizontal=False)

    def barh(self, y: Any, width: Any, height: float = 0.8, left: Any = 0, **style: Any) -> _Bars:
        return self._bars(y, width, height, left, style, horizontal=True)

    def _bars(
        self, at: Any, length: Any, thickness: float, base: Any, style: dict, *, horizontal: bool
    ) -> _Bars:
        positions, lengths = _floats(at), _floats(length)
        if len(positions) == 1 and len(lengths) > 1:
            positions = positions * len(lengths)
        if len(lengths) == 1 and len(positions) > 1:
            lengths = lengths * len(positions)
        bases = _floats(base)
        if len(bases) == 1:
            bases = bases * len(positions)
        colours = style.get("color", style.get("facecolor"))
        if colours is None:
            colours = [self._next_colour()] * len(positions)
        elif isinstance(colours, str):
            colours = [colours] * len(positions)
        else:
            colours = list(colours)
        half = float(thickness) / 2
        bars = []
        for p, n, b in zip(positions, lengths, bases, strict=True):
            if horizontal:
                bars.append(_Bar(b, p - half, n, 2 * half))
            else:
                bars.append(_Bar(p - half, b, 2 * half, n))
        self._add(
            "bars",
            1,
            style,
            bars=[(bar.x, bar.y, bar.width, bar.height) for bar in bars],
            colours=[str(c) for c in colours],
            edge=style.get("edgecolor"),
            hatch=style.get("hatch", ""),
            horizontal=horizontal,
        )
        return _Bars(bars, horizontal)

    def bar_label(self, bars: _Bars, padding: float = 0, fontsize: Any = None, **_: Any) -> None:
        for bar in bars:
            if bars.horizontal:
                self.annotate(
                    f"{bar.width:g}",
                    (bar.x + bar.width, bar.y + bar.height / 2),
                    xytext=(padding, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=fontsize,
                )
            else:
                self.annotate(
                    f"{bar.height:g}",
                    (bar.x + bar.width / 2, bar.y + bar.height),
                    xytext=(0, padding),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=fontsize,
                )

    # -- text ---------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, transform: Any = None, **style: Any) -> dict:
        coords = AXES_FRACTION if transform == AXES_FRACTION else "data"
        return self._text(str(s), (float(x), float(y)), (coords, coords), None, style)

    def annotate(
        self,
        text: str,
        xy: tuple[float, float],
        xytext: tuple[float, float] | None = None,
        xycoords: Any = "data",
        textcoords: Any = None,
        arrowprops: dict[str, Any] | None = None,
        **style: Any,
    ) -> dict[str, Any]:
        coords = (xycoords, xycoords) if isinstance(xycoords, str) else tuple(xycoords)
        point = (float(xy[0]), float(xy[1]))
        offset = None
        if xytext is not None and textcoords == "offset points":
            offset = (float(xytext[0]), float(xytext[1]))
        elif xytext is not None:
            point_text = (float(xytext[0]), float(xytext[1]))
            op = self._text(str(text), point_text, coords, None, style)
            if arrowprops is not None:
                op["arrow_to"] = point
                op["arrow"] = arrowprops
            return op
        return self._text(str(text), point, coords, offset, style)

    def _text(
        self,
        s: str,
        at: tuple[float, float],
        coords: tuple[str, ...],
        offset: tuple[float, float] | None,
        style: dict[str, Any],
    ) -> dict[str, Any]:
        bbox = style.get("bbox")
        return self._add(
            "text",
            3,
            style,
            text=s,
            at=at,
            coords=coords,
            offset=offset,
            ha=style.get("ha", style.get("horizontalalignment", "left")),
            va=style.get("va", style.get("verticalalignment", "baseline")),
            size=style.get("fontsize", style.get("size")),
            bold=style.get("fontweight", style.get("weight")) == "bold",
            colour=_colour(style, "black"),
            box=None if bbox is None else str(bbox.get("facecolor", "white")),
        )

    # -- axes furniture ------------------------------------------------------------------
    def set_xlim(self, left: Any = None, right: float | None = None) -> None:
        if isinstance(left, (tuple, list)):
            left, right = left
        self.xlim = (float(left), float(right))  # type: ignore[arg-type]

    def set_ylim(self, bottom: Any = None, top: float | None = None) -> None:
        if isinstance(bottom, (tuple, list)):
            bottom, top = bottom
        bottom, top = float(bottom), float(top)  # type: ignore[arg-type]
        self.yinverted = top < bottom
        self.ylim = (min(bottom, top), max(bottom, top))

    def invert_yaxis(self) -> None:
        self.yinverted = not self.yinverted

    def set_xticks(self, ticks: Any, labels: Any = None, **style: Any) -> None:
        self.xticks = _floats(ticks)
        if labels is not None:
            self.xticklabels = [str(v) for v in labels]
        self.tick_style["x"].update(style)

    def set_yticks(self, ticks: Any, labels: Any = None, **style: Any) -> None:
        self.yticks = _floats(ticks)
        if labels is not None:
            self.yticklabels = [str(v) for v in labels]
        self.tick_style["y"].update(style)

    def set_xticklabels(self, labels: Any, **style: Any) -> None:
        self.xticklabels = [str(v) for v in labels]
        self.tick_style["x"].update(style)

    def set_yticklabels(self, labels: Any, **style: Any) -> None:
        self.yticklabels = [str(v) for v in labels]
        self.tick_style["y"].update(style)

    def tick_params(self, length: float | None = None, **_: Any) -> None:
        if length is not None:
            self.tick_length = float(length)

    def set_xlabel(self, text: str, **style: Any) -> None:
        self.xlabel = str(text)
        self.label_style["x"] = style

    def set_ylabel(self, text: str, **style: Any) -> None:
        self.ylabel = str(text)
        self.label_style["y"] = style

    def set_title(self, text: str, loc: str = "center", pad: float = 6.0, **style: Any) -> None:
        self.title = str(text)
        self.title_style = {"loc": loc, "pad": float(pad), **style}

    def legend(self, handles: list[Patch] | None = None, **spec: Any) -> None:
        self.legend_spec = {"handles": handles, **spec}

    def remove(self) -> None:
        self.figure.delaxes(self)

    def legend_entries(self) -> list[dict[str, Any]]:
        """What the legend lists: given handles, else every op with a label of its own."""
        if self.legend_spec is None:
            return []
        if self.legend_spec.get("handles"):
            return [
                {"kind": "patch", "label": h.label, "colour": h.facecolor,
                 "hatch": h.style.get("hatch", ""), "edge": h.style.get("edgecolor")}
                for h in self.legend_spec["handles"]
            ]  # fmt: skip
        entries = []
        for op in self.ops:
            label = op.get("label")
            if label is None or str(label).startswith("_") or op["kind"] == "text":
                continue
            entries.append({**op, "label": str(label)})
        return entries


class PolarAxes(Axes):
    """A polar plot (the relationship-potential radar): x is the angle, y the radius."""

    polar = True

    def __init__(self, figure: Figure) -> None:
        super().__init__(figure)
        self.theta_offset = 0.0
        self.theta_direction = 1

    def set_theta_offset(self, offset: float) -> None:
        self.theta_offset = float(offset)

    def set_theta_direction(self, direction: int) -> None:
        self.theta_direction = int(direction)


class Figure:
    """A figure of ``width`` x ``height`` inches at 100 dots per inch, as matplotlib's."""

    def __init__(self, figsize: tuple[float, float] = (7.0, 4.0), dpi: float = 100) -> None:
        self.width, self.height = float(figsize[0]), float(figsize[1])
        self.dpi = float(dpi)
        self.axes: list[Axes] = []
        self.ratios: list[float] = []

    def add_subplot(self, *_: Any, projection: str | None = None, **__: Any) -> Axes:
        ax = PolarAxes(self) if projection == "polar" else Axes(self)
        self.axes.append(ax)
        return ax

    def subplots(self, nrows: int = 1, ncols: int = 1, gridspec_kw: dict | None = None, **_: Any):
        if ncols != 1:
            raise NotImplementedError("relsell.sketch stacks subplots in one column only.")
        made = [Axes(self) for _ in range(nrows)]
        self.axes.extend(made)
        self.ratios = list((gridspec_kw or {}).get("height_ratios", [1] * nrows))
        return made if nrows > 1 else made[0]

    def delaxes(self, ax: Axes) -> None:
        self.axes.remove(ax)

    def tight_layout(self, **_: Any) -> None:
        """Layout happens when the figure is drawn; nothing to do here."""

    def subplots_adjust(self, **_: Any) -> None:
        """Margins are computed from the labels when the figure is drawn."""

    def to_svg(self, prefix: str = "relsell") -> str:
        from .render import svg

        return svg(self, prefix)

    def describe(self) -> str:
        from .render import describe

        return describe(self)


def new(figsize: tuple[float, float] = (6.4, 4.8), dpi: float = 100, **_: Any) -> Figure:
    """``pyplot.figure``: a new figure (pyplot keeps nothing open here)."""
    return Figure(figsize, dpi)
