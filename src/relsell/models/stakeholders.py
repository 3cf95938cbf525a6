"""Who buys, who backs you, who stands against you? The stakeholder map of chapter 6.

In organisational selling the customer relationship is a relationship with people: each
has a *role* in the buying decision (approver, decision-maker, evaluator, user, and the
sponsor who vouches for the seller) and a *stance* towards the seller (good friend or
ally, supporter, neutral, opponent, enemy). The chapter's advice follows from the map:

* success means support outweighs opposition, so count both, weighted by how much each
  person can sway the decision;
* plan to strengthen support, weaken opposition and win over neutrals (the "brocade
  bags", 锦囊);
* move through four steps: choose the entry point, seek a support point, expand the
  support surface, strive for the sale; and keep only one or two good friends.

A student fills in a table (one row per person: ``name``, ``role``, ``stance``,
``influence`` from 0 to 10), as a list of dictionaries or a pandas DataFrame;
``stakeholder_map`` checks it and returns one record (dictionary) per person, ``balance``
scores it and ``assess`` says which situation it is, which step comes next and why.
Chinese role, stance and column names are accepted through the mappings below. ``run``
reads one of the course's scenarios with any stances and influences a student changes.

The numeric scale is the course's assumption, not the source's: stances count +2, +1, 0,
-1, -2 and each role's influence is weighted by ``ROLE_WEIGHTS``; the source only says
that roles differ in function and influence and ranks them from approver to user.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..checks import ModelInputError, number, records, whole_number
from ..params import Param, check_all
from . import entry_point
from ._case import fact

__all__ = [
    "PARAMS",
    "PAIRS_PARAMS",
    "ROLES",
    "STANCES",
    "ROLE_ALIASES",
    "STANCE_ALIASES",
    "COLUMN_ALIASES",
    "ROLE_WEIGHTS",
    "STANCE_VALUES",
    "STEPS",
    "MAX_INFLUENCE",
    "Balance",
    "Assessment",
    "stakeholder_map",
    "balance",
    "situation",
    "assess",
    "summary",
    "interest_pairs",
    "pairs_table",
    "pairs_summary",
    "run_pairs",
    "case_map",
    "case_company",
    "scenarios",
    "load_scenario",
    "scenario_params",
    "run",
]

# Roles from the top of the customer organisation to the bottom; the sponsor stands apart.
ROLES = ("approver", "decision-maker", "evaluator", "user", "sponsor")
STANCES = ("ally", "supporter", "neutral", "opponent", "enemy")

# The documented Chinese (and common English) names a student may type instead.
ROLE_ALIASES = {
    "批准者": "approver",
    "批准人": "approver",
    "决策者": "decision-maker",
    "决策人": "decision-maker",
    "decider": "decision-maker",
    "评估者": "evaluator",
    "评估人": "evaluator",
    "使用者": "user",
    "用户": "user",
    "end user": "user",
    "保荐者": "sponsor",
    "保荐人": "sponsor",
}
STANCE_ALIASES = {
    "良友": "ally",
    "good friend": "ally",
    "friend": "ally",
    "支持者": "supporter",
    "支持": "supporter",
    "中立": "neutral",
    "中立者": "neutral",
    "反对者": "opponent",
    "反对": "opponent",
    "敌人": "enemy",
}
COLUMN_ALIASES = {
    "姓名": "name",
    "名字": "name",
    "角色": "role",
    "立场": "stance",
    "影响力": "influence",
}

# Course assumptions: the share of a person's influence that bears on this purchase, by role.
ROLE_WEIGHTS = {
    "approver": 1.0,
    "decision-maker": 0.8,
    "evaluator": 0.6,
    "user": 0.4,
    "sponsor": 0.5,
}
STANCE_VALUES = {"ally": 2, "supporter": 1, "neutral": 0, "opponent": -1, "enemy": -2}
MAX_INFLUENCE = 10.0
MAX_PEOPLE = 50

STEPS = {
    1: "choose the entry point",
    2: "seek a support point",
    3: "expand the support surface",
    4: "strive for the successful sale",
}
_REQUIRED = ("name", "role", "stance", "influence")
_RANK = {role: i for i, role in enumerate(ROLES)}


def _key(text: str) -> str:
    return "".join(ch for ch in text.strip().lower() if ch not in " -_")


def _lookup(
    kind: str, value: object, canon: Sequence[str], aliases: Mapping[str, str], where: str
) -> str:
    names = ", ".join(canon)
    chinese = ", ".join(k for k in aliases if not k.isascii())
    if not isinstance(value, str) or not value.strip():
        raise ModelInputError(
            f"The {kind} {where} is missing or not text ({value!r}). Choose one of: {names}."
        )
    table = {_key(c): c for c in canon} | {_key(a): c for a, c in aliases.items()}
    found = table.get(_key(value))
    if found is not None:
        return found
    close = difflib.get_close_matches(_key(value), list(table), n=1, cutoff=0.6)
    hint = f" Did you mean '{table[close[0]]}'?" if close else ""
    raise ModelInputError(
        f"Unknown {kind} {value!r} {where}.{hint} Use one of: {names} (or in Chinese: {chinese})."
    )


_TABLE = (
    "a stakeholder table (a list of dictionaries, one per person, or a pandas DataFrame) "
    f"with columns {', '.join(_REQUIRED)}"
)
_EMPTY = "The stakeholder map is empty: add one row per person who takes part in the purchase."
_INFLUENCE_HINT = "Rate how much this person can sway the decision from 0 (none) to 10."

Person = dict[str, Any]


def _rows(table: object) -> list[Person]:
    """A student's table as a list of fresh dicts with English column names; nothing checked
    beyond its shape (the values are checked by ``stakeholder_map``)."""
    is_frame = hasattr(table, "to_dict") and hasattr(table, "columns")
    if isinstance(table, (str, bytes)) or not (is_frame or isinstance(table, (Sequence, dict))):
        raise TypeError(
            "The stakeholder map must be a table (pandas DataFrame) or a list of dictionaries "
            f"with columns {', '.join(_REQUIRED)}; got {type(table).__name__}."
        )
    if isinstance(table, Sequence):
        if not all(isinstance(row, Mapping) for row in table):
            raise TypeError(
                "A stakeholder list must hold one dictionary per person, e.g. "
                "{'name': 'Ms Liu', 'role': 'decision-maker', 'stance': 'supporter', "
                "'influence': 7}."
            )
        table = [dict(row) for row in table]
    if len(table) == 0:  # type: ignore[arg-type]
        raise ModelInputError(_EMPTY)
    rows = [
        {COLUMN_ALIASES.get(key, key): value for key, value in row.items()}
        for row in records(table, (), what=_TABLE)
    ]
    missing = [c for c in _REQUIRED if not any(c in row for row in rows)]
    if missing:
        raise ModelInputError(
            f"The stakeholder map needs the columns {', '.join(_REQUIRED)}; missing: "
            f"{', '.join(missing)}."
        )
    if len(rows) > MAX_PEOPLE:
        raise ModelInputError(
            f"The stakeholder map has {len(rows)} rows; keep it to the {MAX_PEOPLE} people who "
            "matter most for this purchase."
        )
    return rows


def stakeholder_map(
    table: Sequence[Mapping[str, Any]] | Any,
    role_weights: Mapping[str, float] | None = None,
) -> list[Person]:
    """Check a stakeholder table and add the weights the scores need.

    ``table`` is a list of dictionaries (one per person) or a pandas DataFrame. Returns one
    record per person with the English ``role`` and ``stance``, the ``influence`` (0 to
    10), ``role_weight``, ``weight`` (influence x role weight), ``stance_value`` (+2 ally
    ... -2 enemy) and ``score`` (weight x stance value). Extra keys such as ``title`` are
    kept; ``relsell.charts.frame`` shows the records as a table.
    """
    rows = _rows(table)
    weights = _role_weights(role_weights)
    names: list[str] = []
    for i, row in enumerate(rows):
        name = row.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ModelInputError(f"Row {i + 1} has no name; give every person a name or a label.")
        name = name.strip()
        if name in names:
            raise ModelInputError(
                f"{name!r} appears twice; list each person once (one role and one stance each)."
            )
        names.append(name)
        where = f"for {name} (row {i + 1})"
        role = _lookup("role", row.get("role"), ROLES, ROLE_ALIASES, where)
        stance = _lookup("stance", row.get("stance"), STANCES, STANCE_ALIASES, where)
        influence = number(
            f"Influence of {name}",
            row.get("influence"),
            minimum=0,
            maximum=MAX_INFLUENCE,
            hint=_INFLUENCE_HINT,
        )
        weight = influence * weights[role]
        row.update(
            name=name,
            role=role,
            stance=stance,
            influence=influence,
            role_weight=weights[role],
            weight=weight,
            stance_value=STANCE_VALUES[stance],
            score=weight * STANCE_VALUES[stance],
        )
    return rows


def _role_weights(role_weights: Mapping[str, float] | None) -> dict[str, float]:
    if role_weights is None:
        return dict(ROLE_WEIGHTS)
    if not isinstance(role_weights, Mapping):
        raise TypeError(
            "role_weights must map each role to a weight, e.g. {'approver': 1.0, ...}; "
            f"got {type(role_weights).__name__}."
        )
    weights = dict(ROLE_WEIGHTS)
    for role, value in role_weights.items():
        canonical = _lookup("role", role, ROLES, ROLE_ALIASES, "in role_weights")
        weights[canonical] = number(
            f"Weight of the role {canonical}",
            value,
            minimum=0,
            maximum=1,
            hint="A role weight is a share between 0 and 1.",
        )
    return weights


def _checked(people: object) -> list[Person]:
    """A raw table, or a map from ``stakeholder_map`` checked again (so a stance changed
    since then counts) with the role weights it was made with."""
    rows = _rows(people)
    weights = {
        row["role"]: row["role_weight"]
        for row in rows
        if "role_weight" in row and row.get("role") in ROLE_WEIGHTS
    }
    return stakeholder_map(rows, weights or None)


@dataclass(frozen=True)
class Balance:
    """Weighted support, opposition and the neutral weight still to win."""

    support: float
    opposition: float
    neutral: float

    @property
    def net(self) -> float:
        return self.support - self.opposition

    def as_dict(self) -> dict[str, float]:
        return {
            "support": self.support,
            "opposition": self.opposition,
            "neutral": self.neutral,
            "net": self.net,
        }


def balance(people: Sequence[Mapping[str, Any]] | Any) -> Balance:
    """Support minus opposition: the chapter's test of a successful customer relationship."""
    m = _checked(people)
    # float(-0) is 0.0: a map without opposition never shows "-0.0"
    return Balance(
        support=float(sum(p["score"] for p in m if p["score"] > 0)),
        opposition=float(-sum(p["score"] for p in m if p["score"] < 0)),
        neutral=float(sum(p["weight"] for p in m if p["stance"] == "neutral")),
    )


