"""Loyalty or inertia? Involvement theory as a 2 x 2 sorter (chapter 3).

Involvement theory (涉入理论; Sherif and Cantril, 1947) gave consumer research its key
distinction: a customer who keeps buying the same brand under **high involvement** shows
*brand loyalty* (品牌忠诚); one who keeps buying it under **low involvement**, out of habit
and convenience and without a strong preference, shows *brand inertia* (品牌惰性). Both look
the same in the sales records (repeat purchases); only involvement tells them apart, and
only the loyal customer is hard for a rival to take.

The two cells the source names need repeat purchase. The course adds the two cells without
repeat purchase ("uncommitted searcher", "indifferent switcher") so that every customer can
be sorted; they are marked ``in_source = False``. The measuring scales and cut-offs are course
assumptions: involvement on a 1-7 scale (high above 4, the neutral midpoint) and repeat
purchase as the share of the customer's recent purchases in the category that went to the
same brand or supplier (repeat from 0.5).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..checks import records
from ..params import Param, check_all, defaults

__all__ = [
    "PARAMS",
    "INVOLVEMENT_MIN",
    "INVOLVEMENT_MAX",
    "INVOLVEMENT_CUT",
    "REPEAT_CUT",
    "SEGMENTS",
    "Classification",
    "classify",
    "sample_customers",
    "classify_table",
    "summary",
    "run",
]

INVOLVEMENT_MIN, INVOLVEMENT_MAX = 1.0, 7.0
INVOLVEMENT_CUT = 4.0  # course assumption: above the neutral midpoint of 1-7 is "high"
REPEAT_CUT = 0.5  # course assumption: half or more of recent purchases with one brand
YOUR_CUSTOMER = "Your customer"

# One customer to place, and the two cut-offs that decide where "high" and "repeat" begin.
PARAMS = (
    Param(
        "name",
        "Customer",
        "text",
        default=YOUR_CUSTOMER,
        hint="Give the customer a name to find them on the chart.",
    ),
    Param(
        "involvement",
        "Involvement",
        default=3.0,
        minimum=INVOLVEMENT_MIN,
        maximum=INVOLVEMENT_MAX,
        step=0.5,
        unit="1 to 7",
        hint="Score it from 1 (the purchase means nothing to the customer) to 7 (it matters "
        "a great deal).",
    ),
    Param(
        "repeat_share",
        "Repeat share",
        "share",
        default=0.8,
        step=0.05,
        percent=True,
        hint="It is the share of the customer's recent purchases that went to the same brand.",
    ),
    Param(
        "involvement_cut",
        "Involvement cut-off",
        default=INVOLVEMENT_CUT,
        minimum=INVOLVEMENT_MIN,
        maximum=INVOLVEMENT_MAX,
        step=0.5,
        hint="Scores above the cut-off count as high involvement; 4 is the scale's midpoint.",
    ),
    Param(
        "repeat_cut",
        "Repeat cut-off",
        "share",
        default=REPEAT_CUT,
        low=0.05,
        step=0.05,
        percent=True,
        hint="It is the share of purchases with one brand from which we call it repeat "
        "purchase, such as 0.5.",
    ),
)
_PARAM = {p.name: p for p in PARAMS}

# (high involvement?, repeat purchase?) -> (segment, named in the source?)
SEGMENTS: dict[tuple[bool, bool], tuple[str, bool]] = {
    (True, True): ("brand loyalty", True),
    (False, True): ("brand inertia", True),
    (True, False): ("uncommitted searcher", False),
    (False, False): ("indifferent switcher", False),
}

_WHY = {
    "brand loyalty": (
        "buys the same brand again although the purchase matters to them and they weigh the "
        "choice: a real, strong preference"
    ),
    "brand inertia": (
        "buys the same brand again only out of habit and convenience; the purchase matters "
        "little to them and there is no strong preference behind it"
    ),
    "uncommitted searcher": (
        "cares about the purchase but has not settled on one brand: still comparing, and open "
        "to whoever serves them best"
    ),
    "indifferent switcher": (
        "neither cares much about the purchase nor sticks to a brand: buys whatever is at hand"
    ),
}
_ACTION = {
    "brand loyalty": (
        "keep satisfying them, show them their value and add unexpected extra services"
    ),
    "brand inertia": (
        "do not mistake the habit for loyalty: a rival who makes switching more convenient "
        "takes them; raise their involvement and satisfaction to move them towards loyalty"
    ),
    "uncommitted searcher": (
        "win them with clear value and attentive personal service; they are the prospects "
        "most worth a relationship effort"
    ),
    "indifferent switcher": (
        "serve them efficiently; a costly relationship programme is unlikely to pay here"
    ),
}


@dataclass(frozen=True)
class Classification:
    """The result for one customer: the cell, whether the source names it, and why."""

    involvement: float
    repeat_share: float
    high_involvement: bool
    repeat_purchase: bool
    segment: str
    in_source: bool
    reason: str
    action: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def classify(
    involvement: float,
    repeat_share: float,
    *,
    involvement_cut: float = INVOLVEMENT_CUT,
    repeat_cut: float = REPEAT_CUT,
) -> Classification:
    """Sort one customer into the 2 x 2 of involvement x repeat purchase.

    ``involvement`` is a score from 1 (the purchase means nothing to the customer) to 7 (it
    matters a great deal: they search, compare, care); ``repeat_share`` is the share (0 to 1)
    of their recent purchases in the category that went to the same brand or supplier.
    Involvement is high when the score is *above* the cut-off; purchase is repeat when the
    share is *at least* the repeat cut-off.
    """
    score = _PARAM["involvement"].check(involvement)
    share = _PARAM["repeat_share"].check(repeat_share)
    inv_cut = _PARAM["involvement_cut"].check(involvement_cut)
    rep_cut = _PARAM["repeat_cut"].check(repeat_cut)
    high = score > inv_cut
    repeat = share >= rep_cut
    segment, in_source = SEGMENTS[(high, repeat)]
    return Classification(
        involvement=score,
        repeat_share=share,
        high_involvement=high,
        repeat_purchase=repeat,
        segment=segment,
        in_source=in_source,
        reason=_WHY[segment],
        action=_ACTION[segment],
    )


def sample_customers() -> list[dict]:
    """Six described customers for students to sort (course examples, not from the source).

    One record per customer: ``customer``, ``description``, ``involvement``, ``repeat_share``.
    """
    rows = [
        (
            "Mr Li",
            "Compared luxury saloons for months, bought his third Lexus from the same dealer",
            6.5,
            1.0,
        ),
        (
            "Ms Zhou",
            "Has bought the same toothpaste for years because it sits at eye level by the till",
            2.0,
            0.9,
        ),
        (
            "Mrs Chen",
            "Keeps her salary account at the bank branch next to her flat; never thought of moving",
            2.5,
            1.0,
        ),
        (
            "Mr Wang",
            "Reads reviews for weeks before each laptop; his last three were three brands",
            6.0,
            0.2,
        ),
        (
            "Xiao Liu",
            "Buys whichever bottled water is cold in the nearest shop",
            1.5,
            0.2,
        ),
        (
            "Dr Zhang",
            "Hospital buyer: re-evaluates test kits every year and keeps choosing one supplier",
            6.0,
            0.8,
        ),
    ]
    keys = ("customer", "description", "involvement", "repeat_share")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def classify_table(
    customers: list[dict] | None = None,
    *,
    involvement_cut: float = INVOLVEMENT_CUT,
    repeat_cut: float = REPEAT_CUT,
) -> list[dict]:
    """Each customer's record with ``segment``, ``in_source`` and ``reason`` added.

    ``customers`` (records or a DataFrame; default: ``sample_customers()``) needs the keys
    ``customer``, ``involvement`` and ``repeat_share``; a bad row is reported with the
    customer's name.
    """
    table = sample_customers() if customers is None else customers
    rows = records(
        table,
        ("customer", "involvement", "repeat_share"),
        what="a table of customers with the columns customer, involvement and repeat_share",
    )
    out = []
    for row in rows:
        try:
            result = classify(
                row["involvement"],
                row["repeat_share"],
                involvement_cut=involvement_cut,
                repeat_cut=repeat_cut,
            )
        except (TypeError, ValueError) as problem:
            raise type(problem)(f"Customer {row['customer']!r}: {problem}") from None
        out.append(
            {
                **row,
                "segment": result.segment,
                "in_source": result.in_source,
                "reason": result.reason,
            }
        )
    return out


def summary(result: Classification, name: str = "This customer") -> str:
    """The classification in words: which cell, why, and what the seller should do."""
    if not isinstance(result, Classification):
        raise TypeError(f"Expected the result of classify(); got {type(result).__name__}.")
    if not isinstance(name, str) or not name.strip():
        name = "This customer"
    level = "high" if result.high_involvement else "low"
    buys = "repeat purchase" if result.repeat_purchase else "no repeat purchase"
    source = (
        "" if result.in_source else " (a course label; the source names only the two repeat cells)"
    )
    return (
        f"{name.strip()}: {level} involvement ({result.involvement:g} on 1-7) and {buys} "
        f"({result.repeat_share:.0%} with one brand), so {result.segment}{source}. "
        f"The customer {result.reason}. What to do: {result.action}."
    )


def run(**values: Any) -> dict[str, Any]:
    """One customer placed among the six sample customers, as plain data.

    ``customer``: the classification of the customer named ``name`` (a blank name becomes
    "Your customer"); ``table``: the sample customers and this one, classified with the same
    cut-offs; ``highlight``: the name to draw larger; ``summary``: the sentence for the explorer.
    """
    settings = {**defaults(PARAMS), **check_all(PARAMS, values)}
    label = settings["name"].strip() or YOUR_CUSTOMER
    cuts = {key: settings[key] for key in ("involvement_cut", "repeat_cut")}
    result = classify(settings["involvement"], settings["repeat_share"], **cuts)
    mine = {
        "customer": label,
        "description": "The customer you describe",
        "involvement": result.involvement,
        "repeat_share": result.repeat_share,
    }
    return {
        "customer": {"customer": label, **result.as_dict()},
        "table": classify_table([*sample_customers(), mine], **cuts),
        "highlight": label,
        **cuts,
        "summary": summary(result, label),
    }
