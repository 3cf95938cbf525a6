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

from dataclasses import dataclass

import pandas as pd

from ..checks import ModelInputError, fraction, number

__all__ = [
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
]

INVOLVEMENT_MIN, INVOLVEMENT_MAX = 1.0, 7.0
INVOLVEMENT_CUT = 4.0  # course assumption: above the neutral midpoint of 1-7 is "high"
REPEAT_CUT = 0.5  # course assumption: half or more of recent purchases with one brand

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


def _check_cuts(involvement_cut: object, repeat_cut: object) -> tuple[float, float]:
    inv_cut = number(
        "Involvement cut-off",
        involvement_cut,
        minimum=INVOLVEMENT_MIN,
        maximum=INVOLVEMENT_MAX,
        hint="Scores above the cut-off count as high involvement; 4 is the scale's midpoint.",
    )
    rep_cut = fraction(
        "Repeat cut-off",
        repeat_cut,
        hint="It is the share of purchases with one brand from which we call it repeat "
        "purchase, such as 0.5.",
    )
    return inv_cut, rep_cut


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
    score = number(
        "Involvement",
        involvement,
        minimum=INVOLVEMENT_MIN,
        maximum=INVOLVEMENT_MAX,
        hint="Score it from 1 (the purchase means nothing to the customer) to 7 (it matters "
        "a great deal).",
    )
    share = fraction(
        "Repeat share",
        repeat_share,
        hint="It is the share of the customer's recent purchases that went to the same brand.",
    )
    inv_cut, rep_cut = _check_cuts(involvement_cut, repeat_cut)
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


def sample_customers() -> pd.DataFrame:
    """Six described customers for students to sort (course examples, not from the source)."""
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
    return pd.DataFrame(rows, columns=["customer", "description", "involvement", "repeat_share"])


def classify_table(
    customers: pd.DataFrame | None = None,
    *,
    involvement_cut: float = INVOLVEMENT_CUT,
    repeat_cut: float = REPEAT_CUT,
) -> pd.DataFrame:
    """Add ``segment``, ``in_source`` and ``reason`` to a table of customers.

    The table needs the columns ``customer``, ``involvement`` and ``repeat_share``; a bad
    row is reported with the customer's name.
    """
    table = sample_customers() if customers is None else customers
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            "Expected a table (pandas DataFrame) with the columns customer, involvement and "
            f"repeat_share; got {type(table).__name__}."
        )
    missing = {"customer", "involvement", "repeat_share"} - set(table.columns)
    if missing:
        raise ModelInputError(f"The customer table is missing the columns {sorted(missing)}.")
    if table.empty:
        raise ModelInputError("The customer table is empty; add at least one customer.")
    results = []
    for _, row in table.iterrows():
        try:
            results.append(
                classify(
                    row["involvement"],
                    row["repeat_share"],
                    involvement_cut=involvement_cut,
                    repeat_cut=repeat_cut,
                )
            )
        except (TypeError, ValueError) as problem:
            raise type(problem)(f"Customer {row['customer']!r}: {problem}") from None
    out = table.copy()
    out["segment"] = [r.segment for r in results]
    out["in_source"] = [r.in_source for r in results]
    out["reason"] = [r.reason for r in results]
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
