"""Chart for chapter 3's bond-level model (``relsell.models.bonds``)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import StrMethodFormatter

from ..checks import records
from ..models.bonds import run
from .style import PALETTE, SERIES, new_figure

__all__ = ["chart", "bonds_chart"]

_MARKERS = ["o", "s", "^", "D", "v", "P"]


def chart(result: dict | None = None) -> Figure:
    """The gain of each level over no programme for ``run(...)`` (default: the defaults)."""
    result = run() if result is None else result
    return bonds_chart(result["table"])


def bonds_chart(table: list[dict]) -> Figure:
    """Gain over no programme, by year, for each level of ``relsell.models.bonds.level_values``.

    ``table`` is its records (or a DataFrame of them).
    """
    rows = records(table, ("year", "no programme"), what="the table from level_values()")
    years = [row["year"] for row in rows]
    fig, ax = new_figure(7.0, 4.2)
    ax.axhline(0, color=PALETTE["grey"], linewidth=1, label="no programme")
    levels = [key for key in rows[0] if key not in ("year", "no programme")]
    for i, name in enumerate(levels):
        gain = [row[name] - row["no programme"] for row in rows]
        ax.plot(
            years,
            gain,
            marker=_MARKERS[i % len(_MARKERS)],
            markersize=4,
            color=SERIES[i % len(SERIES)],
            label=name,
        )
        ax.annotate(
            f"{gain[-1]:+,.0f}",
            (years[-1], gain[-1]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
            color=SERIES[i % len(SERIES)],
        )
    ax.set_xlabel("year (0 = the year the programme starts)")
    ax.set_ylabel("cumulative gain per customer (yuan)")
    ax.set_title("Deeper bonds cost more but last longer")
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_xlim(years[0] - 0.3, years[-1] * 1.12 + 0.5)
    ax.legend(frameon=False, loc="upper left", fontsize="small")
    fig.tight_layout()
    return fig
