"""``matplotlib.ticker`` stand-ins: where the ticks go and how their labels read."""

from __future__ import annotations

import math

__all__ = ["StrMethodFormatter", "PercentFormatter", "ScalarFormatter", "nice_ticks"]

MINUS = "\u2212"  # matplotlib's minus sign on axes


class ScalarFormatter:
    """The default: as few decimals as the tick step needs, with a proper minus sign."""

    def __init__(self) -> None:
        self.step = 1.0

    def __call__(self, value: float, pos: int | None = None) -> str:
        decimals = 0
        step = abs(self.step) or 1.0
        while decimals < 6 and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-6:
            decimals += 1
        text = f"{value:.{decimals}f}"
        if float(text) == 0:
            text = text.lstrip("-")
        return text.replace("-", MINUS)


class StrMethodFormatter:
    """``"{x:,.0f}"``-style labels, as matplotlib's."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def __call__(self, value: float, pos: int | None = None) -> str:
        return self.fmt.format(x=value, pos=pos)


class PercentFormatter:
    """``value / xmax`` as a percentage; ``decimals=None`` picks as few as the ticks need."""

    def __init__(self, xmax: float = 100, decimals: int | None = None, symbol: str = "%") -> None:
        self.xmax = float(xmax)
        self.decimals = decimals
        self.symbol = symbol
        self.step = 1.0

    def __call__(self, value: float, pos: int | None = None) -> str:
        percent = value / self.xmax * 100
        decimals = self.decimals
        if decimals is None:
            step = abs(self.step / self.xmax * 100) or 1.0
            decimals = 0
            while decimals < 4 and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-6:
                decimals += 1
        text = f"{percent:.{decimals}f}"
        if float(text) == 0:
            text = text.lstrip("-")
        return text.replace("-", MINUS) + self.symbol


def nice_ticks(low: float, high: float, most: int = 8) -> tuple[list[float], float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) within [low, high]."""
    if high < low:
        low, high = high, low
    span = high - low
    if span <= 0 or not math.isfinite(span):
        return [low], 1.0
    raw = span / max(2, most)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw - 1e-12)
    first = math.ceil(low / step - 1e-9)
    ticks = []
    k = first
    while k * step <= high + step * 1e-9:
        value = k * step
        ticks.append(0.0 if abs(value) < step * 1e-9 else value)
        k += 1
    return ticks, step
