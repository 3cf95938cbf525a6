"""Company A's walk-away price against contractor B's ultimatums (chapter 6, the A/B case).

The course's own model, after the negotiation ideas of Fisher and Ury (*Getting to Yes*, 1981:
the best alternative to a negotiated agreement, BATNA) and Raiffa (*The Art and Science of
Negotiation*, 1982: reservation price and the zone of possible agreement). The source gives
only the 70 % and the ultimatums; it says nothing about what A should do.

Why this model: B keeps demanding lower prices ("take it, or another producer will"). Whether A
should accept is a comparison of two profits, not a matter of courage. With B at price ``p``
(a share of today's price), A earns its other customers' contribution plus B's orders at
``p``, minus materials, fixed costs and the interest on late payment (the same economics as
``relsell.models.concentration``). Without B (A's BATNA), A keeps its other customers, wins back
``replacement`` of B's volume elsewhere at today's price and sheds ``fixed_saved`` of its fixed
costs. A's walk-away price is the ``p`` at which the two are equal:

    p* = [(1 - margin) + replacement * (margin - arrears) + fixed_saved / B] / (1 - arrears)

where ``B`` is B's revenue per 100 of A's revenue today and ``arrears`` the interest on late
payment per unit of sales. B's own walk-away is what its alternative costs it: another
producer's price plus B's cost of switching. Between the two lies the zone of possible
agreement. Every number except the 70 % is a course assumption, stated in ``PARAMS``.
"""

from __future__ import annotations

from typing import Any

from ..errors import ModelInputError
from ..params import Param, check_all
from . import concentration

__all__ = ["PARAMS", "walk_away_price", "run"]

_SHARED = ("share_from_b", "contribution_margin", "fixed_costs", "payment_delay_months",
           "interest_rate", "price_cut", "ultimatums")  # fmt: skip

PARAMS = tuple(p for p in concentration.PARAMS if p.name in _SHARED) + (
    Param(
        "replacement",
        "B's volume A could sell elsewhere",
        "share",
        default=0.3,
        step=0.05,
        percent=True,
        hint="It is the part of B's volume A could win from other customers, e.g. 0.3.",
    ),
    Param(
        "fixed_saved",
        "Fixed costs A could shed without B",
        default=5.0,
        minimum=0,
        maximum=100,
        high=15,
        step=0.5,
        unit="per 100 of revenue",
        hint="Enter the plant, truck and staff costs A would save without B (0 to fixed costs).",
    ),
    Param(
        "rival_price",
        "Another producer's price to B",
        default=0.9,
        minimum=0.1,
        maximum=2,
        low=0.6,
        high=1.2,
        step=0.01,
        unit="× today's price",
        hint="Enter the rival's price as a multiple of A's price today, e.g. 0.9.",
    ),
    Param(
        "switching_cost",
        "B's cost of changing producer",
        "share",
        default=0.03,
        high=0.2,
        step=0.01,
        percent=True,
        hint="It is B's cost and risk of switching, as a share of today's price, e.g. 0.03.",
    ),
)

LOWEST_PRICE, HIGHEST_PRICE = 0.6, 1.1  # the chart's price axis, shares of today's price


def _settings(values: dict[str, Any]) -> dict[str, Any]:
    s = {p.name: p.default for p in PARAMS}
    s.update(check_all(PARAMS, values))
    if s["fixed_saved"] > s["fixed_costs"]:
        raise ModelInputError(
            f"Fixed costs A could shed ({s['fixed_saved']:g}) cannot exceed its fixed costs "
            f"({s['fixed_costs']:g}); lower the one or raise the other."
        )
    if s["share_from_b"] == 0:
        raise ModelInputError(
            "With 0 % of its revenue from B there is nothing to negotiate; set a share above 0."
        )
    return s


def _economics(s: dict[str, Any]) -> tuple[float, float, float, float]:
    """Other customers' revenue, B's revenue, margin and arrears rate (per 100 of revenue)."""
    b = concentration.REVENUE * s["share_from_b"]
    arrears = s["payment_delay_months"] / 12 * s["interest_rate"]
    return concentration.REVENUE - b, b, s["contribution_margin"], arrears


def _profit_with_b(s: dict[str, Any], price: float) -> float:
    other, b, margin, arrears = _economics(s)
    revenue = other + b * price
    return revenue * (1 - arrears) - (other + b) * (1 - margin) - s["fixed_costs"]


def _batna_profit(s: dict[str, Any]) -> float:
    other, b, margin, arrears = _economics(s)
    kept = other + s["replacement"] * b
    return kept * (margin - arrears) - (s["fixed_costs"] - s["fixed_saved"])


def _walk_away(s: dict[str, Any]) -> float:
    _, b, margin, arrears = _economics(s)
    return ((1 - margin) + s["replacement"] * (margin - arrears) + s["fixed_saved"] / b) / (
        1 - arrears
    )


def walk_away_price(**values: Any) -> float:
    """A's walk-away price for B's orders, as a share of today's price (see the module note)."""
    return _walk_away(_settings(values))


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def run(**values: Any) -> dict[str, Any]:
    """The negotiation at these settings (``PARAMS`` names; the rest at their defaults).

    Keys: ``walk_away`` (A's), ``demand`` (B's price after the ultimatums), ``b_walk_away``
    (the rival's price plus B's switching cost), ``zopa`` (``[low, high]`` or None), all as
    shares of today's price; profits per 100 of today's revenue (``profit_today``,
    ``profit_at_demand``, ``batna_profit``); ``advice``; ``curve`` (records of ``price`` and
    ``profit_with_b`` for the chart); ``summary``.
    """
    s = _settings(values)
    walk = _walk_away(s)
    demand = (1 - s["price_cut"]) ** s["ultimatums"]
    b_walk = s["rival_price"] + s["switching_cost"]
    zopa = [walk, b_walk] if walk <= b_walk else None
    k = s["ultimatums"]
    after = f"after {k} ultimatum{'' if k == 1 else 's'}"
    if demand >= walk:
        advice = (
            f"B's price {after} ({_pct(demand)}) is above A's walk-away ({_pct(walk)}): a deal "
            "beats A's best alternative. A can accept, and still bargain over payment terms."
        )
    elif zopa:
        advice = (
            f"B's price {after} ({_pct(demand)}) is below A's walk-away ({_pct(walk)}): A should "
            f"say no to it and counter between {_pct(zopa[0])} and {_pct(zopa[1])}, the most B's "
            "own alternative would cost it."
        )
    else:
        advice = (
            f"No price works for both: A's walk-away ({_pct(walk)}) is above what B's alternative "
            f"costs B ({_pct(b_walk)}). A should walk away, or change the terms (faster payment, "
            "volume, a longer contract) rather than the price."
        )
    steps = round((HIGHEST_PRICE - LOWEST_PRICE) / 0.01)
    curve = [
        {"price": round(LOWEST_PRICE + i * 0.01, 2),
         "profit_with_b": _profit_with_b(s, LOWEST_PRICE + i * 0.01)}
        for i in range(steps + 1)
    ]  # fmt: skip
    return {
        "walk_away": walk,
        "demand": demand,
        "b_walk_away": b_walk,
        "zopa": zopa,
        "profit_today": _profit_with_b(s, 1.0),
        "profit_at_demand": _profit_with_b(s, demand),
        "batna_profit": _batna_profit(s),
        "advice": advice,
        "curve": curve,
        "summary": f"A's walk-away price is {_pct(walk)} of today's price. " + advice,
    }
