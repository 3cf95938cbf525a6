"""Lay out and draw a recorded ``Figure`` as SVG, and say in words what it shows.

Sizes follow matplotlib's: a figure of 7 x 4 inches at 100 dpi is 700 x 400 px, a 10 pt
label is 13.9 px high. Margins are computed from the labels (what ``tight_layout`` does);
data limits get matplotlib's 5 % margins, bars stay on their base line.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from .figure import AXES_FRACTION, Axes, Figure, PolarAxes
from .ticker import PercentFormatter, ScalarFormatter, nice_ticks

__all__ = ["svg", "describe"]

SIZES = {"xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0,
         "large": 1.2, "x-large": 1.44, "xx-large": 1.728}  # fmt: skip
FONT = "DejaVu Sans, Verdana, Arial, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
DASHES = {"--": (3.7, 1.6), "dashed": (3.7, 1.6), ":": (1, 1.65), "dotted": (1, 1.65),
          "-.": (6.4, 1.6, 1, 1.6), "dashdot": (6.4, 1.6, 1, 1.6)}  # fmt: skip
GRID = "#dddddd"
INK = "#222222"


def _pt(fig: Figure) -> float:
    return fig.dpi / 72.0


def _font(size: Any, base: float = 10.0) -> float:
    """A matplotlib font size (points or a name such as "small") in points."""
    if size is None:
        return base
    if isinstance(size, str):  # named sizes are relative to the 10 pt default, as matplotlib's
        return 10.0 * SIZES.get(size, 1.0)
    return float(size)


# Widths in em of DejaVu Sans, matplotlib's font, for the characters that differ most.
_EM = {**dict.fromkeys("0123456789", 0.64), **dict.fromkeys(",.:;'|!il ", 0.3), "−": 0.84}


def _width(text: str, px: float) -> float:
    """Estimated width of the widest line of ``text`` at ``px`` pixels (no font metrics here)."""
    widest = 0.0
    for line in text.split("\n"):
        units = sum(_EM.get(ch, 1.0 if ord(ch) >= 0x2E80 else 0.68 if ch.isupper() else 0.55)
                    for ch in line)  # fmt: skip
        widest = max(widest, units * px)
    return widest


def _lines(text: str) -> int:
    return text.count("\n") + 1


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(
    x: float,
    y: float,
    text: str,
    px: float,
    *,
    ha: str = "left",
    va: str = "baseline",
    colour: str = INK,
    bold: bool = False,
    box: str | None = None,
    rotate: bool = False,
) -> str:
    """SVG text at (x, y) with matplotlib's alignment names; several lines stack downwards."""
    lines = text.split("\n")
    step = 1.2 * px
    height = step * len(lines)
    tops = {"top": y, "bottom": y - height, "baseline": y - height + 0.25 * px}
    top = tops.get(va, y - height / 2)  # "center" and "center_baseline"
    anchor = {"left": "start", "center": "middle", "right": "end"}.get(ha, "start")
    weight = ' font-weight="bold"' if bold else ""
    parts = []
    if box is not None and text.strip():
        w = _width(text, px)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
        parts.append(
            f'<rect x="{_n(left - 2)}" y="{_n(top - 1)}" width="{_n(w + 4)}" '
            f'height="{_n(height + 2)}" fill="{escape(box)}" opacity="0.85"/>'
        )
    spans = "".join(
        f'<tspan x="{_n(x)}" y="{_n(top + step * (i + 0.8))}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    turn = f' transform="rotate(-90 {_n(x)} {_n(y)})"' if rotate else ""
    parts.append(
        f'<text font-size="{_n(px)}" text-anchor="{anchor}" fill="{escape(colour)}"'
        f"{weight}{turn}>{spans}</text>"
    )
    return "".join(parts)


def _marker(shape: str, x: float, y: float, d: float, fill: str, edge: str, ew: float) -> str:
    """One marker of diameter ``d`` px centred on (x, y)."""
    r = d / 2
    stroke = f' stroke="{escape(edge)}" stroke-width="{_n(ew)}"' if edge != "none" else ""
    fill_attr = f'fill="{escape(fill)}"'
    if shape in ("o", ".", ""):
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {fill_attr}{stroke}/>'
    if shape == "s":
        return (
            f'<rect x="{_n(x - r)}" y="{_n(y - r)}" width="{_n(d)}" height="{_n(d)}" '
            f"{fill_attr}{stroke}/>"
        )
    shapes = {
        "^": [(0, -r), (r, r * 0.8), (-r, r * 0.8)],
        "v": [(0, r), (r, -r * 0.8), (-r, -r * 0.8)],
        "D": [(0, -r), (r * 0.75, 0), (0, r), (-r * 0.75, 0)],
        "*": [
            (
                r * math.cos(math.pi / 2 + k * math.pi / 5) * (1 if k % 2 == 0 else 0.45),
                -r * math.sin(math.pi / 2 + k * math.pi / 5) * (1 if k % 2 == 0 else 0.45),
            )
            for k in range(10)
        ],  # fmt: skip
    }
    if shape in ("X", "P", "x", "+"):
        t = r * 0.38
        arms = [(-t, -r), (t, -r), (t, -t), (r, -t), (r, t), (t, t), (t, r), (-t, r), (-t, t),
                (-r, t), (-r, -t), (-t, -t)]  # fmt: skip
        if shape in ("X", "x"):
            c = math.sqrt(0.5)
            arms = [((a - b) * c, (a + b) * c) for a, b in arms]
        points = arms
    else:
        points = shapes.get(shape, shapes["D"])
    coords = " ".join(f"{_n(x + a)},{_n(y + b)}" for a, b in points)
    return f'<polygon points="{coords}" {fill_attr}{stroke}/>'


def _dash(style: Any, width: float) -> str:
    pattern = DASHES.get(str(style))
    if not pattern:
        return ""
    return ' stroke-dasharray="' + ",".join(_n(v * max(width, 1.0)) for v in pattern) + '"'


class _Frame:
    """Data to pixels for one cartesian axes."""

    def __init__(self, ax: Axes, box: tuple[float, float, float, float], xlim, ylim) -> None:
        self.ax = ax
        self.left, self.top, self.right, self.bottom = box
        self.xlim, self.ylim = xlim, ylim

    def x(self, value: float, coords: str = "data") -> float:
        if coords == AXES_FRACTION:
            return self.left + value * (self.right - self.left)
        lo, hi = self.xlim
        return self.left + (value - lo) / ((hi - lo) or 1.0) * (self.right - self.left)

    def y(self, value: float, coords: str = "data") -> float:
        if coords == AXES_FRACTION:
            return self.bottom - value * (self.bottom - self.top)
        lo, hi = self.ylim
        share = (value - lo) / ((hi - lo) or 1.0)
        if self.ax.yinverted:
            return self.top + share * (self.bottom - self.top)
        return self.bottom - share * (self.bottom - self.top)


def _extent(ax: Axes) -> tuple[list[float], list[float], set[float], set[float]]:
    """Every x and y the data reach, and the bar bases that stay at the axis edge."""
    xs: list[float] = []
    ys: list[float] = []
    sticky_x: set[float] = set()
    sticky_y: set[float] = set()
    for op in ax.ops:
        kind = op["kind"]
        if kind in ("line", "points", "polygon"):
            xs += op["x"]
            ys += op["y"]
        elif kind == "band":
            xs += op["x"]
            ys += op["y1"] + op["y2"]
        elif kind == "hline":
            ys.append(op["at"])
        elif kind == "vline":
            xs.append(op["at"])
        elif kind == "hspan":
            ys += [op["lo"], op["hi"]]
        elif kind == "vspan":
            xs += [op["lo"], op["hi"]]
        elif kind == "rect":
            xs += [op["x"], op["x"] + op["w"]]
            ys += [op["y"], op["y"] + op["h"]]
        elif kind == "bars":
            for x, y, w, h in op["bars"]:
                xs += [x, x + w]
                ys += [y, y + h]
                if op["horizontal"]:
                    sticky_x.add(x)
                else:
                    sticky_y.add(y)
    return xs, ys, sticky_x, sticky_y


def _limits(
    values: list[float], sticky: set[float], ticks: list[float] | None
) -> tuple[float, float]:
    values = [v for v in values + (ticks or []) if math.isfinite(v)]
    if not values:
        return 0.0, 1.0
    lo, hi = min(values), max(values)
    if lo == hi:
        pad = abs(lo) * 0.05 or 0.05
        return lo - pad, hi + pad
    margin = 0.05 * (hi - lo)
    low, high = lo - margin, hi + margin
    if any(lo <= s <= lo for s in sticky):
        low = lo
    if any(hi <= s <= hi for s in sticky):
        high = hi
    return low, high


def _ticks(
    ax: Axes, which: str, lim: tuple[float, float], length: float
) -> list[tuple[float, str]]:
    given = ax.xticks if which == "x" else ax.yticks
    labels = ax.xticklabels if which == "x" else ax.yticklabels
    axis = ax.xaxis if which == "x" else ax.yaxis
    if given is not None:
        if labels is not None:
            return list(zip(given, labels + [""] * (len(given) - len(labels)), strict=False))
        step = min((b - a for a, b in zip(given, given[1:], strict=False) if b > a), default=1.0)
        axis.formatter.step = step  # type: ignore[union-attr]
        return [(v, axis.formatter(v)) for v in given]
    most = max(3, min(9, int(length / (70 if which == "x" else 45))))
    values, step = nice_ticks(lim[0], lim[1], most)
    if hasattr(axis.formatter, "step"):
        axis.formatter.step = step
    return [(v, axis.formatter(v)) for v in values]


def _legend_height(ax: Axes, px: float) -> float:
    spec = ax.legend_spec
    entries = ax.legend_entries()
    if not spec or not entries or not _below(spec):
        return 0.0
    ncol = max(1, int(spec.get("ncol", 1)))
    rows = math.ceil(len(entries) / ncol)
    return rows * px * 1.45 + 10


def _below(spec: dict[str, Any]) -> bool:
    anchor = spec.get("bbox_to_anchor")
    return anchor is not None and float(anchor[1]) < 0


def _swatch(entry: dict[str, Any], x: float, y: float, pt: float) -> str:
    """The small sample of a series drawn before its name in the legend."""
    kind = entry["kind"]
    colour = escape(str(entry.get("colour", INK)))
    alpha = entry.get("alpha", 1.0)
    if kind in ("line", "hline", "vline"):
        width = entry.get("width", 1.5) * pt
        out = (
            f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x + 26)}" y2="{_n(y)}" stroke="{colour}" '
            f'stroke-width="{_n(width)}"{_dash(entry.get("dash"), width)} opacity="{alpha:g}"/>'
        )
        if entry.get("marker"):
            d = entry.get("size", 6) * pt
            out += _marker(entry["marker"], x + 13, y, d, entry["colour"], entry["colour"], 0)
        return out
    if kind == "points":
        d = min(entry["sizes"][0] if entry["sizes"] else 6, 12) * pt
        edge = entry.get("edge") or "none"
        edge = entry["colour"] if edge == "face" else edge
        return _marker(entry.get("marker", "o"), x + 13, y, d, entry["colour"], edge, 0.7)
    colours = entry.get("colours") or [entry.get("colour", INK)]
    out = (
        f'<rect x="{_n(x + 3)}" y="{_n(y - 6)}" width="20" height="12" fill="{escape(colours[0])}" '
        f'opacity="{alpha if kind != "bars" else 1:g}"/>'
    )
    if entry.get("hatch"):
        out += (
            f'<rect x="{_n(x + 3)}" y="{_n(y - 6)}" width="20" height="12" '
            f'fill="url(#hatch-{_hatch_id(entry["hatch"])})"/>'
        )
    return out