def _friendly(p: Person) -> bool:
    return p["stance"] in ("ally", "supporter")


def _inside(p: Person) -> bool:
    """A member of the customer organisation (the sponsor stands outside it)."""
    return p["role"] != "sponsor"


def _who(m: list[Person], keep: Callable[[Person], bool]) -> list[str]:
    return [f"{p['name']} ({p['role']}, {p['stance']})" for p in m if keep(p)]


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def situation(people: Sequence[Mapping[str, Any]] | Any) -> str:
    """'ideal', 'favourable' or 'challenging', the three situations the chapter describes.

    Ideal: everyone from approver to user is a good friend. Favourable: a decision-maker
    is a good friend and the approver supports you. Anything else is the real challenge.
    """
    inside = [p for p in _checked(people) if _inside(p)]
    approvers = [p for p in inside if p["role"] == "approver"]
    if inside and approvers and all(p["stance"] == "ally" for p in inside):
        return "ideal"
    dm_friend = any(p["role"] == "decision-maker" and p["stance"] == "ally" for p in inside)
    if dm_friend and approvers and all(_friendly(p) for p in approvers):
        return "favourable"
    return "challenging"


_SITUATION_TEXT = {
    "ideal": "the ideal situation: everyone from approver to user is a good friend, "
    "'a war without resistance' (rare)",
    "favourable": "the usual favourable situation: a decision-maker is a good friend and the "
    "approver supports you, so keep that support and remove what works against you",
    "challenging": "the real challenge: you must win from a weaker position, so careful "
    "planning and initiative matter most",
}


