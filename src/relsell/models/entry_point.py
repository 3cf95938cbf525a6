"""Where to enter the customer organisation? The entry-point rules of chapter 6.

The first of the chapter's four steps is to choose an entry point (切入点). The source
names three routes and gives a rule for each:

* **top-down** (自上而下): the fastest and most effective route, but it needs a
  relationship at the top of the customer or someone who vouches for you (a sponsor,
  保荐者); "CEO to CEO" contact is often its most efficient form;
* **middle** (decision-makers and evaluators): the realistic route in most cases; the
  sales manager meets them as peers, and R&D staff or pre-sales engineers win the
  evaluators through technical exchange before the decision-makers are approached;
* **bottom-up** (自下而上, from the users): an option for a firm whose customer
  relationships are weak; it needs long patience and suits only a firm with excellent
  products and services, or at least a clear price–performance edge; if it succeeds,
  it gives the most stable relationship.

``advise`` turns those rules into a recommendation with the reasons in sentences that
cite them. The rules are the source's; their order of checking (top access first, then
the conditions for bottom-up, otherwise the middle) is our reading of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..params import Param, check_all

__all__ = ["PARAMS", "ROUTES", "ROUTE_LABELS", "EntryAdvice", "advise", "flag", "summary", "run"]

ROUTES = ("top-down", "middle", "bottom-up")
ROUTE_LABELS = {
    "top-down": "top-down (from the approver)",
    "middle": "middle (decision-makers and evaluators)",
    "bottom-up": "bottom-up (from the users)",
}


def _fact(name: str, question: str, default: bool = False) -> Param:
    return Param(
        name,
        question,
        "flag",
        default=default,
        hint="Answer with True or False (tick the box if it is true of the selling firm).",
    )


# The six yes/no facts the rules read, with the question each answers (the explorer's tick
# boxes). Defaults: a firm with no special access but engineers it can send.
PARAMS = (
    _fact("high_level_tie", "We have a relationship with their top management"),
    _fact("sponsor", "Someone the approver trusts will vouch for us"),
    _fact("technical_staff", "We can bring R&D staff or pre-sales engineers", True),
    _fact("weak_relationships", "Our relationships with this customer are weak"),
    _fact("product_edge", "Excellent product, or a clear price-performance edge"),
    _fact("patient", "We can afford a long campaign"),
)

_TRUE = {"true", "yes", "y", "1", "是", "有"}
_FALSE = {"false", "no", "n", "0", "否", "无", "没有"}


def flag(name: str, value: object) -> bool:
    """A yes/no answer; True/False is expected, and typed "yes" or "no" is explained."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        raise TypeError(
            f"{name} must be True or False; got the text {value!r}. "
            f"Write {value.strip().lower() in _TRUE} without quotes."
        )
    raise TypeError(
        f"{name} must be True or False; got {value!r} ({type(value).__name__}). "
        "Answer the question with True or False."
    )


@dataclass(frozen=True)
class EntryAdvice:
    """The recommended route, why, what to watch, and which conditions each route needs.

    ``conditions`` has one record per condition: ``route``, ``condition`` and ``met``.
    """

    route: str
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]
    conditions: list[dict]

    @property
    def label(self) -> str:
        return ROUTE_LABELS[self.route]

    def as_dict(self) -> dict:
        """Plain data (lists, not tuples), as ``run`` returns it."""
        return {
            "route": self.route,
            "label": self.label,
            "reasons": list(self.reasons),
            "cautions": list(self.cautions),
            "conditions": [dict(row) for row in self.conditions],
        }


def _conditions(
    top_access: bool, technical_staff: bool, weak: bool, edge: bool, patient: bool
) -> list[dict]:
    rows = [
        ("top-down", "tie at the top or a sponsor", top_access),
        ("middle", "peer standing with decision-makers", True),
        ("middle", "R&D or pre-sales engineers", technical_staff),
        ("bottom-up", "weak relationships elsewhere", weak),
        ("bottom-up", "excellent product or price-performance edge", edge),
        ("bottom-up", "patience for a long campaign", patient),
    ]
    return [{"route": r, "condition": c, "met": met} for r, c, met in rows]