def _hatch_id(hatch: str) -> str:
    return "cross" if "x" in hatch else "slash"


def _legend(ax: Axes, frame: _Frame, pt: float, below_top: float) -> str:
    spec = ax.legend_spec
    entries = ax.legend_entries()
    if not spec or not entries:
        return ""
    px = _font(spec.get("fontsize"), 10) * pt
    item_h = px * 1.45
    ncol = max(1, int(spec.get("ncol", 1))) if _below(spec) else 1
    widths = [34 + _width(e["label"], px) for e in entries]
    rows = math.ceil(len(entries) / ncol)  # matplotlib fills the columns one after another
    col_w = [
        max(widths[i] for i in range(c * rows, min(len(entries), (c + 1) * rows))) + 12
        for c in range(math.ceil(len(entries) / rows))
    ]
    total_w = sum(col_w)
    total_h = rows * item_h + 6
    if _below(spec):
        left = (frame.left + frame.right) / 2 - total_w / 2
        top = below_top
    else:
        loc = str(spec.get("loc", "best"))
        if loc == "best":
            loc = _best_corner(ax, frame)
        vertical, _, horizontal = loc.partition(" ")
        if loc == "center right":
            vertical, horizontal = "center", "right"
        if not horizontal:
            horizontal = "center" if vertical != "center" else "center"
        left = {"left": frame.left + 8, "right": frame.right - total_w - 8}.get(
            horizontal, (frame.left + frame.right - total_w) / 2
        )
        top = {"upper": frame.top + 6, "lower": frame.bottom - total_h - 6}.get(
            vertical, (frame.top + frame.bottom - total_h) / 2
        )
    out = []
    if spec.get("frameon", True) and not _below(spec):
        out.append(
            f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(total_w)}" height="{_n(total_h)}" '
            'fill="white" fill-opacity="0.8" stroke="#cccccc" rx="3"/>'
        )
    for i, entry in enumerate(entries):
        col, row = divmod(i, rows)
        x = left + sum(col_w[:col]) + 6
        y = top + 3 + item_h * (row + 0.5)
        out.append(_swatch(entry, x, y, pt))
        out.append(_text(x + 32, y, entry["label"], px, va="center"))
    return '<g class="legend">' + "".join(out) + "</g>"


