"""Outsider, friend, supplier or partner? Placing an account (chapter 6, view 4).

The source sorts customer relationships on two questions: is there a personal friendship
between salesperson and customer, and is there business between the two firms?

=================  =====================  ======================
                   no business            business
=================  =====================  ======================
no friendship      outsider (局外人)       supplier (供应商)
friendship         friend (朋友)           partner (合作伙伴)
=================  =====================  ======================

It also promises "two levels" but never names them. From its conclusion ("lift personal
relationships to organisational ones") the course reads them as a **personal** level (the
relationship rests on one person) and an **organisational** level (several people and formal
ties carry it). That reading is an interpretation (A-7), and so is the rule used here: a
relationship is organisational when at least two people at the customer trust your firm and
at least one organisational tie exists (a supply contract, technical service to the
customer's designers, third-party proof the customer has accepted, joint planning).

View 5 adds the three levels of relationship marketing, by what the business rests on:
level 1 price, level 2 personalised and personified service, level 3 mutual benefit,
complementarity and interdependence.
"""

from __future__ import annotations

from typing import Any

from ..errors import ModelInputError
from ..params import Param, check_all, defaults

__all__ = [
    "PARAMS",
    "TYPES",
    "BASES",
    "EXAMPLES",
    "relationship_type",
    "assess",
    "summary",
    "run",
]

# (friendship, business) -> type; Chinese names as printed in the source.
TYPES: dict[tuple[bool, bool], tuple[str, str]] = {
    (False, False): ("outsider", "局外人"),
    (True, False): ("friend", "朋友"),
    (False, True): ("supplier", "供应商"),
    (True, True): ("partner", "合作伙伴"),
}
# What the business rests on -> level of relationship marketing (view 5).
BASES: dict[str, int] = {"price": 1, "personalised service": 2, "interdependence": 3}
MAX_CONTACTS = 1000
MAX_TIES = 20

# The five questions about an account, declared once; the defaults are the course's reading of
# the A/B case (EXAMPLES["A and B (opening case)"]).
PARAMS = (
    Param(
        "friendship",
        "Friendship",
        "flag",
        default=True,
        hint="Is there a personal friendship between you and the customer's contact? "
        "Answer the question with True (yes) or False (no).",
    ),
    Param(
        "business",
        "Business",
        "flag",
        default=True,
        hint="Does the customer buy from your firm? "
        "Answer the question with True (yes) or False (no).",
    ),
    Param(
        "contacts",
        "Contacts",
        "whole",
        default=1,
        minimum=0,
        maximum=MAX_CONTACTS,
        high=10,
        hint="Enter how many people at the customer know and trust your firm (0 or more).",
    ),
    Param(
        "organisational_ties",
        "Organisational ties",
        "whole",
        default=0,
        minimum=0,
        maximum=MAX_TIES,
        high=5,
        hint="Count formal ties such as a contract or technical service (0 to 20).",
    ),
    Param(
        "basis",
        "Basis",
        "choice",
        default="price",
        choices=tuple(BASES),
        hint="It says what the customer's business rests on: the price, your personalised "
        "service, or mutual dependence.",
    ),
)
_P = {p.name: p for p in PARAMS}

# Worked readings of the chapter's cases (the course's reading, not the source's words).
EXAMPLES: dict[str, dict[str, Any]] = {
    "A and B (opening case)": {
        "friendship": True,
        "business": True,
        "contacts": 1,
        "organisational_ties": 0,
        "basis": "price",
    },
    "typhoon customer (after the storm)": {
        "friendship": True,
        "business": True,
        "contacts": 1,
        "organisational_ties": 1,
        "basis": "interdependence",
    },
    "new prospect (first visit)": {
        "friendship": False,
        "business": False,
        "contacts": 0,
        "organisational_ties": 0,
        "basis": "price",
    },
}

_NEXT: dict[str, str] = {
    "outsider": (
        "Build trust before business: an introduction by an acquaintance, repeated visits "
        "with a reason for each, confident answers, and third-party proof of your firm "
        "(test reports, reference users, site visits, ISO9000)."
    ),
    "friend": (
        "Turn trust into business on merit: win the first order on price-performance and "
        "solutions. Friendship alone must not decide a purchase; the buyer should declare it."
    ),
    "supplier": (
        "Add personal trust to the business: sincerity, kept promises, expert help with the "
        "customer's problems and a common language make you a partner, not a price list."
    ),
    "partner": "Keep it a partnership of firms.",
}


def _flag(name: str, value: object) -> bool:
    # like Param.check, plus the value's type and the question (a flag's hint)
    if not isinstance(value, bool):
        param = _P[name]
        raise TypeError(
            f"{param.label} must be True or False; got {value!r} ({type(value).__name__}). "
            f"{param.hint}"
        )
    return value