@dataclass(frozen=True)
class Assessment:
    """What the map says: balance, situation, next step with reasons, entry route, actions.

    ``map`` holds the records of ``stakeholder_map``; ``as_dict()`` gives it all as plain data.
    """

    map: list[Person]
    balance: Balance
    situation: str
    step: int
    reasons: tuple[str, ...]
    entry: entry_point.EntryAdvice
    entry_basis: str
    actions: dict[str, tuple[str, ...]]
    warnings: tuple[str, ...]

    @property
    def step_name(self) -> str:
        return STEPS[self.step]

    def as_dict(self) -> dict[str, Any]:
        return {
            "people": [dict(p) for p in self.map],
            "balance": self.balance.as_dict(),
            "situation": self.situation,
            "step": self.step,
            "step_name": self.step_name,
            "reasons": list(self.reasons),
            "entry": self.entry.as_dict(),
            "entry_basis": self.entry_basis,
            "actions": {aim: list(who) for aim, who in self.actions.items()},
            "warnings": list(self.warnings),
        }


def _next_step(m: list[Person], bal: Balance) -> tuple[int, list[str]]:
    allies = [p for p in m if p["stance"] == "ally" and _inside(p)]
    approvers = [p for p in m if p["role"] == "approver"]
    if not any(_friendly(p) for p in m):
        return 1, [
            "Nobody on the map supports you yet: the first step is to choose where to enter "
            "the organisation (see the suggested entry point)."
        ]
    if not allies:
        supporters = _who(m, lambda p: _friendly(p) and _inside(p))
        reasons = []
        if supporters:
            reasons.append(
                f"You have supporters, {_join(supporters)}, but no good friend inside the "
                "customer. Entry is only contact, so build a support point by turning a "
                "supporter into a good friend: express sincerity, make a solemn commitment, "
                "earn trust and support."
            )
        if any(_friendly(p) and not _inside(p) for p in m):
            reasons.append(
                "Your sponsor vouches for you: earn the approver's trust, promise that nothing in "
                "the sale will harm the approver's standing, and bring the sponsor in at the "
                "right moment."
            )
        return 2, reasons
    point = min((p["role"] for p in allies), key=_RANK.__getitem__)
    friends = _who(allies, lambda p: True)
    named = ("support point in " if len(friends) == 1 else "support points in ") + _join(friends)
    approver_ok = bool(approvers) and not any(
        p["stance"] in ("opponent", "enemy") for p in approvers
    )
    wide = sum(1 for p in m if _friendly(p) and _inside(p)) >= 2
    if point in ("approver", "decision-maker") and approver_ok and bal.net > 0 and wide:
        return 4, [
            f"Your {named} {'is' if len(friends) == 1 else 'are'} high enough, the approver "
            "is at least neutral, "
            "support outweighs opposition and more than one person backs you: join the points "
            "into one network. Until now most talks were one-to-one and private; bring the "
            "supporters together through hints, multi-party talks and joint meetings, "
            "coordinate their interests and settle how the interests are shared: the "
            "organisation's and their professional interests only, never personal benefits."
        ]
    reasons = [
        f"You have a {named}; now expand it into a support surface."
        if len(friends) == 1
        else f"You have {named}; now expand them into a support surface."
    ]
    if point == "approver":
        reasons.append(
            "Your first support point is high: expanding it means seeking more support and "
            "understanding further down."
        )
    elif point == "decision-maker":
        reasons.append(
            "A good friend among the decision-makers is a solid point: seek at least "
            "neutrality from above and goodwill sideways and below."
        )
        if not approver_ok:
            reasons.append(
                "The approver is missing from the map or stands against you: "
                "win at least neutrality there first."
            )
    elif point == "evaluator":
        higher = _who(
            m,
            lambda p: _inside(p) and p["role"] in ("approver", "decision-maker") and _friendly(p),
        )
        example = f", for example {_join(higher)}" if higher else ""
        reasons.append(
            "A good friend who is only an evaluator gives thin support: building a new, "
            f"stronger support point higher up is urgent{example}."
        )
    else:
        reasons.append(
            "Your first support point is low (a user): take your chances to move up to a "
            "higher support point and widen your influence."
        )
    if bal.net <= 0:
        reasons.append("Opposition still weighs as much as support or more.")
    return 3, reasons