def _best_corner(ax: Axes, frame: _Frame) -> str:
    """The corner with the fewest data points, as matplotlib's ``loc="best"`` roughly does."""
    counts = {"upper right": 0, "upper left": 0, "lower left": 0, "lower right": 0}
    midx = (frame.left + frame.right) / 2
    midy = (frame.top + frame.bottom) / 2
    for op in ax.ops:
        if op["kind"] in ("line", "points", "band"):
            ys = op["y"] if "y" in op else op["y2"]
            for x, y in zip(op["x"], ys, strict=False):
                px, py = frame.x(x), frame.y(y)
                key = ("upper" if py < midy else "lower") + (" left" if px < midx else " right")
                counts[key] += 1
    return min(counts, key=lambda k: (counts[k], list(counts).index(k)))


def _cartesian(ax: Axes, region: tuple[float, float, float, float], pt: float, clip: str) -> str:
    x0, y0, w, h = region
    xs, ys, sticky_x, sticky_y = _extent(ax)
    xlim = ax.xlim or _limits(xs, sticky_x, ax.xticks)
    ylim = ax.ylim or _limits(ys, sticky_y, ax.yticks)
    # a first guess of the plot size, for how many ticks fit
    xticks = _ticks(ax, "x", xlim, w * 0.8)
    yticks = _ticks(ax, "y", ylim, h * 0.7)
    xfs = _font(ax.tick_style["x"].get("fontsize"), 10) * pt
    yfs = _font(ax.tick_style["y"].get("fontsize"), 10) * pt
    tick_len = ax.tick_length * pt
    ytick_w = max((_width(label, yfs) for _, label in yticks), default=0)
    xtick_h = max((_lines(label) for _, label in xticks), default=0) * xfs * 1.2 if xticks else 0
    label_px = _font(ax.label_style["x"].get("fontsize"), 10) * pt
    ylabel_px = _font(ax.label_style["y"].get("fontsize"), 10) * pt
    title_px = _font(ax.title_style.get("fontsize"), 12) * pt
    top_tick = ax.xaxis.position == "top"
    title_h = (
        (_lines(ax.title) * title_px * 1.2 + ax.title_style.get("pad", 6) * pt) if ax.title else 0
    )
    left = (
        8 + (ylabel_px * 1.2 * _lines(ax.ylabel) + 4 if ax.ylabel else 0) + ytick_w + tick_len + 5
    )
    top = 8 + title_h + (xtick_h + tick_len + 4 if top_tick else 0)
    xlabel_h = (_lines(ax.xlabel) * label_px * 1.2 + 5) if ax.xlabel else 0
    legend_h = _legend_height(ax, _font((ax.legend_spec or {}).get("fontsize"), 10) * pt)
    bottom = 6 + xlabel_h + legend_h + (0 if top_tick else xtick_h + tick_len + 4)
    last_w = _width(xticks[-1][1], xfs) / 2 if xticks else 0
    right = max(14.0, last_w + 4)
    first_w = _width(xticks[0][1], xfs) / 2 if xticks else 0
    left = max(left, first_w + 4)
    box = (x0 + left, y0 + top, x0 + w - right, y0 + h - bottom)
    f = _Frame(ax, box, xlim, ylim)
    out = [
        f'<clipPath id="{clip}"><rect x="{_n(box[0])}" y="{_n(box[1])}" '
        f'width="{_n(box[2] - box[0])}" height="{_n(box[3] - box[1])}"/></clipPath>'
    ]
    ops = sorted(ax.ops, key=lambda op: op["z"])
    drawn_axes = False
    for op in ops:
        if op["z"] > 2.5 and not drawn_axes:
            out.append(_furniture(ax, f, xticks, yticks, pt, tick_len, xfs, yfs))
            drawn_axes = True
        out.append(_op(op, f, pt, clip))
    if not drawn_axes:
        out.append(_furniture(ax, f, xticks, yticks, pt, tick_len, xfs, yfs))
    # labels and title
    if ax.xlabel:
        out.append(
            _text((f.left + f.right) / 2, y0 + h - 6 - legend_h - xlabel_h + 2, ax.xlabel,
                  label_px, ha="center", va="top")
        )  # fmt: skip
    if ax.ylabel:
        out.append(
            _text(x0 + 8 + ylabel_px * 0.9, (f.top + f.bottom) / 2, ax.ylabel, ylabel_px,
                  ha="center", va="center_baseline", rotate=True)
        )  # fmt: skip
    if ax.title:
        loc = ax.title_style.get("loc", "center")
        tx = {"left": f.left, "right": f.right}.get(loc, (f.left + f.right) / 2)
        out.append(
            _text(tx, y0 + 8, ax.title, title_px, ha=loc if loc != "center" else "center",
                  va="top")
        )  # fmt: skip
    out.append(_legend(ax, f, pt, y0 + h - 6 - legend_h + 4))
    return "".join(out)