def relationship_type(friendship: bool, business: bool) -> str:
    """The source's four types: outsider, friend, supplier or partner."""
    return TYPES[(_flag("friendship", friendship), _flag("business", business))][0]


def _basis(value: object) -> str:
    # Forgiving where the Param is strict: "Price " and "Price" are read as "price".
    if not isinstance(value, str):
        raise TypeError(
            f"Basis must be text, one of {', '.join(BASES)}; got {value!r} "
            f"({type(value).__name__})."
        )
    key = value.strip().lower()
    if key not in BASES:
        raise ModelInputError(
            f"Basis must be one of {', '.join(BASES)}; got {value!r}. {_P['basis'].hint}"
        )
    return key


def assess(
    friendship: bool,
    business: bool,
    contacts: int = 1,
    organisational_ties: int = 0,
    basis: str = "price",
) -> dict[str, Any]:
    """Place an account on the grid and on both kinds of level, with risks and a next step.

    ``contacts`` counts the people at the customer who know and trust your firm;
    ``organisational_ties`` counts formal ties (contract, technical service to designers,
    accepted third-party proof, joint planning); ``basis`` says what the business rests
    on ("price", "personalised service" or "interdependence") and is ignored when there is
    no business. Returns ``type``, ``type_zh``, ``tie_level`` ("none", "personal" or
    ``organisational``), ``rm_level`` (1 to 3, or None without business), ``risks`` and
    ``next_step``.
    """
    friend = _flag("friendship", friendship)
    trade = _flag("business", business)
    people = _P["contacts"].check(contacts)
    ties = _P["organisational_ties"].check(organisational_ties)
    base = _basis(basis)
    kind, kind_zh = TYPES[(friend, trade)]
    if kind == "outsider" and people == 0 and ties == 0:
        tie_level = "none"
    elif people >= 2 and ties >= 1:
        tie_level = "organisational"
    else:
        tie_level = "personal"
    rm_level = BASES[base] if trade else None

    risks: list[str] = []
    if tie_level == "personal" and kind != "outsider":
        risks.append(
            "It rests on one person: a change of job, mood or mind on either side can end it "
            "(the source names environment, emotion, cognition and mobility)."
        )
    if friend and trade and people <= 1:
        risks.append(
            "Friendship and business run through the same person: if that person buys for an "
            "organisation, the friendship is a conflict of interest to declare, and the tie "
            "may not outlast that person."
        )
    if rm_level == 1:
        risks.append(
            "Business that rests on price is lost to the first rival who cuts it, and invites "
            "ultimatums."
        )
    step = _NEXT[kind]
    if kind == "partner":
        moves = []
        if tie_level != "organisational":
            moves.append(
                "lift it from persons to the organisation (widen the contacts, add "
                "organisational ties)"
            )
        if rm_level is not None and rm_level < 3:
            higher = " then ".join(k for k, v in BASES.items() if v > rm_level)
            moves.append(f"move the basis up from {base} to {higher}")
        step = (
            "Keep it a partnership of firms: " + "; ".join(moves) + "."
            if moves
            else "This is the strongest form the chapter describes: keep earning it by caring "
            "for the customer's interest, even where a loss would not be yours."
        )
    return {
        "type": kind,
        "type_zh": kind_zh,
        "friendship": friend,
        "business": trade,
        "contacts": people,
        "organisational_ties": ties,
        "tie_level": tie_level,
        "rm_level": rm_level,
        "risks": risks,
        "next_step": step,
    }


def summary(assessment: dict[str, Any]) -> str:
    """An ``assess`` result in words."""
    if not isinstance(assessment, dict) or "tie_level" not in assessment:
        raise TypeError("Expected the dictionary returned by assess().")
    kind = assessment["type"]
    article = "an" if kind[0] in "aeiou" else "a"
    level = {
        "none": "no relationship yet",
        "personal": "held at the personal level",
        "organisational": "held at the organisational level",
    }[assessment["tie_level"]]
    rm = assessment["rm_level"]
    basis = (
        "no business yet"
        if rm is None
        else f"relationship-marketing level {rm} ({[k for k, v in BASES.items() if v == rm][0]})"
    )
    risks = [r[0].lower() + r[1:] for r in assessment["risks"]]
    risk = f" Risks: {' Also, '.join(risks)}" if risks else ""
    return (
        f"This account is {article} {kind}, {level}, with {basis}.{risk} "
        f"Next: {assessment['next_step']}"
    )


def run(**values: Any) -> dict[str, Any]:
    """The model at these settings (``PARAMS`` names; the rest at the A/B case), as plain data.

    The entry point the explorer and the live page share: the ``assess`` result plus its
    ``summary``.
    """
    unknown = {k: v for k, v in values.items() if k not in _P}
    check_all(PARAMS, unknown)  # names the unknown settings; the values are checked by assess
    result = assess(**{**defaults(PARAMS), **values})
    return {**result, "summary": summary(result)}
