"""relsell.sketch draws each chart as matplotlib does: the same series, texts, labels and legend.

Every model's chart runs twice from the same result, once with matplotlib and once with the
stand-in, and what each drew is compared artist by artist. A chart that used a matplotlib
feature the stand-in lacks fails here, before it fails on the page.
"""

from __future__ import annotations

import importlib
import math
import xml.dom.minidom

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import Rectangle

from helpers.live_points import points
from relsell import sketch
from relsell.models import NAMES
from relsell.sketch.ticker import PercentFormatter, ScalarFormatter, StrMethodFormatter, nice_ticks

CASES = [
    pytest.param(name, values, id=f"{name}-{i}")
    for name in NAMES
    for i, values in enumerate(points(name))
]


def _both(name: str, values: dict):
    model = importlib.import_module(f"relsell.models.{name}")
    result = model.run(**values)
    real = importlib.import_module(f"relsell.charts.{name}").chart(result)
    with sketch.installed():
        drawn = importlib.import_module(f"relsell.charts.{name}").chart(result)
    plt.close(real)
    return real, drawn


def _close(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(
        math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for x, y in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("name, values", CASES)
def test_the_stand_in_draws_what_matplotlib_draws(name, values):
    real, drawn = _both(name, values)
    real_axes = [ax for ax in real.axes if ax.get_visible()]
    assert len(drawn.axes) == len(real_axes)
    for ax, mine in zip(real_axes, drawn.axes, strict=True):
        # lines: every plotted series with the same points, and as many lines in all
        ours = [op for op in mine.ops if op["kind"] == "line"]
        refs = [op for op in mine.ops if op["kind"] in ("hline", "vline")]
        real_lines = [line for line in ax.lines]
        assert len(real_lines) == len(ours) + len(refs), name
        for op in ours:
            assert any(
                _close([float(v) for v in line.get_xdata()], op["x"])
                and _close([float(v) for v in line.get_ydata()], op["y"])
                for line in real_lines
            ), f"{name}: line {op['label']!r} not drawn by matplotlib"
        # bars: the same rectangles
        rects = [p for p in ax.patches if isinstance(p, Rectangle)]
        for op in mine.ops:
            for x, y, w, h in op.get("bars", []):
                assert any(
                    _close([r.get_x(), r.get_y(), r.get_width(), r.get_height()], [x, y, w, h])
                    for r in rects
                ), f"{name}: bar {(x, y, w, h)} not drawn by matplotlib"
        # texts, labels, title and legend: the same words
        real_texts = sorted(t.get_text() for t in ax.texts)
        my_texts = sorted(op["text"] for op in mine.ops if op["kind"] == "text")
        assert my_texts == real_texts
        assert mine.xlabel == ax.get_xlabel() and mine.ylabel == ax.get_ylabel()
        title = ax.get_title(loc=mine.title_style.get("loc", "center") if mine.title else "center")
        assert mine.title == title
        legend = ax.get_legend()
        if legend is not None:
            assert [e["label"] for e in mine.legend_entries()] == [
                t.get_text() for t in legend.get_texts()
            ]
        if not mine.polar:
            assert bool(mine.yinverted) == bool(ax.yaxis_inverted())


@pytest.mark.parametrize("name", NAMES)
def test_every_chart_is_one_well_formed_svg_with_its_words(name):
    _, drawn = _both(name, {})
    text = drawn.to_svg(name)
    document = xml.dom.minidom.parseString(text)  # raises on malformed XML
    assert document.documentElement.tagName == "svg"
    assert "<script" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    ax = drawn.axes[0]
    if ax.title:
        assert ax.title.split("\n")[0][:20] in text.replace("&#x27;", "'").replace("&amp;", "&")
        assert ax.title in drawn.describe()
    # ids are the chart's own, so two charts on one page keep their own clip areas
    assert f'id="{name}-plot-area-0"' in text or ax.polar


def test_two_prefixes_give_two_sets_of_ids():
    _, drawn = _both("retention", {})
    assert drawn.to_svg("a") != drawn.to_svg("b")
    assert 'id="a-plot-area-0"' in drawn.to_svg("a")


def test_installed_puts_matplotlib_back():
    import matplotlib

    with sketch.installed():
        import matplotlib as inside

        assert not hasattr(inside, "__version__")
    import matplotlib as after

    assert after is matplotlib and hasattr(after, "__version__")
    import relsell.charts.retention as chart_module

    assert (
        "matplotlib.figure" in repr(chart_module.chart.__annotations__)
        or chart_module.Figure.__module__ == "matplotlib.figure"
    )


def test_an_unknown_matplotlib_call_fails_loudly():
    with sketch.installed():
        from matplotlib.figure import Figure

        ax = Figure().add_subplot()
        with pytest.raises(AttributeError):
            ax.hexbin([1], [2])  # type: ignore[attr-defined]


def test_tick_labels_read_as_matplotlibs():
    assert nice_ticks(0, 10)[0] == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(-1300, 1100, 6)[0][:2] == [-1000, -500]
    formatter = ScalarFormatter()
    formatter.step = 0.5
    assert formatter(-1.5) == "\u22121.5"
    assert StrMethodFormatter("{x:,.0f}")(12345.6) == "12,346"
    assert PercentFormatter(1.0, decimals=0)(0.25) == "25%"
    percent = PercentFormatter(1.0)
    percent.step = 0.025
    assert percent(0.025) == "2.5%"