def _furniture(ax: Axes, f: _Frame, xticks, yticks, pt, tick_len, xfs, yfs) -> str:
    """Spines, ticks and tick labels."""
    out = []
    sides = ax.spines.sides
    edges = {
        "left": (f.left, f.top, f.left, f.bottom),
        "right": (f.right, f.top, f.right, f.bottom),
        "top": (f.left, f.top, f.right, f.top),
        "bottom": (f.left, f.bottom, f.right, f.bottom),
    }
    for side, (a, b, c, d) in edges.items():
        if sides[side].visible:
            out.append(
                f'<line x1="{_n(a)}" y1="{_n(b)}" x2="{_n(c)}" y2="{_n(d)}" stroke="{INK}" '
                'stroke-width="1"/>'
            )
    top_tick = ax.xaxis.position == "top"
    base = f.top if top_tick else f.bottom
    sign = -1 if top_tick else 1
    for value, label in xticks:
        x = f.x(value)
        if not f.left - 0.5 <= x <= f.right + 0.5:
            continue
        if tick_len:
            out.append(
                f'<line x1="{_n(x)}" y1="{_n(base)}" x2="{_n(x)}" y2="{_n(base + sign * tick_len)}"'
                f' stroke="{INK}"/>'
            )
        if label:
            gap = base + sign * (tick_len + 3)
            out.append(_text(x, gap, label, xfs, ha="center", va="bottom" if top_tick else "top"))
    colour = ax.tick_style["y"].get("color", INK)
    for value, label in yticks:
        y = f.y(value)
        if not f.top - 0.5 <= y <= f.bottom + 0.5:
            continue
        if tick_len:
            out.append(
                f'<line x1="{_n(f.left - tick_len)}" y1="{_n(y)}" x2="{_n(f.left)}" y2="{_n(y)}"'
                f' stroke="{INK}"/>'
            )
        if label:
            out.append(
                _text(f.left - tick_len - 3, y, label, yfs, ha="right", va="center",
                      colour=str(colour))
            )  # fmt: skip
    return "".join(out)


