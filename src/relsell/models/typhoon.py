"""Move the goods or gamble? The decision behind chapter 6's typhoon case.

A key customer's warehouse stood 40 metres inside the seawall at Taizhou, Zhejiang, and no
insurer would cover it. When the typhoon warning came, the customer gambled that the storm
would land elsewhere; the supplier's key-account manager travelled there and persuaded him to
move his goods. Moving cost him more than 10,000 in storage and moving fees and saved goods
worth more than 600,000; another customer of the same warehouse lost cement worth more than
1 million. (The source states no currency; presumably yuan.)

The decision is a comparison of a certain cost with an uncertain, uninsured loss:

    expected loss if the goods stay  = p * V * s
    moving pays when                    C < p * V * s
    break-even probability          p* = C / (V * s)

with ``C`` the moving cost, ``V`` the value of the goods, ``s`` the share of the goods a flood
destroys (1 in the case: the other customer's cement was all swept into the sea) and ``p``
the chance that the storm floods the warehouse.

Why ranges: the source's amounts are "more than" figures. 1万多 is any amount from 10,000 to
19,999 and 60多万 any amount from 600,000 to 699,999, so ``p*`` is not one number but a band,
from the lowest cost over the highest value (10,000 / 699,999, about 1.4 %) to the highest
cost over the lowest value (19,999 / 600,000, about 3.3 %). ``break_even_band`` and
``decide_band`` work with those ranges and are what the chapter shows; ``decide`` and
``break_even_probability`` take one cost and one value for what-if questions.

``p`` is not in the source. "A typhoon not seen for 50 years" gives a yearly *base rate* (about
1 in 50 in any year), which is not the *conditional* chance of a flood once an emergency
warning for this storm is out; ``BASE_RATE`` is kept only as a reference mark.

The selling point is not the arithmetic: the loss would have been the customer's alone, and
the supplier paid for the manager's trip to protect it. That care is what the customer
remembered ("you treated me as family").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..checks import number
from ..errors import ModelInputError
from ..params import Param, check_all, defaults
from ._case import fact

__all__ = [
    "PARAMS",
    "MOVING_COST_RANGE",
    "GOODS_VALUE_RANGE",
    "OTHER_CUSTOMER_LOSS_RANGE",
    "STORM_RARITY_YEARS",
    "BASE_RATE",
    "CHANCE_AXIS_MAX",
    "break_even_probability",
    "break_even_band",
    "expected_loss",
    "decide",
    "decide_band",
    "decision_curve",
    "scenarios",
    "summary",
    "run",
]


def _case_range(fact_id: str) -> tuple[float, float]:
    low, high = fact("typhoon", fact_id)
    return float(low), float(high)


# The case's amounts, each a "more than" (多) figure in an unstated currency, as [lowest, highest].
MOVING_COST_RANGE = _case_range("moving_cost")  # 1万多: 10,000-19,999
GOODS_VALUE_RANGE = _case_range("goods_saved")  # 60多万: 600,000-699,999
OTHER_CUSTOMER_LOSS_RANGE = _case_range("other_customer_loss")  # 100多万: 1,000,000-1,999,999
STORM_RARITY_YEARS = int(fact("typhoon", "storm_rarity_years"))
# "Not seen for 50 years" as a yearly base rate (1 in 50). NOT the chance of a flood once a
# warning is out, which the source does not give: a reference mark, not an estimate.
BASE_RATE = 1 / STORM_RARITY_YEARS
# The flood-chance control and the chart's x axis share this upper end.
CHANCE_AXIS_MAX = 0.10

_MONEY = "Enter an amount of money (the case's currency is not stated; read it as yuan)."
_MAX_MONEY = 1e12
_TOLERANCE = 1e-12


def _amount(name: str, label: str, default: float, step: float) -> Param:
    # No maximum on purpose: the control is then a number box, as an amount needs; the model
    # still refuses more than _MAX_MONEY (see _cost).
    return Param(name, label, default=default, minimum=0, step=step, hint=_MONEY)


# The explorer's settings: the chance, the share lost, and both amounts as ranges (enter the
# same amount twice for a single what-if). The chance starts at the base rate, a reference mark.
PARAMS = (
    Param(
        "probability",
        "Flood probability",
        "share",
        default=BASE_RATE,
        high=CHANCE_AXIS_MAX,
        step=0.001,
        percent=True,
        hint="It is the chance that the storm floods the warehouse, e.g. 0.02 for 2 %.",
    ),
    Param(
        "loss_share",
        "Share of the goods lost in a flood",
        "share",
        default=1.0,
        low=0.05,
        step=0.05,
        percent=True,
        hint="1 means everything is lost, as with the other customer's cement.",
    ),
    _amount("cost_low", "Moving cost (lowest)", MOVING_COST_RANGE[0], 1000),
    _amount("cost_high", "Moving cost (highest)", MOVING_COST_RANGE[1], 1000),
    _amount("value_low", "Value of the goods (lowest)", GOODS_VALUE_RANGE[0], 50000),
    _amount("value_high", "Value of the goods (highest)", GOODS_VALUE_RANGE[1], 50000),
)
_PROBABILITY, _LOSS_SHARE = PARAMS[0], PARAMS[1]


def _cost(value: object, name: str = "Moving cost") -> float:
    return number(name, value, minimum=0, maximum=_MAX_MONEY, hint=_MONEY)


def _goods(value: object, name: str = "Value of the goods") -> float:
    goods = number(name, value, minimum=0, maximum=_MAX_MONEY, hint=_MONEY)
    if goods == 0:
        raise ModelInputError(
            f"{name} must be more than 0; got 0. With nothing in the warehouse "
            "there is no decision to make. " + _MONEY
        )
    return goods


def _share(value: object) -> float:
    share = _LOSS_SHARE.check(value)
    if share == 0:
        raise ModelInputError(
            "Share of the goods lost in a flood must be more than 0; got 0. If a flood "
            "destroys nothing, moving never pays. Enter a share such as 1 (all lost)."
        )
    return share


def _probability(value: object) -> float:
    return _PROBABILITY.check(value)


def _range(value: object, name: str, check: Callable[[object, str], float]) -> tuple[float, float]:
    """A (lowest, highest) pair, or one number read as a range of width 0 (a what-if)."""
    if hasattr(value, "tolist"):  # a numpy array or pandas Series, without importing them
        value = value.tolist()
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        one = check(value, name)
        return one, one
    if len(value) != 2:
        raise ModelInputError(
            f"{name} must be one amount or a range of two, (lowest, highest); got "
            f"{len(value)} values. For 1万多 enter (10000, 19999)."
        )
    low, high = check(value[0], f"{name} (lowest)"), check(value[1], f"{name} (highest)")
    if low > high:
        raise ModelInputError(
            f"{name}: the lowest amount ({low:,.0f}) is above the highest ({high:,.0f}). "
            "Enter the range from low to high; for a single amount enter it twice."
        )
    return low, high


def _money(low: float, high: float) -> str:
    return f"{low:,.0f}" if low == high else f"{low:,.0f}–{high:,.0f}"


def break_even_probability(
    moving_cost: float, goods_value: float, loss_share: float = 1.0
) -> float:
    """For ONE cost and ONE value (a what-if): the flood chance above which moving pays, C / (V s).

    The case itself gives ranges, not points; use ``break_even_band`` for it. The result can
    exceed 1, which means moving costs more than the goods could ever lose.
    """
    return _cost(moving_cost) / (_goods(goods_value) * _share(loss_share))


def break_even_band(
    moving_cost: float | Sequence[float] = MOVING_COST_RANGE,
    goods_value: float | Sequence[float] = GOODS_VALUE_RANGE,
    loss_share: float = 1.0,
) -> tuple[float, float]:
    """The band in which the break-even chance lies when cost and value are only known as ranges.

    Lowest end: lowest cost / highest value; highest end: highest cost / lowest value. For the
    case (1万多 and 60多万) that is 10,000 / 699,999 = 1.43 % to 19,999 / 600,000 = 3.33 %.
    A single number for either amount is read as a range of width 0.
    """
    c_low, c_high = _range(moving_cost, "Moving cost", _cost)
    v_low, v_high = _range(goods_value, "Value of the goods", _goods)
    share = _share(loss_share)
    return c_low / (v_high * share), c_high / (v_low * share)


def expected_loss(probability: float, goods_value: float, loss_share: float = 1.0) -> float:
    """The uninsured loss to expect if the goods stay: p * V * s (one value; a what-if)."""
    return _probability(probability) * _goods(goods_value) * _share(loss_share)


def decide(
    probability: float,
    moving_cost: float,
    goods_value: float,
    loss_share: float = 1.0,
) -> dict[str, float | str]:
    """Move or stay for one flood chance, ONE cost and ONE value (a what-if).

    Keys: ``probability``, ``moving_cost``, ``goods_value``, ``loss_share``,
    ``expected_loss``, ``break_even`` (p*), ``advantage`` (expected loss minus moving
    cost: what moving is worth on average; negative if staying is cheaper) and
    ``decision`` ("move", "stay" or "either"). For the case's ranges use ``decide_band``.
    """
    p = _probability(probability)
    cost = _cost(moving_cost)
    goods = _goods(goods_value)
    share = _share(loss_share)
    loss = p * goods * share
    advantage = loss - cost
    tolerance = 1e-9 * max(1.0, cost)
    decision = "move" if advantage > tolerance else "stay" if advantage < -tolerance else "either"
    return {
        "probability": p,
        "moving_cost": cost,
        "goods_value": goods,
        "loss_share": share,
        "expected_loss": loss,
        "break_even": cost / (goods * share),
        "advantage": advantage,
        "decision": decision,
    }


def decide_band(
    probability: float = BASE_RATE,
    moving_cost: float | Sequence[float] = MOVING_COST_RANGE,
    goods_value: float | Sequence[float] = GOODS_VALUE_RANGE,
    loss_share: float = 1.0,
) -> dict[str, Any]:
    """Move or stay when cost and value are ranges: the case as the source gives it.

    ``decision`` is "move" when the chance is above the whole break-even band (moving pays
    whatever the exact amounts), "stay" when it is below the whole band, and "depends" when
    it lies inside the band (the answer turns on amounts the source does not give exactly).
    Keys: ``probability``, ``moving_cost`` and ``goods_value`` (each a [lowest, highest]
    list), ``loss_share``, ``break_even_low``, ``break_even_high``, ``expected_loss`` (a
    [lowest, highest] list) and ``decision``. The default chance is the yearly base rate of
    a 1-in-50-year storm, a reference mark only (see the module's docstring).
    """
    p = _probability(probability)
    cost = _range(moving_cost, "Moving cost", _cost)
    goods = _range(goods_value, "Value of the goods", _goods)
    share = _share(loss_share)
    low, high = cost[0] / (goods[1] * share), cost[1] / (goods[0] * share)
    if p > high * (1 + 1e-9) + _TOLERANCE:
        decision = "move"
    elif p < low * (1 - 1e-9) - _TOLERANCE:
        decision = "stay"
    elif low == high:
        decision = "either"
    else:
        decision = "depends"
    return {
        "probability": p,
        "moving_cost": list(cost),
        "goods_value": list(goods),
        "loss_share": share,
        "break_even_low": low,
        "break_even_high": high,
        "expected_loss": [p * goods[0] * share, p * goods[1] * share],
        "decision": decision,
    }


def decision_curve(
    moving_cost: float,
    goods_value: float,
    loss_share: float = 1.0,
    probabilities: Sequence[float] | None = None,
) -> list[dict]:
    """Expected loss against one moving cost for a range of flood chances (for charts).

    One record per probability (default 0 to 10 % in steps of 0.1 point) with
    ``probability``, ``expected_loss``, ``moving_cost`` and ``decision``.
    """
    cost = _cost(moving_cost)
    goods = _goods(goods_value)
    share = _share(loss_share)
    if probabilities is None:
        grid = [i / 1000 for i in range(101)]
    else:
        if isinstance(probabilities, (str, bytes)) or not isinstance(probabilities, Sequence):
            raise TypeError(
                "probabilities must be a list of chances such as [0.01, 0.02]; "
                f"got {type(probabilities).__name__}."
            )
        if len(probabilities) == 0:
            raise ModelInputError(
                "probabilities is empty; give at least one chance such as [0.02]."
            )
        grid = [_probability(p) for p in probabilities]
    rows = []
    for p in grid:
        loss = p * goods * share
        decision = "move" if loss > cost else "stay" if loss < cost else "either"
        rows.append(
            {"probability": p, "expected_loss": loss, "moving_cost": cost, "decision": decision}
        )
    return rows


def scenarios(
    probability: float = BASE_RATE,
    moving_cost: float | Sequence[float] = MOVING_COST_RANGE,
) -> list[dict]:
    """The advised customer's goods and the other customer's cement under the same storm.

    One record per customer with the break-even band and the decision of ``decide_band``. The
    other customer's moving cost is not in the source; the scenario assumes the same range
    as the advised customer's (1万多), which gives his band 0.5 % to 2.0 %.
    """
    rows = []
    for label, goods in (
        ("advised customer (goods saved)", GOODS_VALUE_RANGE),
        ("other customer (cement lost)", OTHER_CUSTOMER_LOSS_RANGE),
    ):
        result = decide_band(probability, moving_cost, goods)
        rows.append(
            {
                "scenario": label,
                "goods_low": result["goods_value"][0],
                "goods_high": result["goods_value"][1],
                "break_even_low": result["break_even_low"],
                "break_even_high": result["break_even_high"],
                "decision": result["decision"],
            }
        )
    return rows


def _pct(share: float) -> str:
    return f"{share:.1%}" if share < 1 else "100% or more"


def summary(result: dict) -> str:
    """A ``decide_band`` (or ``decide``) result in words: the break-even band and the verdict."""
    if not isinstance(result, dict) or not ("break_even_low" in result or "break_even" in result):
        raise TypeError("Expected the dictionary returned by decide_band() or decide().")
    if "break_even" in result:  # a single what-if from decide(): a band of width 0
        cost = (float(result["moving_cost"]),) * 2
        goods = (float(result["goods_value"]),) * 2
        low = high = float(result["break_even"])
        loss = (float(result["expected_loss"]),) * 2
        decision = result["decision"]
    else:
        cost, goods = result["moving_cost"], result["goods_value"]
        low, high = float(result["break_even_low"]), float(result["break_even_high"])
        loss = result["expected_loss"]
        decision = result["decision"]
    p, share = float(result["probability"]), float(result["loss_share"])
    at_risk = _money(goods[0] * share, goods[1] * share)
    if low >= 1:
        head = (
            f"Moving costs {_money(*cost)}, at least as much as the {at_risk} a flood could "
            "destroy, so moving never pays."
        )
    elif low == high:
        head = (
            f"Moving costs {_money(*cost)} and protects goods worth {_money(*goods)}, so it "
            f"pays whenever the chance of a flood is above {_pct(low)} "
            "(moving cost ÷ value at risk)."
        )
    else:
        head = (
            f"Moving costs {_money(*cost)} and protects goods worth {_money(*goods)}, so the "
            f"break-even chance (moving cost ÷ value at risk) is not one number: it lies between "
            f"{_pct(low)} and {_pct(high)}, and moving pays whenever the chance of a flood is "
            "above it."
        )
    expected = _money(*loss)
    if decision == "move":
        verdict = (
            f" At a {p:.1%} chance the expected uninsured loss is {expected}, more than the "
            "moving cost"
            + (" whatever the exact amounts" if low != high else "")
            + ": move the goods."
        )
    elif decision == "stay":
        verdict = (
            f" At a {p:.1%} chance the expected loss is only {expected}, less than the moving "
            "cost: on average staying is cheaper, but a flood would still cost the owner "
            f"{at_risk}."
        )
    elif decision == "depends":
        verdict = (
            f" A {p:.1%} chance lies inside that band, so whether moving pays on average turns "
            'on amounts the source gives only as "more than".'
        )
    else:
        verdict = f" At a {p:.1%} chance moving and staying cost the same on average."
    return (
        head
        + verdict
        + " The loss would have been the customer's alone; the supplier's advice protected it."
    )


def run(**values: Any) -> dict[str, Any]:
    """The model at these settings (``PARAMS`` names; the rest at the case), as plain data.

    The entry point the explorer and the live page share: the ``decide_band`` result for the
    chance, the share lost and both ranges, plus its ``summary``.
    """
    s = {**defaults(PARAMS), **check_all(PARAMS, values)}
    result = decide_band(
        s["probability"],
        [s["cost_low"], s["cost_high"]],
        [s["value_low"], s["value_high"]],
        s["loss_share"],
    )
    return {**result, "summary": summary(result)}
