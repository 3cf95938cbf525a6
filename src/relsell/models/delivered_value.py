"""Customer delivered value: why a buyer chooses one offer over another (chapter 3).

The source measures what relationship marketing creates for the customer with one idea,
*customer delivered value* (让渡价值): the difference between the **total customer value**
a buyer expects from an offer and the **total customer cost** of getting it,

    delivered value = total customer value - total customer cost.

A buyer is assumed to choose the offer with the larger delivered value. The ratio form,
``total value / total cost``, answers a slightly different question ("how much value per
unit of cost?") and can rank two offers differently; the module computes both so students
can see when they disagree.

The source gives only the difference. The four value parts (product, services, personnel,
image) and four cost parts (money, time, energy, psychic cost) are the usual textbook
breakdown (Kotler), added here as a supplement. The default offers put the Lexus case into
these parts; every amount is an assumption of the course, in thousand US dollars as the
buyer perceives them, not a figure from the source.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from ..checks import ModelInputError, records
from ..params import Param, check_all, defaults

__all__ = [
    "PARAMS",
    "VALUE_PARTS",
    "COST_PARTS",
    "LABELS",
    "Offer",
    "lexus_offers",
    "total_value",
    "total_cost",
    "delivered_value",
    "value_ratio",
    "compare_offers",
    "price_cut_to_match",
    "offer_fields",
    "summary",
    "run",
]

VALUE_PARTS = ("product", "services", "personnel", "image")
COST_PARTS = ("money", "time", "energy", "psychic")
LABELS = {
    "product": "product value",
    "services": "services value",
    "personnel": "personnel value",
    "image": "image value",
    "money": "money (price)",
    "time": "time cost",
    "energy": "energy (effort) cost",
    "psychic": "psychic cost",
}
MAX_AMOUNT = 100_000.0
_UNIT = "thousand USD"
_HINT = "Enter what the buyer feels this part is worth, in thousand USD, 0 or more."
_COST_HINT = "Enter what this part costs the buyer, in thousand USD, 0 or more."

# One declaration per part of an offer: ``Offer`` checks its amounts with these (its name
# added to the label), and the explorer's two columns of controls are made from them.
PART_PARAMS = {
    part: Param(
        part,
        LABELS[part],
        default=0.0,
        minimum=0,
        maximum=MAX_AMOUNT,
        high=100,
        step=1,
        hint=_HINT if part in VALUE_PARTS else _COST_HINT,
    )
    for part in VALUE_PARTS + COST_PARTS
}


@dataclass(frozen=True)
class Offer:
    """One offer as a buyer sees it: four parts of value and four parts of cost.

    Every amount is in thousand USD as the buyer perceives it (0 or more). Time, energy
    and psychic cost are the buyer's own costs turned into money: the hours spent waiting,
    the effort of dealing with the seller, the worry and irritation of poor treatment.
    """

    name: str = "Offer"
    product: float = 0.0
    services: float = 0.0
    personnel: float = 0.0
    image: float = 0.0
    money: float = 0.0
    time: float = 0.0
    energy: float = 0.0
    psychic: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ModelInputError(
                f"An offer needs a name such as 'Lexus dealer'; got {self.name!r}."
            )
        object.__setattr__(self, "name", self.name.strip())
        for part, param in PART_PARAMS.items():
            named = replace(param, label=f"{self.name}: {param.label}")
            object.__setattr__(self, part, named.check(getattr(self, part)))

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def lexus_offers() -> tuple[Offer, Offer]:
    """The default pair: a Lexus dealer against a rival luxury-car dealer.

    Course assumptions shaped by the case, not source figures. The rival's car and image are
    rated a little higher and its price a little higher too; the Lexus dealer wins on the
    parts the case stresses: service (diagnosis centre, "the perfect recall"), personnel
    (courteous reps, 90-minute presentations) and lower time and psychic cost for the buyer.
    """
    lexus = Offer(
        name="Lexus dealer",
        product=40,
        services=10,
        personnel=8,
        image=7,
        money=38,
        time=2,
        energy=1,
        psychic=1,
    )
    rival = Offer(
        name="Rival dealer",
        product=42,
        services=5,
        personnel=3,
        image=8,
        money=40,
        time=4,
        energy=2,
        psychic=3,
    )
    return lexus, rival


def _offer_params() -> tuple[Param, ...]:
    """The explorer's settings: the two names, then each part for the first and second offer.

    In that order a two-column grid shows the first offer on the left, the second on the right.
    """
    lexus, rival = lexus_offers()
    names = (
        Param("a_name", "First offer", "text", default=lexus.name, hint="Give the offer a name."),
        Param("b_name", "Second offer", "text", default=rival.name, hint="Give the offer a name."),
    )
    parts = tuple(
        replace(param, name=f"{prefix}_{part}", default=float(getattr(offer, part)))
        for part, param in PART_PARAMS.items()
        for prefix, offer in (("a", lexus), ("b", rival))
    )
    return names + parts


PARAMS = _offer_params()


def _check_offer(offer: object) -> Offer:
    if not isinstance(offer, Offer):
        raise TypeError(
            f"Expected an Offer(name=..., product=..., money=...); got {type(offer).__name__}."
        )
    return offer


def total_value(offer: Offer) -> float:
    """Total customer value: everything the buyer expects to gain from the offer."""
    o = _check_offer(offer)
    return float(sum(getattr(o, part) for part in VALUE_PARTS))


def total_cost(offer: Offer) -> float:
    """Total customer cost: the price plus the buyer's time, energy and psychic costs."""
    o = _check_offer(offer)
    return float(sum(getattr(o, part) for part in COST_PARTS))