_COMPANY_FACTS = tuple(p.name for p in entry_point.PARAMS)


def _company(m: list[Person], company: Mapping[str, bool] | None) -> tuple[dict[str, bool], str]:
    flags = dict(company or {})
    unknown = set(flags) - set(_COMPANY_FACTS)
    if unknown:
        raise ModelInputError(
            f"Unknown company facts {sorted(unknown)}; use {', '.join(_COMPANY_FACTS)}."
        )
    for name, value in flags.items():
        entry_point.flag(name, value)
    basis = []
    if not flags.get("high_level_tie") and any(_friendly(p) and p["role"] == "approver" for p in m):
        flags["high_level_tie"] = True
        basis.append("the approver on the map supports you")
    if not flags.get("sponsor") and any(_friendly(p) and p["role"] == "sponsor" for p in m):
        flags["sponsor"] = True
        basis.append("a sponsor on the map supports you")
    return flags, _join(basis)


def assess(
    people: Sequence[Mapping[str, Any]] | Any,
    company: Mapping[str, bool] | None = None,
) -> Assessment:
    """Read a stakeholder map the way the chapter reads a customer organisation.

    ``company`` holds the yes/no facts of ``relsell.models.entry_point.advise``; a friendly
    approver on the map counts as a tie at the top, a friendly sponsor as a sponsor.
    """
    m = _checked(people)
    bal = balance(m)
    step, reasons = _next_step(m, bal)
    flags, basis = _company(m, company)
    entry = entry_point.advise(**flags)
    actions = {
        "strengthen support": tuple(_who(m, _friendly)),
        "weaken opposition": tuple(_who(m, lambda p: p["stance"] in ("opponent", "enemy"))),
        "win over neutrals": tuple(_who(m, lambda p: p["stance"] == "neutral")),
    }
    warnings: list[str] = []
    allies = sum(1 for p in m if p["stance"] == "ally" and _inside(p))
    if allies > 2:
        warnings.append(
            f"You count {allies} good friends; the chapter advises one or two, because "
            f"coordinating their interests ({interest_pairs(allies)} pairs) becomes very hard "
            "and can backfire."
        )
    if not any(p["role"] == "approver" for p in m):
        warnings.append("No approver on the map: find out who gives the final approval.")
    if actions["win over neutrals"]:
        warnings.append(
            "Never stop courting the neutrals: when the competition is close they often decide it."
        )
    return Assessment(
        m, bal, situation(m), step, tuple(reasons), entry, basis, actions, tuple(warnings)
    )