def _op(op: dict[str, Any], f: _Frame, pt: float, clip: str) -> str:
    kind = op["kind"]
    alpha = op.get("alpha", 1.0)
    opacity = f' opacity="{alpha:g}"' if alpha < 1 else ""
    clipped = f' clip-path="url(#{clip})"'
    if kind == "line":
        width = op["width"] * pt
        points = [(f.x(x), f.y(y)) for x, y in zip(op["x"], op["y"], strict=False)]
        out = []
        if op["dash"] not in ("none", "None", " ", "") and width > 0 and len(points) > 1:
            coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
            out.append(
                f'<polyline points="{coords}" fill="none" stroke="{escape(op["colour"])}" '
                f'stroke-width="{_n(width)}"{_dash(op["dash"], width)} stroke-linejoin="round"'
                f"{opacity}{clipped}/>"
            )
        if op["marker"]:
            d = op["size"] * pt
            edge = op["edge"] or op["colour"]
            out += [_marker(op["marker"], x, y, d, op["colour"], edge, 0.5) for x, y in points]
        return f'<g class="series">{"".join(out)}</g>'
    if kind == "points":
        out = []
        for i, (x, y) in enumerate(zip(op["x"], op["y"], strict=False)):
            d = op["sizes"][min(i, len(op["sizes"]) - 1)] * pt
            edge = op["edge"]
            edge = op["colour"] if edge in (None, "face") else str(edge)
            out.append(
                _marker(op["marker"], f.x(x), f.y(y), d, op["colour"], edge, op["edge_width"] * pt)
            )
        return f'<g class="points"{opacity}>{"".join(out)}</g>'
    if kind in ("hline", "vline"):
        width = op["width"] * pt
        if kind == "hline":
            a, b, c, d = f.left, f.y(op["at"]), f.right, f.y(op["at"])
        else:
            a, b, c, d = f.x(op["at"]), f.top, f.x(op["at"]), f.bottom
        return (
            f'<line x1="{_n(a)}" y1="{_n(b)}" x2="{_n(c)}" y2="{_n(d)}" '
            f'stroke="{escape(op["colour"])}" stroke-width="{_n(width)}"'
            f"{_dash(op['dash'], width)}{opacity}{clipped}/>"
        )
    if kind in ("hspan", "vspan"):
        if kind == "hspan":
            ya, yb = sorted((f.y(op["lo"]), f.y(op["hi"])))
            xa, xb = f.left, f.right
        else:
            xa, xb = sorted((f.x(op["lo"]), f.x(op["hi"])))
            ya, yb = f.top, f.bottom
        return (
            f'<rect x="{_n(xa)}" y="{_n(ya)}" width="{_n(xb - xa)}" height="{_n(yb - ya)}" '
            f'fill="{escape(op["colour"])}"{opacity}{clipped}/>'
        )
    if kind in ("band", "polygon"):
        if kind == "band":
            pts = [(f.x(x), f.y(y)) for x, y in zip(op["x"], op["y1"], strict=False)]
            pts += [
                (f.x(x), f.y(y)) for x, y in reversed(list(zip(op["x"], op["y2"], strict=False)))
            ]
        else:
            pts = [(f.x(x), f.y(y)) for x, y in zip(op["x"], op["y"], strict=False)]
        coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in pts)
        return f'<polygon points="{coords}" fill="{escape(op["colour"])}"{opacity}{clipped}/>'
    if kind == "rect":
        xa, xb = sorted((f.x(op["x"]), f.x(op["x"] + op["w"])))
        ya, yb = sorted((f.y(op["y"]), f.y(op["y"] + op["h"])))
        edge = op["edge"]
        stroke = (
            f' stroke="{escape(str(edge))}" stroke-width="{_n(op["edge_width"] * pt)}"'
            if edge
            else ""
        )
        return (
            f'<rect x="{_n(xa)}" y="{_n(ya)}" width="{_n(xb - xa)}" height="{_n(yb - ya)}" '
            f'fill="{escape(op["colour"])}" opacity="{alpha:g}"{stroke}/>'
        )
    if kind == "bars":
        out = []
        edge = op["edge"]
        stroke = f' stroke="{escape(str(edge))}" stroke-width="1"' if edge else ""
        for (x, y, w, h), colour in zip(op["bars"], op["colours"], strict=False):
            xa, xb = sorted((f.x(x), f.x(x + w)))
            ya, yb = sorted((f.y(y), f.y(y + h)))
            rect = f'x="{_n(xa)}" y="{_n(ya)}" width="{_n(xb - xa)}" height="{_n(yb - ya)}"'
            out.append(f'<rect {rect} fill="{escape(colour)}"{stroke}{opacity}/>')
            if op["hatch"]:
                out.append(f'<rect {rect} fill="url(#hatch-{_hatch_id(op["hatch"])})"/>')
        return f'<g class="bars"{clipped}>{"".join(out)}</g>'
    if kind == "text":
        return _text_op(op, f, pt)
    raise NotImplementedError(f"relsell.sketch cannot draw {kind!r}")


