"""Seeded variants of the computed graded items: new numbers for each paper, answers from relsell.

Why: two exam papers (or two terms) must differ, and the answer must be what the course's own
models compute, never a number typed by hand. An item in instructor/item_bank/computed/chNN.yaml
names its generator; the generator draws the numbers from a seeded random.Random and returns them
with the answer.

Every generator draws round numbers a person would write (1,200,000 yuan, 85 %, 8 visits a
day), inside the bounds of the model's ``Param`` declarations, passes them to the model and
formats them for the item's text. What is displayed is exactly what the model was given, so a
student who works from the paper's numbers can reach the key. Where a draw could make the
answer ambiguous (a tie in a ranking, a likely mistake that lands within the tolerance, a price
or break-even outside a sensible range), the generator draws distinct values or draws again:
the numbers still depend on the seed alone.

The chapter 4 generators call ``relsell.analytics`` (numpy) and import it only when they run,
so importing this module stays as light as the models.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from relsell.models import (
    bonds,
    concentration,
    customer_base,
    delivered_value,
    negotiation,
    pinacor,
    retention,
    stakeholders,
    typhoon,
    visits,
)

__all__ = ["Variant", "GENERATORS", "variant", "number", "percent"]


@dataclass(frozen=True)
class Variant:
    """One paper's numbers for a computed item, and its key.

    ``values`` fill the item's vignette and question with ``str.format(**values)``;
    ``answer`` is in the unit the item's ``answer_format`` asks for; an answer within
    ``± tolerance`` of it is right.
    """

    values: dict[str, str]
    answer: float
    tolerance: float


def number(value: float) -> str:
    """A round number as a person writes it: 1200000 -> "1,200,000", 2.5 -> "2.5"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,g}"


def percent(points: float) -> str:
    """A percentage from its points, in the course's style: 85 -> "85 %"."""
    return f"{number(points)} %"


def _share(points: int) -> float:
    """85 points -> 0.85 (the share the models take)."""
    return points / 100


def _apart(answer: float, mistakes: list[float], tolerance: float) -> bool:
    """True when every likely mistake lands well outside the tolerance (twice it, at least)."""
    return all(abs(wrong - answer) > 2 * tolerance for wrong in mistakes)


# --- chapter 1 -------------------------------------------------------------------------------


def _retained_value(settings: dict[str, Any], **change: float) -> float:
    """The retained customer's cumulative value at the horizon (retention model)."""
    table = retention.run(**{**settings, **change})["table"]
    return float(table[-1]["retained_cumulative"])


def retention_lifetime_value(rng: random.Random) -> Variant:
    """ch01: a retained customer's expected cumulative discounted profit (retention model)."""
    while True:
        margin = rng.randrange(150, 501, 50)
        orders = rng.randint(3, 8)
        acquisition = rng.randrange(1000, 3001, 500)
        relationship = rng.randrange(200, 601, 100)
        kept = rng.randrange(70, 91, 5)
        growth = rng.randint(2, 6)
        discount = rng.choice((5, 6, 8, 10))
        years = rng.randint(3, 5)
        settings: dict[str, Any] = {
            "margin_per_order": margin,
            "orders_per_year": orders,
            "acquisition_cost": acquisition,
            "relationship_cost": relationship,
            "retention_rate": _share(kept),
            "margin_growth": _share(growth),
            "discount_rate": _share(discount),
            "years": years,
        }

        answer = _retained_value(settings)
        # Rounding each discounted year to the yuan, or the factors to four decimals, stays
        # inside the tolerance; leaving out the discounting or the retention weights does not.
        tolerance = max(5.0, round(0.002 * abs(answer), 1))
        mistakes = [
            _retained_value(settings, discount_rate=0.0),
            _retained_value(settings, retention_rate=1.0),
        ]
        if margin * orders >= 2 * relationship and _apart(answer, mistakes, tolerance):
            break
    values = {
        "margin": number(margin),
        "orders": number(orders),
        "acquisition": number(acquisition),
        "relationship": number(relationship),
        "retention": percent(kept),
        "growth": percent(growth),
        "discount": percent(discount),
        "years": number(years),
    }
    return Variant(values, answer, tolerance)


