"""Move the goods or gamble? The decision behind chapter 5's typhoon case.

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
the chance that the storm floods the warehouse. The case gives ``C``, ``V`` and the other
customer's loss; ``p`` is not in the source, so every probability here is an assumption.

The selling point is not the arithmetic: the loss would have been the customer's alone, and
the supplier paid for the manager's trip to protect it. That care is what the customer
remembered ("you treated me as family").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .cases import fact
from .checks import fraction, number

__all__ = [
    "MOVING_COST",
    "GOODS_VALUE",
    "OTHER_CUSTOMER_LOSS",
    "FLOOD_PROBABILITY",
    "break_even_probability",
    "expected_loss",
    "decide",
    "decision_curve",
    "scenarios",
    "summary",
]

# The case's figures, all "more than" amounts in an unstated currency (read as lower bounds).
MOVING_COST = float(fact("typhoon", "moving_cost"))
GOODS_VALUE = float(fact("typhoon", "goods_saved"))
OTHER_CUSTOMER_LOSS = float(fact("typhoon", "other_customer_loss"))
# Course assumption, not a source figure: "a typhoon not seen for 50 years" read as a
# 1-in-50 (2 %) chance. After an emergency warning the real chance was surely higher.
FLOOD_PROBABILITY = 1 / fact("typhoon", "storm_rarity_years")

_MONEY = "Enter an amount of money (the case's currency is not stated; read it as yuan)."
_MAX_MONEY = 1e12


def _cost(value: object) -> float:
    return number("Moving cost", value, minimum=0, maximum=_MAX_MONEY, hint=_MONEY)


def _goods(value: object) -> float:
    goods = number("Value of the goods", value, minimum=0, maximum=_MAX_MONEY, hint=_MONEY)
    if goods == 0:
        raise ValueError(
            "Value of the goods must be more than 0; got 0. With nothing in the warehouse "
            "there is no decision to make. " + _MONEY
        )
    return goods


def _share(value: object) -> float:
    share = fraction(
        "Share of the goods lost in a flood",
        value,
        hint="1 means everything is lost, as with the other customer's cement.",
    )
    if share == 0:
        raise ValueError(
            "Share of the goods lost in a flood must be more than 0; got 0. If a flood "
            "destroys nothing, moving never pays. Enter a share such as 1 (all lost)."
        )
    return share


def _probability(value: object) -> float:
    return fraction(
        "Flood probability",
        value,
        hint="It is the chance that the storm floods the warehouse, e.g. 0.02 for 2 %.",
    )


def break_even_probability(
    moving_cost: float = MOVING_COST,
    goods_value: float = GOODS_VALUE,
    loss_share: float = 1.0,
) -> float:
    """The flood chance above which moving is cheaper than the expected loss: C / (V * s).

    At the case's lower bounds, 10,000 / 600,000 = 1.67 %: a risk the customer thought
    negligible was already enough to justify the move. The result can exceed 1, which means
    moving costs more than the goods could ever lose.
    """
    return _cost(moving_cost) / (_goods(goods_value) * _share(loss_share))


def expected_loss(
    probability: float = FLOOD_PROBABILITY,
    goods_value: float = GOODS_VALUE,
    loss_share: float = 1.0,
) -> float:
    """The uninsured loss to expect if the goods stay: p * V * s."""
    return _probability(probability) * _goods(goods_value) * _share(loss_share)


def decide(
    probability: float = FLOOD_PROBABILITY,
    moving_cost: float = MOVING_COST,
    goods_value: float = GOODS_VALUE,
    loss_share: float = 1.0,
) -> dict[str, float | str]:
    """Move or stay for one flood chance; the numbers behind the summary sentence.

    Keys: ``probability``, ``moving_cost``, ``goods_value``, ``loss_share``,
    ``expected_loss``, ``break_even`` (p*), ``advantage`` (expected loss minus moving
    cost: what moving is worth on average; negative if staying is cheaper) and
    ``decision`` ("move", "stay" or "either").
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


def decision_curve(
    moving_cost: float = MOVING_COST,
    goods_value: float = GOODS_VALUE,
    loss_share: float = 1.0,
    probabilities: Sequence[float] | None = None,
) -> pd.DataFrame:
    """Expected loss against moving cost for a range of flood chances (for the chart).

    One row per probability (default 0 to 10 % in steps of 0.1 point) with
    ``expected_loss``, ``moving_cost`` and ``decision``.
    """
    cost = _cost(moving_cost)
    goods = _goods(goods_value)
    share = _share(loss_share)
    if probabilities is None:
        grid = np.round(np.linspace(0.0, 0.10, 101), 6)
    else:
        if isinstance(probabilities, (str, bytes)) or not isinstance(probabilities, Sequence):
            raise TypeError(
                "probabilities must be a list of chances such as [0.01, 0.02]; "
                f"got {type(probabilities).__name__}."
            )
        if len(probabilities) == 0:
            raise ValueError("probabilities is empty; give at least one chance such as [0.02].")
        grid = np.array([_probability(p) for p in probabilities], dtype=float)
    loss = grid * goods * share
    decision = np.where(loss > cost, "move", np.where(loss < cost, "stay", "either"))
    return pd.DataFrame(
        {"probability": grid, "expected_loss": loss, "moving_cost": cost, "decision": decision}
    )


def scenarios(
    probability: float = FLOOD_PROBABILITY, moving_cost: float = MOVING_COST
) -> pd.DataFrame:
    """The advised customer's goods and the other customer's cement under the same storm.

    The other customer's moving cost is not in the source; the scenario assumes it equals
    the advised customer's (more than 10,000), which makes its break-even chance 1 %.
    """
    rows = []
    for label, goods in (
        ("advised customer (goods saved)", GOODS_VALUE),
        ("other customer (cement lost)", OTHER_CUSTOMER_LOSS),
    ):
        result = decide(probability, moving_cost, goods)
        rows.append({"scenario": label, **result})
    return pd.DataFrame(rows)


def summary(result: dict[str, float | str]) -> str:
    """A ``decide`` result in words, with the break-even chance and the seller's role."""
    if not isinstance(result, dict) or "break_even" not in result:
        raise TypeError("Expected the dictionary returned by decide().")
    p, be = float(result["probability"]), float(result["break_even"])
    cost, loss = float(result["moving_cost"]), float(result["expected_loss"])
    goods = float(result["goods_value"])
    head = (
        f"Moving costs {cost:,.0f} and protects goods worth {goods:,.0f}, so it pays "
        f"whenever the chance of a flood is above {be:.1%} (moving cost ÷ value at risk)."
    )
    if be >= 1:
        head = (
            f"Moving costs {cost:,.0f}, more than the {goods * float(result['loss_share']):,.0f} "
            "a flood could destroy, so moving never pays."
        )
    if result["decision"] == "move":
        times = f", {loss / cost:.1f} times the cost" if cost > 0 else " and moving is free"
        verdict = (
            f" At a {p:.1%} chance the expected uninsured loss is {loss:,.0f}{times}: "
            "move the goods."
        )
    elif result["decision"] == "stay":
        verdict = (
            f" At a {p:.1%} chance the expected loss is only {loss:,.0f}, less than the "
            f"moving cost: on average staying is cheaper, but a flood would still cost the "
            f"owner {goods * float(result['loss_share']):,.0f}."
        )
    else:
        verdict = f" At a {p:.1%} chance moving and staying cost the same on average."
    return (
        head
        + verdict
        + " The loss would have been the customer's alone; the supplier's advice protected it."
    )