def _signed(x: float) -> str:
    return f"{x:+.1f}".replace("-", "−")


def summary(assessment: Assessment) -> str:
    """The assessment in plain sentences: balance, situation, next step and why, entry route."""
    if not isinstance(assessment, Assessment):
        raise TypeError(f"Expected the result of assess(); got {type(assessment).__name__}.")
    a = assessment
    b = a.balance
    text = (
        f"Weighted support {b.support:.1f} against opposition {b.opposition:.1f} "
        f"(net {_signed(b.net)}; neutrals still to win {b.neutral:.1f}). "
        f"This is {_SITUATION_TEXT[a.situation]}. "
        f"Next step: {a.step}, {a.step_name}. " + " ".join(a.reasons)
    )
    because = f", because {a.entry_basis}" if a.entry_basis else ""
    text += f" Entry point open to you now: {a.entry.label}{because}."
    if a.warnings:
        text += " " + " ".join(a.warnings)
    return text


# --- how many good friends? -----------------------------------------------------------

_MAX_ALLIES = 100

# The "how many good friends?" explorer's one setting. No upper bound here, so the control
# is a number box; interest_pairs refuses more than _MAX_ALLIES with its own message.
PAIRS_PARAMS = (
    Param(
        "allies",
        "Good friends",
        "whole",
        default=2,
        minimum=0,
        step=1,
        hint="Count the people who are your good friends (0 to 100).",
    ),
)


