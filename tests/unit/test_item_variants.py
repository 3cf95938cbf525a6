"""The computed graded items: seeded variants whose keys are what the course's models compute.

For every computed item in instructor/item_bank/computed/chNN.yaml: the file is valid and names
real objectives; its generator exists; a seed always gives the same numbers and different seeds
give different papers; every placeholder of the text is filled; and the key equals what the
relsell model computes when it is run again here from the numbers *as the student reads them*
(parsed back from the displayed text), with a tolerance that is positive and smaller than the
gap to the most likely mistake.
"""

from __future__ import annotations

import json
import math
import random
import string
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
import yaml

from relsell.analytics import analyse, lifetime_value, quantile_scores
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
from relsell.params import check_all
from relsell_book import course, item_bank, item_variants
from relsell_book.item_variants import GENERATORS, Variant, variant

REPO = Path(__file__).resolve().parents[2]
BANK = REPO / "instructor" / "item_bank"
CHAPTERS = [f"ch{n:02d}" for n in range(1, 8)]
# Chapters with two models that compute something meaningful carry at least two items.
TWO_ITEMS = ("ch02", "ch03", "ch04", "ch05", "ch06")
SEEDS = range(20)


def _load(chapter: str) -> dict:
    return yaml.safe_load((BANK / "computed" / f"{chapter}.yaml").read_text(encoding="utf-8"))


ITEMS = [item for chapter in CHAPTERS for item in _load(chapter)["items"]]
IDS = [item["id"] for item in ITEMS]


# --- reading the displayed numbers back ----------------------------------------------------


def num(text: str) -> float:
    """ "1,200,000" -> 1200000.0: the number a student reads on the paper."""
    return float(text.replace(",", ""))


def whole(text: str) -> int:
    value = num(text)
    assert value.is_integer(), f"{text!r} should be a whole number"
    return int(value)


def share(text: str) -> float:
    """ "85 %" -> 0.85."""
    assert text.endswith(" %"), f"{text!r} should be a percentage such as '85 %'"
    return num(text[:-2]) / 100


# --- each model run again from the displayed numbers: (answer, {mistake: its answer}) -------

Recompute = Callable[[dict[str, str]], tuple[float, dict[str, float]]]