def _text_op(op: dict[str, Any], f: _Frame, pt: float) -> str:
    xc, yc = op["coords"]
    x, y = f.x(op["at"][0], xc), f.y(op["at"][1], yc)
    if op["offset"] is not None:
        x += op["offset"][0] * pt
        y -= op["offset"][1] * pt
    px = _font(op["size"], 10) * pt
    out = ""
    if op.get("arrow_to") is not None:
        tx, ty = f.x(op["arrow_to"][0], xc), f.y(op["arrow_to"][1], yc)
        arrow = op["arrow"]
        shrink_a = float(arrow.get("shrinkA", 2)) * pt
        shrink_b = float(arrow.get("shrinkB", 2)) * pt
        length = math.hypot(tx - x, ty - y) or 1.0
        ux, uy = (tx - x) / length, (ty - y) / length
        if length > shrink_a + shrink_b:
            colour = escape(str(arrow.get("color", INK)))
            out = (
                f'<line x1="{_n(x + ux * shrink_a)}" y1="{_n(y + uy * shrink_a)}" '
                f'x2="{_n(tx - ux * shrink_b)}" y2="{_n(ty - uy * shrink_b)}" stroke="{colour}" '
                f'stroke-width="{_n(float(arrow.get("linewidth", 1)) * pt)}" '
                'marker-end="url(#arrow-head)"/>'
            )
    if not op["text"]:
        return out
    return out + _text(
        x, y, op["text"], px, ha=op["ha"], va=op["va"], colour=op["colour"], bold=op["bold"],
        box=op["box"],
    )  # fmt: skip