def interest_pairs(allies: int) -> int:
    """Pairs of good friends whose interests must be coordinated: n(n - 1) / 2.

    Our illustration of the chapter's advice to keep one or two good friends: the pairs
    grow with the square of their number.
    """
    n = whole_number(
        "Number of good friends",
        allies,
        minimum=0,
        maximum=_MAX_ALLIES,
        hint="Count the people who are your good friends (0 to 100).",
    )
    return n * (n - 1) // 2


def pairs_table(max_allies: int = 8) -> list[dict[str, int]]:
    """Good friends from 1 to ``max_allies`` and the pairs of interests among them, one record
    (``allies``, ``pairs``) per number of friends."""
    top = whole_number(
        "Largest number of good friends",
        max_allies,
        minimum=1,
        maximum=_MAX_ALLIES,
        hint="Choose from 1 to 100.",
    )
    return [{"allies": n, "pairs": interest_pairs(n)} for n in range(1, top + 1)]


def pairs_summary(allies: int) -> str:
    """The number of pairs in a sentence, against the chapter's advice."""
    pairs = interest_pairs(allies)
    word = "pair" if pairs == 1 else "pairs"
    return (
        f"{allies} good friends means {pairs} {word} of interests to coordinate; the "
        "chapter advises one or two."
    )


def run_pairs(**values: Any) -> dict[str, Any]:
    """The "how many good friends?" view (``PAIRS_PARAMS``): ``allies``, ``pairs``, a
    ``table`` from 1 to two more friends than chosen, and the ``summary``."""
    allies = check_all(PAIRS_PARAMS, {"allies": PAIRS_PARAMS[0].default, **values})["allies"]
    return {
        "allies": allies,
        "pairs": interest_pairs(allies),
        "table": pairs_table(min(max(allies, 2) + 2, _MAX_ALLIES)),
        "summary": pairs_summary(allies),
    }


# --- the case and the practice scenarios --------------------------------------------------

# The course-written case and the practice scenarios (src/relsell/data/cases/donghai.yaml).
_SCENARIOS = {
    "donghai": "Donghai Auto Parts (the chapter's case)",
    "practice_newcomer": "A newcomer with a better product",
    "practice_favourable": "A favourable position",
}


def scenarios() -> dict[str, str]:
    """Scenario id -> title, for the explorer's picker."""
    return dict(_SCENARIOS)