def advise(
    high_level_tie: bool = False,
    sponsor: bool = False,
    technical_staff: bool = True,
    weak_relationships: bool = False,
    product_edge: bool = False,
    patient: bool = False,
) -> EntryAdvice:
    """Recommend an entry route from six yes/no facts about the selling firm.

    ``high_level_tie``: you (or your top leader) already have a relationship with the
    customer's top management. ``sponsor``: someone the approver trusts will vouch for
    you. ``technical_staff``: you can bring R&D staff or pre-sales engineers to technical
    exchanges. ``weak_relationships``: your firm has little relationship with this
    customer. ``product_edge``: excellent products and services, or at least a large
    price–performance advantage. ``patient``: you can afford a long campaign.
    """
    tie = flag("high_level_tie", high_level_tie)
    spon = flag("sponsor", sponsor)
    tech = flag("technical_staff", technical_staff)
    weak = flag("weak_relationships", weak_relationships)
    edge = flag("product_edge", product_edge)
    wait = flag("patient", patient)
    table = _conditions(tie or spon, tech, weak, edge, wait)
    reasons: list[str] = []
    cautions: list[str] = []

    if tie or spon:
        route = "top-down"
        have = (
            "a relationship at the top and a sponsor"
            if tie and spon
            else ("a relationship at the top" if tie else "a sponsor who can vouch for you")
        )
        reasons.append(
            "The chapter calls top-down the fastest and most effective route, and its one "
            f"condition is a tie at the top or someone to vouch for you: you have {have}."
        )
        reasons.append(
            "Once the approver supports you, use that vantage point to gather supporters "
            "lower down, keep most people neutral and discourage open opposition."
        )
        if tie:
            reasons.append(
                "If your own top leader can meet theirs, 'CEO to CEO' contact is often the "
                "most efficient form of this route."
            )
        else:
            cautions.append(
                "Entering through a sponsor, you must still earn the approver's own trust: "
                "promise that nothing in the sale will harm their standing, and bring the "
                "sponsor in at the right moment."
            )
        cautions.append(
            "Use the approver's support to win people over, never to pressure evaluators "
            "or bypass the customer's purchasing rules."
        )
    elif weak and edge and wait:
        route = "bottom-up"
        reasons.append(
            "Your relationships with this customer are weak and you have no way in at the "
            "top, which is the case for which the chapter offers the bottom-up route."
        )
        reasons.append(
            "It suits only a firm with excellent products and services or a clear "
            "price–performance edge, and it needs long patience: you have both."
        )
        reasons.append(
            "If it succeeds it gives the most stable relationship, because wide acceptance "
            "by the users lowers the risk and responsibility of the managers who decide."
        )
        cautions.append("Expect a long campaign: work your way up from the users patiently.")
    else:
        route = "middle"
        reasons.append(
            "Without a tie at the top or a sponsor, the chapter finds the middle level "
            "(decision-makers and evaluators) the realistic entry in most cases: you meet "
            "them as peers."
        )
        if tech:
            reasons.append(
                "Bring R&D staff or pre-sales engineers to technical exchanges: evaluators "
                "gain nothing directly from the purchase and value professional respect, so "
                "technical ideas win them; through them, reach the decision-makers."
            )
        else:
            cautions.append(
                "The middle route works best through technical exchange with the evaluators; "
                "without R&D staff or pre-sales engineers, plan how you will earn their respect."
            )
        if weak and not edge:
            cautions.append(
                "Bottom-up is not an option for you: the chapter reserves it for firms with "
                "excellent products and services or a clear price–performance edge."
            )
        elif weak and edge and not wait:
            cautions.append(
                "Your product would suit the bottom-up route, but it needs long patience, "
                "which you said you cannot afford."
            )
    return EntryAdvice(route, tuple(reasons), tuple(cautions), table)


def summary(advice: EntryAdvice) -> str:
    """The advice in words: route, reasons, cautions."""
    if not isinstance(advice, EntryAdvice):
        raise TypeError(f"Expected the result of advise(); got {type(advice).__name__}.")
    text = f"Suggested entry point: {advice.label}. " + " ".join(advice.reasons)
    if advice.cautions:
        text += " Watch out: " + " ".join(advice.cautions)
    return text


def run(**values: Any) -> dict[str, Any]:
    """The advice for these facts (``PARAMS`` names; the rest at their defaults), as plain data:
    ``route``, ``label``, ``reasons``, ``cautions``, ``conditions`` (records) and ``summary``.
    """
    if set(values) - {p.name for p in PARAMS}:
        check_all(PARAMS, values)  # names the unknown setting(s)
    advice = advise(**values)
    return {**advice.as_dict(), "summary": summary(advice)}