def _polar(ax: PolarAxes, region: tuple[float, float, float, float], pt: float) -> str:
    x0, y0, w, h = region
    title_px = _font(ax.title_style.get("fontsize"), 12) * pt
    title_h = (title_px * 1.2 + ax.title_style.get("pad", 6) * pt) if ax.title else 0
    legend_h = _legend_height(ax, _font((ax.legend_spec or {}).get("fontsize"), 10) * pt)
    top, bottom = y0 + 8 + title_h, y0 + h - 8 - legend_h
    radius = max(40.0, min((w - 280) / 2, (bottom - top) / 2 - 30))
    cx, cy = x0 + w / 2, (top + bottom) / 2
    data_r = [r for op in ax.ops for r in op.get("y", [])] + [
        op["at"][1] for op in ax.ops if op["kind"] == "text"
    ]
    rmax = ax.ylim[1] if ax.ylim else max(data_r or [1.0])

    def point(theta: float, r: float) -> tuple[float, float]:
        a = ax.theta_offset + ax.theta_direction * theta
        share = r / (rmax or 1.0)
        return cx + share * radius * math.cos(a), cy - share * radius * math.sin(a)

    out = []
    for value in ax.yticks or []:
        out.append(
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(radius * value / (rmax or 1))}" '
            f'fill="none" stroke="{GRID}"/>'
        )
    out.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(radius)}" fill="none" stroke="{INK}"/>')
    for theta in ax.xticks or []:
        ex, ey = point(theta, rmax)
        out.append(
            f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(ex)}" y2="{_n(ey)}" stroke="{GRID}"/>'
        )
    labels = ax.yticklabels or []
    ypx = _font(ax.tick_style["y"].get("fontsize"), 10) * pt
    colour = str(ax.tick_style["y"].get("color", INK))
    for value, label in zip(ax.yticks or [], labels, strict=False):
        a = math.radians(22.5)
        lx = cx + radius * value / (rmax or 1) * math.cos(a)
        ly = cy - radius * value / (rmax or 1) * math.sin(a)
        out.append(_text(lx, ly, label, ypx, ha="left", va="bottom", colour=colour))
    for op in sorted(ax.ops, key=lambda o: o["z"]):
        alpha = op.get("alpha", 1.0)
        if op["kind"] in ("line", "polygon"):
            pts = [point(t, r) for t, r in zip(op["x"], op["y"], strict=False)]
            coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in pts)
            if op["kind"] == "polygon":
                fill = escape(op["colour"])
                out.append(f'<polygon points="{coords}" fill="{fill}" opacity="{alpha:g}"/>')
            else:
                width = op["width"] * pt
                out.append(
                    f'<polyline points="{coords}" fill="none" stroke="{escape(op["colour"])}" '
                    f'stroke-width="{_n(width)}"{_dash(op["dash"], width)}/>'
                )
        elif op["kind"] == "text":
            x, y = point(*op["at"])
            out.append(
                _text(x, y, op["text"], _font(op["size"], 10) * pt, ha=op["ha"], va=op["va"],
                      colour=op["colour"], bold=op["bold"])
            )  # fmt: skip
        else:
            raise NotImplementedError(f"relsell.sketch cannot draw {op['kind']!r} on a polar axes")
    if ax.title:
        out.append(_text(cx, y0 + 8, ax.title, title_px, ha="center", va="top"))
    frame = _Frame(ax, (cx - radius, cy - radius, cx + radius, cy + radius), (0, 1), (0, 1))
    out.append(_legend(ax, frame, pt, y0 + h - 8 - legend_h + 4))
    return "".join(out)