def delivered_value(offer: Offer) -> float:
    """Customer delivered value = total customer value - total customer cost."""
    return total_value(offer) - total_cost(offer)


def value_ratio(offer: Offer) -> float:
    """The ratio form: total customer value per unit of total customer cost."""
    cost = total_cost(offer)
    if cost == 0:
        raise ModelInputError(
            f"{offer.name}: the ratio form needs a total cost above 0; every cost part is 0. "
            "Enter at least the price (money)."
        )
    return total_value(offer) / cost


def compare_offers(first: Offer | None = None, second: Offer | None = None) -> list[dict]:
    """One record per offer: its eight parts, the totals, delivered value and the ratio.

    Without arguments the two Lexus-case offers are compared. The ratio is None for an
    offer whose total cost is 0 (the difference form still works).
    """
    default_first, default_second = lexus_offers()
    offers = [
        _check_offer(default_first if first is None else first),
        _check_offer(default_second if second is None else second),
    ]
    if offers[0].name == offers[1].name:
        raise ModelInputError(
            f"Give the two offers different names; both are called {offers[0].name!r}."
        )
    rows = []
    for o in offers:
        cost = total_cost(o)
        rows.append(
            {
                "offer": o.name,
                **{part: getattr(o, part) for part in VALUE_PARTS + COST_PARTS},
                "total_value": total_value(o),
                "total_cost": cost,
                "delivered_value": delivered_value(o),
                "value_ratio": value_ratio(o) if cost > 0 else None,
            }
        )
    return rows


def _check_table(table: object) -> list[dict]:
    needed = ("offer", "total_value", "total_cost", "delivered_value", "value_ratio")
    rows = records(table, needed, what="the two-row table from compare_offers()")
    if len(rows) != 2:
        raise ModelInputError(
            f"Expected the two-row table from compare_offers(); it has {len(rows)} rows."
        )
    return rows


def _ratio(row: dict) -> float | None:
    """The row's value ratio, or None where there is none (None, or NaN from a DataFrame)."""
    ratio = row["value_ratio"]
    return None if ratio is None or math.isnan(ratio) else float(ratio)


def price_cut_to_match(table: list[dict]) -> float:
    """How much the weaker offer must cut its price to equal the stronger one's delivered value.

    In thousand USD; 0 when the two offers already deliver the same value.
    """
    values = [float(row["delivered_value"]) for row in _check_table(table)]
    return max(values) - min(values)


def _amount(value: float) -> str:
    """An amount with one decimal at most: 23 -> "23 thousand USD", 2.5 -> "2.5 ..."."""
    sign = "−" if value < 0 else ""
    text = f"{abs(value):,.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return f"{sign}{text} {_UNIT}"


def summary(table: list[dict]) -> str:
    """Which offer delivers more value, by how much, and whether the ratio form agrees."""
    a, b = _check_table(table)
    parts = [
        f"{row['offer']}: total value {_amount(row['total_value'])}, total cost "
        f"{_amount(row['total_cost'])}, delivered value {_amount(row['delivered_value'])}"
        for row in (a, b)
    ]
    first = "; ".join(parts) + "."
    gap = float(a["delivered_value"] - b["delivered_value"])
    if abs(gap) < 1e-9:
        verdict = (
            " Both offers deliver the same value: the buyer has no value reason to prefer one."
        )
        return first + verdict
    best, other = (a, b) if gap > 0 else (b, a)
    verdict = (
        f" The buyer should prefer {best['offer']}, which delivers {_amount(abs(gap))} more; "
        f"{other['offer']} would have to cut its price by {_amount(abs(gap))} to draw level."
    )
    ratio_a, ratio_b = _ratio(a), _ratio(b)
    if ratio_a is None or ratio_b is None:
        ratio_note = " The ratio form cannot be used, because one offer costs nothing."
    elif ratio_a == ratio_b:
        ratio_note = " The ratio form rates both offers equally."
    else:
        ratio_best, high, low = (
            (a, ratio_a, ratio_b) if ratio_a > ratio_b else (b, ratio_b, ratio_a)
        )
        if ratio_best is best:
            ratio_note = (
                f" The ratio form agrees ({high:.2f} against {low:.2f} units of value per unit "
                "of cost)."
            )
        else:
            ratio_note = (
                f" The ratio form disagrees: {ratio_best['offer']} gives more value per unit of "
                f"cost ({high:.2f} against {low:.2f}), although it delivers less in total."
            )
    return first + verdict + ratio_note


def offer_fields() -> list[str]:
    """The names of the eight amounts of an Offer, in the order of the chart and widget."""
    return [f.name for f in fields(Offer) if f.name != "name"]


def run(**values: Any) -> dict[str, Any]:
    """Two offers at these settings (``PARAMS``: ``a_*`` the first, ``b_*`` the second).

    ``table``: the two records of ``compare_offers``; ``price_cut``: what the weaker offer must
    cut (thousand USD); ``best_offer``: the name of the offer that delivers more (None when
    equal); ``summary``.
    """
    settings = {**defaults(PARAMS), **values}
    # Offer checks first, so a message names the offer ("Lexus dealer: money (price) ...").
    first, second = (
        Offer(
            name=settings[f"{prefix}_name"],
            **{part: settings[f"{prefix}_{part}"] for part in VALUE_PARTS + COST_PARTS},
        )
        for prefix in ("a", "b")
    )
    check_all(PARAMS, values)  # an unknown setting is named
    table = compare_offers(first, second)
    cut = price_cut_to_match(table)
    best = max(table, key=lambda row: row["delivered_value"])["offer"] if cut > 0 else None
    return {"table": table, "price_cut": cut, "best_offer": best, "summary": summary(table)}