def _retention(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    settings = {
        "margin_per_order": num(v["margin"]),
        "orders_per_year": num(v["orders"]),
        "acquisition_cost": num(v["acquisition"]),
        "relationship_cost": num(v["relationship"]),
        "retention_rate": share(v["retention"]),
        "margin_growth": share(v["growth"]),
        "discount_rate": share(v["discount"]),
        "years": whole(v["years"]),
    }

    def value(**change: float) -> float:
        return retention.run(**{**settings, **change})["table"][-1]["retained_cumulative"]

    return value(), {
        "not discounted": value(discount_rate=0.0),
        "not weighted by retention": value(retention_rate=1.0),
        "acquisition cost left out": value(acquisition_cost=0.0),
        "no margin growth": value(margin_growth=0.0),
    }


def _pinacor(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    counts = [whole(v["integrators"]), whole(v["resellers"]), whole(v["smb"])]
    assert whole(v["total"]) == sum(counts)
    assert num(v["rate_share"]) == pytest.approx(share(v["rate"]))
    result = pinacor.run(
        type_0=counts[0],
        type_1=counts[1],
        type_2=counts[2],
        first_account_hours=num(v["hours"]),
        learning_rate=share(v["rate"]),
    )
    territory, segment = result["table"]
    return result["hours_saved"], {
        "territory hours, not the saving": territory["learning_hours"],
        "segment hours, not the saving": segment["learning_hours"],
    }


def _steady_state(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    won, low, high = num(v["won"]), share(v["retention"]), share(v["better"])
    check_all(customer_base.PARAMS, {"new_customers_per_year": won, "retention_rate": low})
    check_all(customer_base.PARAMS, {"retention_rate": high})
    better = customer_base.steady_state_customers(won, high)
    now = customer_base.steady_state_customers(won, low)
    return better - now, {"the new base, not the difference": better}


def _defection(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    years = whole(v["years"])
    assert whole(v["last_year"]) == years - 1
    settings = {
        "margin_per_customer": num(v["margin"]),
        "service_cost": num(v["service"]),
        "retention_rate": share(v["retention"]),
        "discount_rate": share(v["discount"]),
        "years": years,
    }

    def value(**change: float) -> float:
        return customer_base.defection_cost(**{**settings, **change})

    return value(), {
        "not discounted": value(discount_rate=0.0),
        "not weighted by retention": value(retention_rate=1.0),
        "one year too many": value(years=years + 1),
    }


def _delivered_value(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    result = delivered_value.run(**{key: num(text) for key, text in v.items()})
    first, second = result["table"]
    return result["price_cut"], {
        "the price gap": abs(num(v["a_money"]) - num(v["b_money"])),
        "the value gap": abs(first["total_value"] - second["total_value"]),
    }


def _bonds(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    level = whole(v["level"])
    years = whole(v["years"])
    settings = {
        "margin": num(v["margin"]),
        "base_retention": share(v["retention"]),
        "discount_rate": share(v["discount"]),
        "years": years,
        f"cost_{level}": num(v["cost"]),
        f"uplift_{level}": num(v["uplift"]) / 100,
        f"copy_{level}": num(v["copy"]),
    }

    def gain(**change: float) -> float:
        return bonds.run(**{**settings, **change})["gains"][level - 1]["gain"]

    return gain(), {
        "never copied": gain(**{f"copy_{level}": years}),
        "not discounted": gain(discount_rate=0.0),
    }


def _clv(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    last = whole(v["last"])
    assert whole(v["years"]) == last + 1
    q1, step, cost = num(v["q1"]), num(v["step"]), num(v["cost"])
    profits = [num(v["q0"])] + [q1 + step * (t - 1) for t in range(1, last + 1)]
    costs = [num(v["c0"])] + [cost] * last
    rate = share(v["discount"])
    return float(lifetime_value(profits, costs, rate)), {
        "not discounted": float(lifetime_value(profits, costs, 0.0)),
        "year 0 discounted too": float(lifetime_value([0.0, *profits], [0.0, *costs], rate)),
        "one year too few": float(lifetime_value(profits[:-1], costs[:-1], rate)),
    }


def _rfm(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    """Through the chapter's own pipeline: a transactions table analysed by relsell.analytics."""
    as_of = pd.Timestamp("2026-01-01")
    rows = []
    customers = {}
    for i in range(1, item_variants.RFM_CUSTOMERS + 1):
        name = v[f"c{i}_name"]
        revenue, days, orders = (
            num(v[f"c{i}_revenue"]),
            whole(v[f"c{i}_days"]),
            whole(v[f"c{i}_orders"]),
        )
        customers[name] = (revenue, days, orders)
        last = as_of - pd.Timedelta(days=days)
        for k in range(orders):  # the last order `days` ago, the others a day apart before it
            rows.append((name, last - pd.Timedelta(days=k), revenue / orders))
    table = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    scored = analyse(table, as_of=as_of).customers.set_index("customer_id")
    target = v["target"]
    assert scored.loc[target, "recency_days"] == customers[target][1]
    answer = float(scored.loc[target, "rfm_score"])
    names = list(customers)
    backwards = quantile_scores([customers[n][1] for n in names])  # more days taken as better
    reversed_r = answer - scored.loc[target, "r_score"] + int(backwards[names.index(target)])
    return answer, {"recency scored the wrong way round": float(reversed_r)}


def _visit_days(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    per_day = whole(v["per_day"])
    plan = visits.run(
        target_deals=whole(v["deals"]),
        first_visits=per_day,
        second_visits=0,
        conversation_rate=share(v["conversation"]),
        closing_rate=share(v["closing"]),
    )["plan"]
    return plan["days"], {"the last part-day not counted": plan["needed"]["visits"] // per_day}


def _visit_commission(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    settings = {
        "first_visits": whole(v["per_day"]),
        "second_visits": 0,
        "working_days": whole(v["working_days"]),
        "conversation_rate": share(v["conversation"]),
        "closing_rate": share(v["closing"]),
        "commission_per_deal": num(v["commission"]),
    }

    def value(**change: float) -> float:
        return visits.run(**{**settings, **change})["month"]["commission"]

    return value(), {
        "conversation rate left out": value(conversation_rate=1.0),
        "closing rate left out": value(closing_rate=1.0),
    }


def _typhoon(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    goods = num(v["goods"])
    moving, storage = num(v["moving"]), num(v["storage"])

    def value(cost: float) -> float:
        result = typhoon.run(cost_low=cost, cost_high=cost, value_low=goods, value_high=goods)
        assert result["break_even_low"] == result["break_even_high"]
        return 100 * result["break_even_low"]

    return value(moving + storage), {
        "storage fees left out": value(moving),
        "moving fees left out": value(storage),
    }


def _concentration(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    settings = {
        "contribution_margin": num(v["margin"]) / 100,
        "fixed_costs": num(v["fixed"]),
        "payment_delay_months": num(v["delay"]),
        "interest_rate": share(v["rate"]),
    }

    def value(**change: float) -> float:
        return 100 * concentration.run(**{**settings, **change})["max_safe_share"]

    return value(), {"arrears interest left out": value(interest_rate=0.0)}


def _negotiation(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    settings = {
        "share_from_b": share(v["share"]),
        "contribution_margin": num(v["margin"]) / 100,
        "fixed_costs": num(v["fixed"]),
        "payment_delay_months": num(v["delay"]),
        "interest_rate": share(v["rate"]),
        "replacement": share(v["replacement"]),
        "fixed_saved": num(v["saved"]),
    }

    def value(**change: float) -> float:
        result = negotiation.run(**{**settings, **change})
        return 100 * result["walk_away"]

    answer = value()
    # At the walk-away price the producer earns as much with the contractor as without.
    result = negotiation.run(**settings)
    curve = {row["price"]: row["profit_with_b"] for row in result["curve"]}
    below, above = math.floor(answer) / 100, math.ceil(answer) / 100
    if below in curve and above in curve and below != above:
        assert curve[below] - 1e-9 <= result["batna_profit"] <= curve[above] + 1e-9
    return answer, {
        "arrears interest left out": value(interest_rate=0.0),
        "no alternative at all (nothing replaced, nothing saved)": value(
            replacement=0.0, fixed_saved=0.0
        ),
    }


def _stakeholders(v: dict[str, str]) -> tuple[float, dict[str, float]]:
    people = [
        {
            "name": v[f"p{i}_name"],
            "role": v[f"p{i}_role"],
            "stance": v[f"p{i}_stance"],  # "good friend" is the model's own alias for "ally"
            "influence": num(v[f"p{i}_influence"]),
        }
        for i in range(1, item_variants.STAKEHOLDERS + 1)
    ]
    answer = stakeholders.balance(people).net
    unweighted = stakeholders.balance(
        stakeholders.stakeholder_map(people, {role: 1.0 for role in stakeholders.ROLES})
    ).net
    return answer, {"role weights left out": unweighted}


RECOMPUTE: dict[str, Recompute] = {
    "retention_lifetime_value": _retention,
    "pinacor_focus_hours": _pinacor,
    "retention_steady_state": _steady_state,
    "defection_cost": _defection,
    "delivered_value_gap": _delivered_value,
    "bond_level_gain": _bonds,
    "clv_by_hand": _clv,
    "rfm_score": _rfm,
    "visit_days": _visit_days,
    "visit_month_commission": _visit_commission,
    "typhoon_break_even": _typhoon,
    "concentration_safe_share": _concentration,
    "walk_away_price": _negotiation,
    "stakeholder_net_support": _stakeholders,
}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# --- the files --------------------------------------------------------------------------------


def test_every_chapter_has_computed_items_valid_against_the_schema():
    schema = json.loads((BANK / "item_bank.schema.json").read_text(encoding="utf-8"))
    objectives = course.all_objectives()
    seen: set[str] = set()
    for chapter in CHAPTERS:
        data = _load(chapter)
        jsonschema.validate(data, schema)
        assert data["chapter"] == chapter
        items = data["items"]
        assert len(items) >= (2 if chapter in TWO_ITEMS else 1), chapter
        for item in items:
            assert item["type"] == "computed"
            assert item["id"].startswith(f"{chapter}-c"), item["id"]
            assert item["id"] not in seen, f"{item['id']} is used twice"
            seen.add(item["id"])
            assert item["objective"] in objectives, item["objective"]
            assert item["objective"].startswith(chapter), (item["id"], item["objective"])


def test_every_generator_is_used_and_checked_here():
    used = {item["generator"] for item in ITEMS}
    assert used == set(GENERATORS), "a generator without an item, or an item without one"
    assert set(RECOMPUTE) == set(GENERATORS), "every generator needs its recompute in this test"


# --- the variants -----------------------------------------------------------------------------


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_generator_exists_and_returns_a_variant(item):
    assert item["generator"] in GENERATORS
    chosen = variant(item, 2027)
    assert isinstance(chosen, Variant)
    assert all(isinstance(k, str) and isinstance(x, str) for k, x in chosen.values.items())


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_the_same_seed_gives_the_same_variant(item):
    assert variant(item, 7) == variant(item, 7)
    assert variant(item, "term-2027") == variant(item, "term-2027")


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_twenty_seeds_give_at_least_eight_different_papers(item):
    papers = {tuple(sorted(variant(item, seed).values.items())) for seed in SEEDS}
    assert len(papers) >= 8, f"{item['id']}: only {len(papers)} different variants in 20 seeds"


def test_two_items_with_one_generator_on_one_paper_differ():
    """The item id is part of the seed (a check of variant() itself, with invented ids)."""
    first = {"id": "ch99-c01", "generator": "typhoon_break_even"}
    second = {"id": "ch99-c02", "generator": "typhoon_break_even"}
    assert variant(first, 1) != variant(second, 1)


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_every_placeholder_is_filled_and_every_number_shown(item):
    needed = _placeholders(item["vignette"]) | _placeholders(item["question"])
    for key in ("answer_format", "feedback"):  # shown as written: no placeholders there
        assert "{" not in item[key] and "}" not in item[key], (item["id"], key)
    for seed in SEEDS:
        chosen = variant(item, seed)
        assert set(chosen.values) == needed, item["id"]
        for key in ("vignette", "question"):
            text = item[key].format(**chosen.values)
            assert "{" not in text and "}" not in text, (item["id"], key, text)
        concrete = item_bank.concrete({**item, "chapter": item["id"][:4]}, seed)
        assert concrete["type"] == "numeric"
        assert concrete["answer"] == chosen.answer


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_the_answer_is_what_the_model_computes_from_the_displayed_numbers(item):
    recompute = RECOMPUTE[item["generator"]]
    for seed in [*SEEDS, 2027]:
        chosen = variant(item, seed)
        assert math.isfinite(chosen.answer)
        expected, _ = recompute(chosen.values)
        assert chosen.answer == pytest.approx(expected, rel=1e-9, abs=1e-9), (item["id"], seed)


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_the_tolerance_is_positive_and_below_the_gap_to_each_likely_mistake(item):
    recompute = RECOMPUTE[item["generator"]]
    for seed in [*SEEDS, 2027]:
        chosen = variant(item, seed)
        assert 0 < chosen.tolerance
        _, mistakes = recompute(chosen.values)
        for mistake, wrong in mistakes.items():
            gap = abs(wrong - chosen.answer)
            assert gap > chosen.tolerance, (item["id"], seed, mistake, wrong, chosen.answer)


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_a_key_rounded_as_the_answer_format_asks_is_accepted(item):
    """An answer rounded to what the format asks (a whole number, or one decimal) is right."""
    decimals = 1 if "one decimal" in item["answer_format"] else 0
    for seed in SEEDS:
        chosen = variant(item, seed)
        written = round(chosen.answer, decimals)
        assert abs(written - chosen.answer) <= chosen.tolerance, (item["id"], seed)


def test_an_unknown_generator_is_named():
    with pytest.raises(ValueError, match="no_such_generator"):
        variant({"id": "ch01-c99", "generator": "no_such_generator"}, 1)


def test_numbers_are_shown_as_a_person_writes_them():
    assert item_variants.number(1_200_000) == "1,200,000"
    assert item_variants.number(2.5) == "2.5"
    assert item_variants.number(7.0) == "7"
    assert item_variants.percent(85) == "85 %"


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_generators_use_only_their_own_random_generator(name):
    """A generator draws from the Random it is given, never the global one."""
    random.seed(1)
    before = random.random()
    random.seed(1)
    GENERATORS[name](random.Random(5))
    assert random.random() == before
