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
``influence`` from 0 to 10); ``stakeholder_map`` checks it, ``balance`` scores it and
``assess`` says which situation it is, which step comes next and why. Chinese role,
stance and column names are accepted through the mappings below.

The numeric scale is the course's assumption, not the source's: stances count +2, +1, 0,
-1, -2 and each role's influence is weighted by ``ROLE_WEIGHTS``; the source only says
that roles differ in function and influence and ranks them from approver to user.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..checks import ModelInputError, number, whole_number
from . import entry_point
from ._case import fact

__all__ = [
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
    "case_map",
    "case_company",
    "scenarios",
    "load_scenario",
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


def _lookup(kind: str, value: object, canon: Sequence[str], aliases: Mapping[str, str], where: str):
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


def _rows(table: object) -> pd.DataFrame:
    if isinstance(table, pd.DataFrame):
        frame = table.copy()
    elif isinstance(table, Sequence) and not isinstance(table, str):
        if not all(isinstance(row, Mapping) for row in table):
            raise TypeError(
                "A stakeholder list must hold one dictionary per person, e.g. "
                "{'name': 'Ms Liu', 'role': 'decision-maker', 'stance': 'supporter', "
                "'influence': 7}."
            )
        if not table:
            raise ModelInputError(
                "The stakeholder map is empty: add one row per person who takes part in the "
                "purchase."
            )
        frame = pd.DataFrame(list(table))
    else:
        raise TypeError(
            "The stakeholder map must be a table (pandas DataFrame) or a list of dictionaries "
            f"with columns {', '.join(_REQUIRED)}; got {type(table).__name__}."
        )
    frame = frame.rename(columns={k: v for k, v in COLUMN_ALIASES.items() if k in frame.columns})
    missing = [c for c in _REQUIRED if c not in frame.columns]
    if missing:
        raise ModelInputError(
            f"The stakeholder map needs the columns {', '.join(_REQUIRED)}; missing: "
            f"{', '.join(missing)}."
        )
    if frame.empty:
        raise ModelInputError(
            "The stakeholder map is empty: add one row per person who takes part in the purchase."
        )
    if len(frame) > MAX_PEOPLE:
        raise ModelInputError(
            f"The stakeholder map has {len(frame)} rows; keep it to the {MAX_PEOPLE} people who "
            "matter most for this purchase."
        )
    return frame.reset_index(drop=True)


def stakeholder_map(
    table: pd.DataFrame | Sequence[Mapping[str, Any]],
    role_weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Check a stakeholder table and add the weights the scores need.

    Returns one row per person with the English ``role`` and ``stance``, the
    ``influence`` (0 to 10), ``role_weight``, ``weight`` (influence x role weight),
    ``stance_value`` (+2 ally ... -2 enemy) and ``score`` (weight x stance value).
    Extra columns such as ``title`` are kept.
    """
    frame = _rows(table)
    weights = _role_weights(role_weights)
    names: list[str] = []
    roles, stances, influence = [], [], []
    for i, row in frame.iterrows():
        name = row["name"]
        if not isinstance(name, str) or not name.strip():
            raise ModelInputError(f"Row {i + 1} has no name; give every person a name or a label.")
        name = name.strip()
        if name in names:
            raise ModelInputError(
                f"{name!r} appears twice; list each person once (one role and one stance each)."
            )
        names.append(name)
        where = f"for {name} (row {i + 1})"
        roles.append(_lookup("role", row["role"], ROLES, ROLE_ALIASES, where))
        stances.append(_lookup("stance", row["stance"], STANCES, STANCE_ALIASES, where))
        influence.append(
            number(
                f"Influence of {name}",
                row["influence"],
                minimum=0,
                maximum=MAX_INFLUENCE,
                hint="Rate how much this person can sway the decision from 0 (none) to 10.",
            )
        )
    frame["name"], frame["role"], frame["stance"] = names, roles, stances
    frame["influence"] = influence
    frame["role_weight"] = [weights[r] for r in roles]
    frame["weight"] = frame["influence"] * frame["role_weight"]
    frame["stance_value"] = [STANCE_VALUES[s] for s in stances]
    frame["score"] = frame["weight"] * frame["stance_value"]
    return frame


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


def _checked(people: object) -> pd.DataFrame:
    """Accept a raw table or the output of ``stakeholder_map``."""
    if isinstance(people, pd.DataFrame) and {"score", "weight", "stance_value"} <= set(
        people.columns
    ):
        return people
    return stakeholder_map(people)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Balance:
    """Weighted support, opposition and the neutral weight still to win."""

    support: float
    opposition: float
    neutral: float

    @property
    def net(self) -> float:
        return self.support - self.opposition


def balance(people: pd.DataFrame | Sequence[Mapping[str, Any]]) -> Balance:
    """Support minus opposition: the chapter's test of a successful customer relationship."""
    m = _checked(people)
    return Balance(
        support=float(m.loc[m["score"] > 0, "score"].sum()),
        opposition=float(-m.loc[m["score"] < 0, "score"].sum()),
        neutral=float(m.loc[m["stance"] == "neutral", "weight"].sum()),
    )


def _who(m: pd.DataFrame, mask) -> list[str]:
    return [f"{r['name']} ({r['role']}, {r['stance']})" for _, r in m.loc[mask].iterrows()]


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def situation(people: pd.DataFrame | Sequence[Mapping[str, Any]]) -> str:
    """'ideal', 'favourable' or 'challenging', the three situations the chapter describes.

    Ideal: everyone from approver to user is a good friend. Favourable: a decision-maker
    is a good friend and the approver supports you. Anything else is the real challenge.
    """
    m = _checked(people)
    inside = m[m["role"] != "sponsor"]
    approvers = inside[inside["role"] == "approver"]
    if len(inside) and (inside["stance"] == "ally").all() and len(approvers):
        return "ideal"
    dm_friend = ((inside["role"] == "decision-maker") & (inside["stance"] == "ally")).any()
    if dm_friend and len(approvers) and approvers["stance"].isin(["ally", "supporter"]).all():
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
    """What the map says: balance, situation, next step with reasons, entry route, actions."""

    map: pd.DataFrame
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


def _next_step(m: pd.DataFrame, bal: Balance) -> tuple[int, list[str]]:
    friendly = m["stance"].isin(["ally", "supporter"])
    inside = m["role"] != "sponsor"
    allies = m[(m["stance"] == "ally") & inside]
    approvers = m[m["role"] == "approver"]
    if not friendly.any():
        return 1, [
            "Nobody on the map supports you yet: the first step is to choose where to enter "
            "the organisation (see the suggested entry point)."
        ]
    if allies.empty:
        supporters = _who(m, friendly & inside)
        reasons = []
        if supporters:
            reasons.append(
                f"You have supporters, {_join(supporters)}, but no good friend inside the "
                "customer. Entry is only contact, so build a support point by turning a "
                "supporter into a good friend: express sincerity, make a solemn commitment, "
                "earn trust and support."
            )
        if (friendly & ~inside).any():
            reasons.append(
                "Your sponsor vouches for you: earn the approver's trust, promise that nothing in "
                "the sale will harm the approver's standing, and bring the sponsor in at the "
                "right moment."
            )
        return 2, reasons
    point = min(allies["role"], key=_RANK.__getitem__)
    friends = _who(m, (m["stance"] == "ally") & inside)
    named = ("support point in " if len(friends) == 1 else "support points in ") + _join(friends)
    approver_ok = len(approvers) > 0 and not approvers["stance"].isin(["opponent", "enemy"]).any()
    wide = int((friendly & inside).sum()) >= 2
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
        higher = _who(m, inside & m["role"].isin(["approver", "decision-maker"]) & friendly)
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


def _company(m: pd.DataFrame, company: Mapping[str, bool] | None) -> tuple[dict[str, bool], str]:
    flags = dict(company or {})
    unknown = set(flags) - {
        "high_level_tie",
        "sponsor",
        "technical_staff",
        "weak_relationships",
        "product_edge",
        "patient",
    }
    if unknown:
        raise ModelInputError(
            f"Unknown company facts {sorted(unknown)}; use high_level_tie, sponsor, "
            "technical_staff, weak_relationships, product_edge, patient."
        )
    for name, value in flags.items():
        entry_point.flag(name, value)
    friendly = m["stance"].isin(["ally", "supporter"])
    basis = []
    if not flags.get("high_level_tie") and (friendly & (m["role"] == "approver")).any():
        flags["high_level_tie"] = True
        basis.append("the approver on the map supports you")
    if not flags.get("sponsor") and (friendly & (m["role"] == "sponsor")).any():
        flags["sponsor"] = True
        basis.append("a sponsor on the map supports you")
    return flags, _join(basis)


def assess(
    people: pd.DataFrame | Sequence[Mapping[str, Any]],
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
        "strengthen support": tuple(_who(m, m["stance"].isin(["ally", "supporter"]))),
        "weaken opposition": tuple(_who(m, m["stance"].isin(["opponent", "enemy"]))),
        "win over neutrals": tuple(_who(m, m["stance"] == "neutral")),
    }
    warnings: list[str] = []
    allies = int(((m["stance"] == "ally") & (m["role"] != "sponsor")).sum())
    if allies > 2:
        warnings.append(
            f"You count {allies} good friends; the chapter advises one or two, because "
            f"coordinating their interests ({interest_pairs(allies)} pairs) becomes very hard "
            "and can backfire."
        )
    if not (m["role"] == "approver").any():
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


def interest_pairs(allies: int) -> int:
    """Pairs of good friends whose interests must be coordinated: n(n - 1) / 2.

    Our illustration of the chapter's advice to keep one or two good friends: the pairs
    grow with the square of their number.
    """
    n = whole_number(
        "Number of good friends",
        allies,
        minimum=0,
        maximum=100,
        hint="Count the people who are your good friends (0 to 100).",
    )
    return n * (n - 1) // 2


def pairs_table(max_allies: int = 8) -> pd.DataFrame:
    """Good friends from 1 to ``max_allies`` and the pairs of interests among them."""
    top = whole_number(
        "Largest number of good friends",
        max_allies,
        minimum=1,
        maximum=100,
        hint="Choose from 1 to 100.",
    )
    n = list(range(1, top + 1))
    return pd.DataFrame({"allies": n, "pairs": [interest_pairs(k) for k in n]})


# The course-written case and the practice scenarios (src/relsell/data/cases/donghai.yaml).
_SCENARIOS = {
    "donghai": "Donghai Auto Parts (the chapter's case)",
    "practice_newcomer": "A newcomer with a better product",
    "practice_favourable": "A favourable position",
}


def scenarios() -> dict[str, str]:
    """Scenario id -> title, for the widget's picker."""
    return dict(_SCENARIOS)


def load_scenario(scenario: str = "donghai") -> tuple[pd.DataFrame, dict[str, bool]]:
    """The people (as a raw table) and the seller's facts of one scenario."""
    if scenario not in _SCENARIOS:
        raise ModelInputError(
            f"Unknown scenario {scenario!r}; choose one of {', '.join(_SCENARIOS)}."
        )
    if scenario == "donghai":
        return pd.DataFrame(fact("donghai", "people")), dict(fact("donghai", "company"))
    record = fact("donghai", scenario)
    return pd.DataFrame(record["people"]), dict(record["company"])


def case_map() -> pd.DataFrame:
    """The Donghai case's stakeholder map, checked and weighted."""
    return stakeholder_map(load_scenario("donghai")[0])


def case_company() -> dict[str, bool]:
    """What Huaxin could bring to its entry, before anyone offered to vouch for it."""
    return load_scenario("donghai")[1]