def pinacor_focus_hours(rng: random.Random) -> Variant:
    """ch01: learning hours a segment rep saves against a territory rep (Pinacor model)."""
    counts = (rng.randint(3, 8), rng.randint(2, 6), rng.randint(3, 9))
    hours = rng.randrange(20, 61, 5)
    rate = rng.randrange(70, 91, 5)
    result = pinacor.run(
        type_0=counts[0],
        type_1=counts[1],
        type_2=counts[2],
        first_account_hours=hours,
        learning_rate=_share(rate),
    )
    values = {
        "integrators": number(counts[0]),
        "resellers": number(counts[1]),
        "smb": number(counts[2]),
        "total": number(sum(counts)),
        "hours": number(hours),
        "rate": percent(rate),
        "rate_share": number(_share(rate)),
    }
    return Variant(values, float(result["hours_saved"]), 1.0)


# --- chapter 2 -------------------------------------------------------------------------------


def retention_steady_state(rng: random.Random) -> Variant:
    """ch02: how many more customers a few points of retention give in the long run."""
    won = rng.randrange(100, 501, 50)
    kept = rng.randrange(70, 86, 5)
    better = kept + rng.choice((2, 3, 4, 5, 6, 8, 10))
    answer = customer_base.steady_state_customers(
        won, _share(better)
    ) - customer_base.steady_state_customers(won, _share(kept))
    values = {"won": number(won), "retention": percent(kept), "better": percent(better)}
    return Variant(values, answer, 1.0)


def _lost_value(settings: dict[str, Any], **change: float) -> float:
    """What one defection costs (customer_base.defection_cost) with some settings changed."""
    return customer_base.defection_cost(**{**settings, **change})


def defection_cost(rng: random.Random) -> Variant:
    """ch02: what one defection costs, the customer's expected discounted future profit."""
    while True:
        margin = rng.randrange(400, 1201, 50)
        service = rng.randrange(50, 301, 50)
        kept = rng.randrange(70, 91, 5)
        discount = rng.choice((5, 6, 8, 10))
        years = rng.choice((4, 5, 6, 8, 10))
        settings: dict[str, Any] = {
            "margin_per_customer": margin,
            "service_cost": service,
            "retention_rate": _share(kept),
            "discount_rate": _share(discount),
            "years": years,
        }

        answer = _lost_value(settings)
        tolerance = max(2.0, round(0.002 * abs(answer), 1))
        mistakes = [
            _lost_value(settings, discount_rate=0.0),
            _lost_value(settings, retention_rate=1.0),
            _lost_value(settings, years=years + 1),
        ]
        if margin - service >= 200 and _apart(answer, mistakes, tolerance):
            break
    values = {
        "margin": number(margin),
        "service": number(service),
        "retention": percent(kept),
        "discount": percent(discount),
        "years": number(years),
        "last_year": number(years - 1),
    }
    return Variant(values, answer, tolerance)


# --- chapter 3 -------------------------------------------------------------------------------

_VALUE_RANGES = {
    "product": (30, 61),
    "services": (2, 16),
    "personnel": (1, 11),
    "image": (2, 11),
    "money": (25, 61),
    "time": (1, 7),
    "energy": (1, 5),
    "psychic": (1, 6),
}


def delivered_value_gap(rng: random.Random) -> Variant:
    """ch03: the price cut that levels two offers' delivered value (delivered-value model)."""
    while True:
        parts = {
            prefix: {part: rng.randrange(*span) for part, span in _VALUE_RANGES.items()}
            for prefix in ("a", "b")
        }
        table = delivered_value.compare_offers(
            delivered_value.Offer(name="first", **parts["a"]),
            delivered_value.Offer(name="second", **parts["b"]),
        )
        gap = delivered_value.price_cut_to_match(table)
        price_gap = abs(parts["a"]["money"] - parts["b"]["money"])
        value_gap = abs(table[0]["total_value"] - table[1]["total_value"])
        # A gap worth a question, and not the number a price-only or value-only reading gives.
        if gap >= 2 and price_gap != gap and value_gap != gap:
            break
    values = {
        f"{prefix}_{part}": number(amount)
        for prefix, offer in parts.items()
        for part, amount in offer.items()
    }
    return Variant(values, gap, 0.5)


_PROGRAMMES = (
    # level, what the firm offers, cost range (yuan a year), uplift range (points), copy range
    (1, "a 5 % discount for existing customers", (30, 81), (3, 7), (1, 2)),
    (2, "a personal adviser who knows the customer's business", (80, 151), (6, 13), (2, 4)),
    (3, "ordering software linked to the customer's stock system", (120, 201), (10, 16), (3, 5)),
)