_DEFS = (
    '<defs><marker id="arrow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
    'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#222222"/>'
    '</marker><pattern id="hatch-slash" patternUnits="userSpaceOnUse" width="8" height="8">'
    '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="white" stroke-width="1.2"/></pattern>'
    '<pattern id="hatch-cross" patternUnits="userSpaceOnUse" width="8" height="8">'
    '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="white" stroke-width="1.2"/></pattern></defs>'
)


def svg(fig: Figure, prefix: str = "relsell") -> str:
    """The figure as one self-contained ``<svg>`` element (no scripts, no external fonts).

    ``prefix`` starts every id inside it, so several charts on one page keep their own clips.
    """
    pt = _pt(fig)
    width, height = fig.width * fig.dpi, fig.height * fig.dpi
    ratios = fig.ratios if len(fig.ratios) == len(fig.axes) else [1.0] * len(fig.axes)
    total = sum(ratios) or 1.0
    body, y = [], 0.0
    for i, (ax, ratio) in enumerate(zip(fig.axes, ratios, strict=True)):
        share = height * ratio / total
        region = (0.0, y, width, share)
        if isinstance(ax, PolarAxes):
            body.append(_polar(ax, region, pt))
        else:
            body.append(_cartesian(ax, region, pt, f"{prefix}-plot-area-{i}"))
        y += share
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" font-family="{FONT}" '
        'class="relsell-chart">' + _DEFS
        + f'<rect width="{_n(width)}" height="{_n(height)}" fill="white"/>'
        + "".join(body) + "</svg>"
    )  # fmt: skip


def _number(ax: Axes, value: float, which: str) -> str:
    """A value in the axis's units, the same whether or not the chart has been drawn (the
    formatters' decimals follow the tick step, which only drawing sets)."""
    formatter = (ax.xaxis if which == "x" else ax.yaxis).formatter
    if isinstance(formatter, ScalarFormatter):
        return f"{value:,.4g}"
    if isinstance(formatter, PercentFormatter) and formatter.decimals is None:
        return f"{value / formatter.xmax * 100:.4g}{formatter.symbol}"
    return formatter(value)


def _said(ax: Axes, op: dict[str, Any]) -> str:
    """A label in words; a label pointing at a data point says where the point is."""
    text = op["text"].replace("\n", " ")
    if op["offset"] is not None and op["coords"] == ("data", "data") and not ax.polar:
        x, y = op["at"]
        return f"{text} at ({_number(ax, x, 'x')}, {_number(ax, y, 'y')})"
    return text


def _sentence(text: str) -> str:
    return text if text.rstrip().endswith((".", "?", "!", "…")) else f"{text}."


def describe(fig: Figure) -> str:
    """The chart in words, for its text alternative: title, axes, series and labels."""
    parts = []
    for ax in fig.axes:
        if ax.title:
            parts.append(_sentence(f"Chart: {ax.title}"))
        if ax.xlabel:
            parts.append(_sentence(f"Horizontal axis: {ax.xlabel}"))
        if ax.ylabel:
            parts.append(_sentence(f"Vertical axis: {ax.ylabel}"))
        for op in ax.ops:
            label = op.get("label")
            if op["kind"] == "line" and label and not str(label).startswith("_") and op["y"]:
                first, last = _number(ax, op["y"][0], "y"), _number(ax, op["y"][-1], "y")
                said = f"from {first} to {last}" if len(op["y"]) > 1 else f"at {first}"
                parts.append(f"{label}: {said}.")
        texts = [_said(ax, op) for op in ax.ops if op["kind"] == "text" and op["text"]]
        seen: list[str] = []
        for text in texts:
            if text not in seen:
                seen.append(text)
        if seen:
            parts.append(_sentence("Labels: " + "; ".join(seen[:30])))
        if ax.yticklabels and not ax.polar:
            rows = ", ".join(t.replace("\n", " ") for t in ax.yticklabels)
            parts.append(f"Rows: {rows}.")
        entries = [e["label"] for e in ax.legend_entries()]
        if entries:
            parts.append("Legend: " + "; ".join(entries) + ".")
    return " ".join(parts)
