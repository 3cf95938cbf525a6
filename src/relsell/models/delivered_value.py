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

from dataclasses import asdict, dataclass, fields

import pandas as pd

from ..checks import ModelInputError, number

__all__ = [
    "VALUE_PARTS",
    "COST_PARTS",
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
        for part in VALUE_PARTS + COST_PARTS:
            hint = _HINT if part in VALUE_PARTS else _COST_HINT
            checked = number(
                f"{self.name}: {LABELS[part]}",
                getattr(self, part),
                minimum=0,
                maximum=MAX_AMOUNT,
                hint=hint,
            )
            object.__setattr__(self, part, checked)

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


def compare_offers(first: Offer | None = None, second: Offer | None = None) -> pd.DataFrame:
    """One row per offer: its eight parts, the totals, delivered value and the ratio.

    Without arguments the two Lexus-case offers are compared. The ratio is NaN for an
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
                "value_ratio": value_ratio(o) if cost > 0 else float("nan"),
            }
        )
    return pd.DataFrame(rows)


def _check_table(table: object) -> pd.DataFrame:
    needed = {"offer", "total_value", "total_cost", "delivered_value", "value_ratio"}
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"Expected the table from compare_offers(); got {type(table).__name__}.")
    missing = needed - set(table.columns)
    if missing or len(table) != 2:
        raise ValueError(
            "Expected the two-row table from compare_offers(); "
            + (f"missing columns {sorted(missing)}." if missing else f"it has {len(table)} rows.")
        )
    return table


def price_cut_to_match(table: pd.DataFrame) -> float:
    """How much the weaker offer must cut its price to equal the stronger one's delivered value.

    In thousand USD; 0 when the two offers already deliver the same value.
    """
    t = _check_table(table)
    values = t["delivered_value"].astype(float)
    return float(values.max() - values.min())


def _amount(value: float) -> str:
    """An amount with one decimal at most: 23 -> "23 thousand USD", 2.5 -> "2.5 ..."."""
    sign = "−" if value < 0 else ""
    text = f"{abs(value):,.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return f"{sign}{text} {_UNIT}"


def summary(table: pd.DataFrame) -> str:
    """Which offer delivers more value, by how much, and whether the ratio form agrees."""
    t = _check_table(table).reset_index(drop=True)
    a, b = t.iloc[0], t.iloc[1]
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
    ratios = t["value_ratio"].astype(float)
    if ratios.isna().any():
        ratio_note = " The ratio form cannot be used, because one offer costs nothing."
    else:
        ratio_best = t.loc[ratios.idxmax(), "offer"]
        if ratios.iloc[0] == ratios.iloc[1]:
            ratio_note = " The ratio form rates both offers equally."
        elif ratio_best == best["offer"]:
            ratio_note = (
                f" The ratio form agrees ({best['value_ratio']:.2f} against "
                f"{other['value_ratio']:.2f} units of value per unit of cost)."
            )
        else:
            ratio_note = (
                f" The ratio form disagrees: {ratio_best} gives more value per unit of cost "
                f"({ratios.max():.2f} against {ratios.min():.2f}), "
                "although it delivers less in total."
            )
    return first + verdict + ratio_note


def offer_fields() -> list[str]:
    """The names of the eight amounts of an Offer, in the order of the chart and widget."""
    return [f.name for f in fields(Offer) if f.name != "name"]