def bond_level_gain(rng: random.Random) -> Variant:
    """ch03: what one level of relationship marketing gains over no programme (bonds model)."""

    def gain(programme: str, cost: int, uplift: int, copy: int, market: bonds.Market) -> float:
        level = bonds.BondLevel(programme, cost, _share(uplift), copy)
        table = bonds.level_values([level], market)
        return float(table[-1][programme] - table[-1][bonds.NO_PROGRAMME])

    while True:
        level, programme, costs, uplifts, copies = rng.choice(_PROGRAMMES)
        margin = rng.randrange(800, 2001, 100)
        kept = rng.randrange(60, 81, 5)
        cost = rng.randrange(costs[0], costs[1], 10)
        uplift = rng.randrange(*uplifts)
        copy = rng.randrange(*copies)
        discount = rng.choice((5, 8, 10))
        years = rng.choice((5, 6))
        market = bonds.Market(margin, _share(kept), _share(discount), years)
        answer = gain(programme, cost, uplift, copy, market)
        never_copied = gain(programme, cost, uplift, years, market)
        flat = bonds.Market(margin, _share(kept), 0, years)
        undiscounted = gain(programme, cost, uplift, copy, flat)
        # The copying and the discounting must both show in the answer.
        if min(abs(never_copied - answer), abs(undiscounted - answer)) > 4:
            break
    values = {
        "level": number(level),
        "programme": programme,
        "margin": number(margin),
        "retention": percent(kept),
        "cost": number(cost),
        "uplift": number(uplift),
        "copy": number(copy),
        "discount": percent(discount),
        "years": number(years),
    }
    return Variant(values, answer, 2.0)


# --- chapter 4 -------------------------------------------------------------------------------


def clv_by_hand(rng: random.Random) -> Variant:
    """ch04: a new customer's lifetime value with the chapter's CLV formula (relsell.analytics)."""
    from relsell.analytics import lifetime_value

    last = rng.choice((3, 4))
    q0 = rng.randrange(8000, 20001, 1000)
    c0 = rng.randrange(6000, 16001, 1000)
    q1 = rng.randrange(10000, 30001, 1000)
    step = rng.randrange(500, 2001, 500)
    cost = rng.randrange(2000, 8001, 500)
    discount = rng.choice((6, 8, 10, 12))
    profits = [q0] + [q1 + step * (t - 1) for t in range(1, last + 1)]
    costs = [c0] + [cost] * last
    answer = float(lifetime_value(profits, costs, _share(discount)))
    values = {
        "q0": number(q0),
        "c0": number(c0),
        "q1": number(q1),
        "step": number(step),
        "cost": number(cost),
        "discount": percent(discount),
        "last": number(last),
        "years": number(last + 1),
    }
    # Discount factors rounded to four decimals, as on the page, stay inside the tolerance.
    gross = sum(abs(q - c) for q, c in zip(profits, costs, strict=True))
    return Variant(values, answer, max(3.0, round(0.0002 * gross, 1)))


_RESTAURANTS = (
    "Jade Garden",
    "Harbour Café",
    "Maple Bistro",
    "Lotus Canteen",
    "Sunny Noodles",
    "Bamboo Grill",
    "Pearl Teahouse",
    "River Deli",
)
_DAYS = (2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 150, 200)
RFM_CUSTOMERS = 6


def rfm_score(rng: random.Random) -> Variant:
    """ch04: one customer's RFM total in a small file, with the course's convention."""
    from relsell.analytics import quantile_scores

    names = rng.sample(_RESTAURANTS, RFM_CUSTOMERS)
    revenue = [1000 * k for k in rng.sample(range(5, 121, 5), RFM_CUSTOMERS)]
    days = rng.sample(_DAYS, RFM_CUSTOMERS)
    orders = rng.sample(range(2, 31), RFM_CUSTOMERS)
    target = rng.randrange(RFM_CUSTOMERS)
    # Recency: fewer days is better, so score the negated days (larger = better).
    r = quantile_scores(cast(Any, [-d for d in days]))
    f = quantile_scores(cast(Any, orders))
    m = quantile_scores(cast(Any, revenue))
    answer = float(int(r[target]) + int(f[target]) + int(m[target]))
    values = {"target": names[target]}
    for i in range(RFM_CUSTOMERS):
        values[f"c{i + 1}_name"] = names[i]
        values[f"c{i + 1}_revenue"] = number(revenue[i])
        values[f"c{i + 1}_days"] = number(days[i])
        values[f"c{i + 1}_orders"] = number(orders[i])
    return Variant(values, answer, 0.5)