def load_scenario(scenario: str = "donghai") -> tuple[list[Person], dict[str, bool]]:
    """The people (raw records, yours to change) and the seller's facts of one scenario."""
    if scenario not in _SCENARIOS:
        raise ModelInputError(
            f"Unknown scenario {scenario!r}; choose one of {', '.join(_SCENARIOS)}."
        )
    if scenario == "donghai":
        people, company = fact("donghai", "people"), fact("donghai", "company")
    else:
        record = fact("donghai", scenario)
        people, company = record["people"], record["company"]
    return [dict(p) for p in people], dict(company)


def case_map() -> list[Person]:
    """The Donghai case's stakeholder map, checked and weighted."""
    return stakeholder_map(load_scenario("donghai")[0])


def case_company() -> dict[str, bool]:
    """What Huaxin could bring to its entry, before anyone offered to vouch for it."""
    return load_scenario("donghai")[1]


# --- the explorer's settings and run() -----------------------------------------------------

SCENARIO = Param(
    "scenario",
    "Scenario",
    "choice",
    default="donghai",
    choices=tuple(_SCENARIOS),
    hint="Choose the chapter's case (donghai) or a practice scenario.",
)


def scenario_params(scenario: str = "donghai") -> tuple[Param, ...]:
    """The settings of one scenario's people: ``stance_N`` and ``influence_N`` for person N
    (from 1), each starting at the scenario's own value.

    Influence has no bounds here on purpose: its control is then a number box, and a value
    outside 0 to 10 is explained by ``stakeholder_map`` in the person's name.
    """
    people, _ = load_scenario(SCENARIO.check(scenario))
    params: list[Param] = []
    for n, person in enumerate(people, start=1):
        params += [
            Param(
                f"stance_{n}",
                f"Stance of {person['name']} ({person['role']})",
                "choice",
                default=person["stance"],
                choices=STANCES,
                hint=f"Choose one of: {', '.join(STANCES)}.",
            ),
            Param(
                f"influence_{n}",
                f"Influence of {person['name']}",
                default=person["influence"],
                step=1,
                unit=f"0–{MAX_INFLUENCE:g}",
                hint=_INFLUENCE_HINT,
            ),
        ]
    return tuple(params)


# The settings a student moves: the scenario and, for the default scenario (the Donghai
# case), each person's stance and influence. Another scenario has other people, so its
# settings are ``(SCENARIO, *scenario_params(scenario))``; run() accepts those.
PARAMS = (SCENARIO, *scenario_params("donghai"))
# A new scenario brings its own people, so the controls are rebuilt (notebook and page alike).
REBUILDS = ("scenario",)


def params_for(values: Mapping[str, Any]) -> tuple[Param, ...]:
    """The parameters for ``values``: the scenario picker and that scenario's people."""
    scenario = values.get("scenario", SCENARIO.default)
    return (SCENARIO, *scenario_params(scenario if scenario in SCENARIO.choices else "donghai"))


def run(**values: Any) -> dict[str, Any]:
    """One scenario, with any stances and influences changed, read as the chapter reads it.

    Settings: ``scenario`` and, for its person N, ``stance_N`` and ``influence_N`` (the
    rest as in the scenario). Returns plain data: ``scenario``, ``title``, ``company``,
    ``people`` (the records of ``stakeholder_map``), ``balance``, ``situation``, ``step``,
    ``step_name``, ``reasons``, ``entry``, ``entry_basis``, ``actions``, ``warnings`` and
    the ``summary`` the explorer shows.
    """
    scenario = SCENARIO.check(values.get("scenario", SCENARIO.default))
    settings = check_all((SCENARIO, *scenario_params(scenario)), values)
    people, company = load_scenario(scenario)
    for n, person in enumerate(people, start=1):
        person["stance"] = settings.get(f"stance_{n}", person["stance"])
        person["influence"] = settings.get(f"influence_{n}", person["influence"])
    result = assess(people, company)
    return {
        "scenario": scenario,
        "title": _SCENARIOS[scenario],
        "company": dict(company),
        **result.as_dict(),
        "summary": summary(result),
    }