# --- chapter 5 -------------------------------------------------------------------------------


def visit_days(rng: random.Random) -> Variant:
    """ch05: the working days of visits a target of deals needs (visit funnel, backwards)."""
    while True:
        deals = rng.randint(3, 12)
        closing = rng.choice((10, 20, 25))
        talks = rng.choice((20, 25, 30, 40))
        per_day = rng.choice((6, 8, 10, 12))
        plan = visits.plan_for_target(
            deals,
            first_visits=per_day,
            second_visits=0,
            conversation_rate=_share(talks),
            closing_rate=_share(closing),
        )
        # Part of a day left over, so rounding up (the funnel's rule) is part of the answer.
        if plan["needed"]["visits"] % per_day:
            break
    values = {
        "deals": number(deals),
        "closing": percent(closing),
        "conversation": percent(talks),
        "per_day": number(per_day),
    }
    return Variant(values, float(plan["days"]), 0.5)


def visit_month_commission(rng: random.Random) -> Variant:
    """ch05: the commission a month at a daily visit quota brings on average (visit funnel)."""
    per_day = rng.choice((6, 8, 10, 12))
    days = rng.choice((18, 20, 21, 22))
    talks = rng.choice((20, 25, 30, 40))
    closing = rng.choice((5, 8, 10, 12, 15))
    commission = rng.randrange(400, 1501, 100)
    month = visits.month_at_quota(
        first_visits=per_day,
        second_visits=0,
        working_days=days,
        conversation_rate=_share(talks),
        closing_rate=_share(closing),
        commission_per_deal=commission,
    )
    values = {
        "per_day": number(per_day),
        "working_days": number(days),
        "conversation": percent(talks),
        "closing": percent(closing),
        "commission": number(commission),
    }
    return Variant(values, float(month["commission"]), 1.0)


# --- chapter 6 -------------------------------------------------------------------------------


def typhoon_break_even(rng: random.Random) -> Variant:
    """ch06: the flood chance above which moving the goods pays (typhoon model, one amount each).

    The variant states single amounts of its own, so the answer never rests on a reading of the
    case's "more than" figures.
    """
    while True:
        goods = rng.randrange(200_000, 2_000_001, 50_000)
        moving = rng.randrange(5_000, 20_001, 1_000)
        storage = rng.randrange(2_000, 10_001, 1_000)
        answer = 100 * typhoon.break_even_probability(moving + storage, goods)
        forgot_storage = 100 * typhoon.break_even_probability(moving, goods)
        if answer - forgot_storage > 0.12:  # twice the tolerance: the fees must both count
            break
    values = {"goods": number(goods), "moving": number(moving), "storage": number(storage)}
    return Variant(values, answer, 0.06)


def concentration_safe_share(rng: random.Random) -> Variant:
    """ch06: the largest share one customer may bring so that losing it still breaks even."""
    while True:
        margin = rng.choice((20, 22, 25, 28, 30))
        fixed = rng.randint(8, 18)
        delay = rng.choice((2, 3, 4, 6, 9))
        rate = rng.choice((4, 5, 6, 8))
        settings: dict[str, Any] = {
            "contribution_margin": _share(margin),
            "fixed_costs": fixed,
            "payment_delay_months": delay,
            "interest_rate": _share(rate),
        }
        answer = 100 * concentration.max_safe_share(**settings)
        no_interest = 100 * concentration.max_safe_share(**{**settings, "interest_rate": 0.0})
        if 5 <= answer <= 80 and no_interest - answer > 0.12:
            break
    values = {
        "margin": number(margin),
        "fixed": number(fixed),
        "delay": number(delay),
        "rate": percent(rate),
    }
    return Variant(values, answer, 0.06)


def walk_away_price(rng: random.Random) -> Variant:
    """ch06: a supplier's walk-away price against its biggest customer (negotiation model)."""
    while True:
        share = rng.choice((50, 60, 70, 80))
        margin = rng.choice((20, 25, 30))
        fixed = rng.randint(10, 18)
        delay = rng.choice((2, 3, 4, 6))
        rate = rng.choice((4, 5, 6, 8))
        replacement = rng.choice((10, 20, 30, 40))
        saved = rng.randint(1, min(fixed, 8))
        settings: dict[str, Any] = {
            "share_from_b": _share(share),
            "contribution_margin": _share(margin),
            "fixed_costs": fixed,
            "payment_delay_months": delay,
            "interest_rate": _share(rate),
            "replacement": _share(replacement),
            "fixed_saved": saved,
        }
        answer = 100 * negotiation.walk_away_price(**settings)
        no_interest = 100 * negotiation.walk_away_price(**{**settings, "interest_rate": 0.0})
        short_run = 100 * negotiation.walk_away_price(
            **{**settings, "replacement": 0.0, "fixed_saved": 0.0}
        )
        # A sensible price, and one that turns on the arrears and on the producer's alternative.
        if 65 <= answer <= 100 and min(abs(answer - no_interest), answer - short_run) > 0.12:
            break
    values = {
        "share": percent(share),
        "margin": number(margin),
        "fixed": number(fixed),
        "delay": number(delay),
        "rate": percent(rate),
        "replacement": percent(replacement),
        "saved": number(saved),
    }
    return Variant(values, answer, 0.06)


# --- chapter 7 -------------------------------------------------------------------------------

_PEOPLE = (
    "Ms Qiu",
    "Mr Bai",
    "Ms Tan",
    "Mr Guo",
    "Ms Pan",
    "Mr Xie",
    "Ms Jiang",
    "Mr Du",
)
# The words a sales manager writes on the map; the model reads "good friend" as its "ally".
STANCE_WORDS = {
    "ally": "good friend",
    "supporter": "supporter",
    "neutral": "neutral",
    "opponent": "opponent",
    "enemy": "enemy",
}
_INFLUENCE = {
    "approver": (7, 10),
    "decision-maker": (5, 9),
    "evaluator": (3, 7),
    "user": (1, 5),
    "sponsor": (2, 6),
}
STAKEHOLDERS = 5


def stakeholder_net_support(rng: random.Random) -> Variant:
    """ch07: net weighted support (support minus opposition) of a small stakeholder map."""
    while True:
        roles = ["approver", "decision-maker", "evaluator", "user"]
        roles.append(rng.choice(("decision-maker", "evaluator", "user", "sponsor")))
        names = rng.sample(_PEOPLE, STAKEHOLDERS)
        people: list[dict[str, Any]] = [
            {
                "name": name,
                "role": role,
                "stance": rng.choice(stakeholders.STANCES),
                "influence": rng.randint(*_INFLUENCE[role]),
            }
            for name, role in zip(names, roles, strict=True)
        ]
        mapped = stakeholders.stakeholder_map(people)
        answer = stakeholders.balance(mapped).net
        unweighted = sum(p["influence"] * p["stance_value"] for p in mapped)
        # Both sides on the map, and the role weights must matter to the answer.
        if (
            any(p["score"] > 0 for p in mapped)
            and any(p["score"] < 0 for p in mapped)
            and abs(unweighted - answer) > 0.1
        ):
            break
    values: dict[str, str] = {}
    for i, person in enumerate(people, start=1):
        values[f"p{i}_name"] = str(person["name"])
        values[f"p{i}_role"] = str(person["role"])
        values[f"p{i}_stance"] = STANCE_WORDS[str(person["stance"])]
        values[f"p{i}_influence"] = number(int(person["influence"]))
    return Variant(values, answer, 0.05)


GENERATORS: dict[str, Callable[[random.Random], Variant]] = {
    "retention_lifetime_value": retention_lifetime_value,
    "pinacor_focus_hours": pinacor_focus_hours,
    "retention_steady_state": retention_steady_state,
    "defection_cost": defection_cost,
    "delivered_value_gap": delivered_value_gap,
    "bond_level_gain": bond_level_gain,
    "clv_by_hand": clv_by_hand,
    "rfm_score": rfm_score,
    "visit_days": visit_days,
    "visit_month_commission": visit_month_commission,
    "typhoon_break_even": typhoon_break_even,
    "concentration_safe_share": concentration_safe_share,
    "walk_away_price": walk_away_price,
    "stakeholder_net_support": stakeholder_net_support,
}


def variant(item: dict, seed: int | str) -> Variant:
    """The variant of one computed item for a seed: random.Random(f"{seed}:{item['id']}").

    The item's id is part of the seed, so two items that share a generator get different
    numbers on the same paper, and the same paper always gets the same numbers.
    """
    name = item.get("generator")
    if name not in GENERATORS:
        known = ", ".join(sorted(GENERATORS))
        raise ValueError(
            f"Item {item.get('id', '?')!r} names the generator {name!r}, which does not exist. "
            f"Known generators: {known}."
        )
    return GENERATORS[name](random.Random(f"{seed}:{item['id']}"))
