"""The hand calculations printed on the chapter 4 page agree with the formulas they teach.

Plain Python on purpose: the page's worked CLV example, its ABC tiers and its RFM scores are
recomputed here from the definitions in the chapter (not from ``relsell.analytics``), and
every figure the prose states is looked for in the page, so an edit to one cannot silently
leave the other wrong.
"""

from __future__ import annotations

import math

import pytest

PAGE = "book/ch04_crm_and_selling.md"

# Ms Wang's lease (the worked example): year t -> (Q_t, C_t), discount rate 8 %.
WORKED = {0: (12_000, 9_000), 1: (14_000, 4_000), 2: (14_000, 4_000), 3: (14_000, 4_000)}
RATE = 0.08

# Liu Yang's customer file (task implementation): revenue, days since last order, orders.
FILE = {
    "Golden Bowl": (105_000, 3, 26),
    "Riverside Hotel": (90_000, 10, 12),
    "Campus canteen": (60_000, 45, 6),
    "Hotpot House": (45_000, 6, 20),
    "Dumpling King": (30_000, 25, 10),
    "Lin's Café": (25_000, 120, 4),
    "Sunrise Bakery": (20_000, 14, 15),
    "Teahouse": (12_000, 75, 3),
    "Night-market stall": (8_000, 200, 2),
    "Food truck": (5_000, 30, 5),
}


def clv(flows: dict[int, tuple[float, float]], rate: float) -> float:
    """V_k = sum over t = 0..T of (Q_t - C_t)(1 + i)^-t, written out as the page states it."""
    return sum((q - c) * (1 + rate) ** -t for t, (q, c) in flows.items())


def rank_score(values: list[float], value: float, bins: int = 5) -> int:
    """Score 1..bins by position from worst (smallest) to best; ties share the lower position."""
    position = sum(v < value for v in values) + 1
    return 1 + (bins * (position - 1)) // len(values)


def abc_tier(revenues: list[float], revenue: float) -> str:
    """The course rule: by the share of revenue of the customers ranked above."""
    above = sum(r for r in revenues if r > revenue) / sum(revenues)
    for tier, cutoff in (("High-end", 0.5), ("Key", 0.8), ("Medium", 0.95)):
        if above < cutoff - 1e-12:
            return tier
    return "Small"


@pytest.fixture
def page(repo) -> str:
    return (repo / PAGE).read_text(encoding="utf-8")


def test_the_worked_clv_example_matches_the_formula(page):
    value = clv(WORKED, RATE)
    assert value == pytest.approx(28_770.97, abs=0.005)
    terms = [(q - c) * (1 + RATE) ** -t for t, (q, c) in WORKED.items()]
    for term in terms:
        assert f"{term:,.2f}" in page, f"term {term:,.2f} missing from the page"
    assert "**28,770.97 yuan, about 28,771 yuan**" in page
    undiscounted = sum(q - c for q, c in WORKED.values())
    assert undiscounted == 33_000 and "**33,000**" in page
    assert f"about {round(undiscounted - value):,} yuan" in page  # "about 4,229 yuan"
    for t in (1, 2, 3):
        assert f"{(1 + RATE) ** -t:.4f}" in page
    assert "1.1664" in page and "1.259712" in page
    assert math.isclose(1.08**2, 1.1664) and math.isclose(1.08**3, 1.259712)


def test_the_worked_example_is_a_four_year_lease_valued_from_its_start(page):
    """Four cash flows (t = 0 … 3) are four years of lease; t = 0 is the start, here today."""
    text = " ".join(page.split())
    assert len(WORKED) == 4 and max(WORKED) == 3
    assert "for four years, starting now" in text and "$T = 3$" in text
    assert "money of **year 0, the start of the relationship**" in text
    assert "three-year" not in text and "for three years" not in text


def test_the_existing_customer_example_compounds_the_past_and_discounts_the_future(page):
    """Ms Wang two years on (tau = 2): history compounded forward, future discounted back."""
    tau = 2
    history = sum((q - c) * (1 + RATE) ** (tau - t) for t, (q, c) in WORKED.items() if t <= tau)
    future = sum((q - c) * (1 + RATE) ** -(t - tau) for t, (q, c) in WORKED.items() if t > tau)
    today = history + future
    assert today == pytest.approx(clv(WORKED, RATE) * (1 + RATE) ** tau)
    text = " ".join(page.split())
    assert f"= {history:,.2f} yuan" in text  # 24,299.20
    assert f"10,000 ÷ 1.08 = {future:,.2f} yuan" in text  # 9,259.26
    assert f"**{today:,.2f} yuan** (= 28,770.97 × 1.1664)" in text  # 33,558.46
    assert "3,499.20 + 10,800.00 + 10,000.00" in text


def test_the_thinking_and_quiz_clv_exercises_have_the_stated_answers():
    # Thinking and training 5: 2,000 in year 0, 5,000 in years 1 and 2, 10 %.
    assert clv({0: (2_000, 0), 1: (5_000, 0), 2: (5_000, 0)}, 0.10) == pytest.approx(
        10_677.69, abs=0.005
    )
    # Quiz ch04-q07: 2,000, 3,000, 3,000 at 10 % -> 7,206.61 (range 7,200-7,213).
    assert clv({0: (2_000, 0), 1: (3_000, 0), 2: (3_000, 0)}, 0.10) == pytest.approx(
        7_206.61, abs=0.005
    )


def test_the_abc_tiers_and_running_shares_on_the_page(page):
    revenues = [r for r, _, _ in FILE.values()]
    assert sum(revenues) == 400_000 and "Total revenue is 400,000 yuan" in page
    running = 0
    counts = {"High-end": 0, "Key": 0, "Medium": 0, "Small": 0}
    for name, (revenue, _, _) in sorted(FILE.items(), key=lambda kv: -kv[1][0]):
        above = running
        running += revenue
        tier = abc_tier(revenues, revenue)
        counts[tier] += 1
        row = (
            f"| {name.split(' noodle')[0]} | {running:,} | {running / 4_000:.2f} % "
            f"| {above / 4_000:.2f} % | {tier} |"
        )
        assert row in page, row
    assert counts == {"High-end": 3, "Key": 2, "Medium": 3, "Small": 2}
    assert "3 high-end, 2 key, 3 medium and 2 small customers" in " ".join(page.split())


def test_the_rfm_scores_on_the_page(page):
    days = [d for _, d, _ in FILE.values()]
    orders = [o for _, _, o in FILE.values()]
    money = [m for m, _, _ in FILE.values()]
    for name, (m, d, f) in FILE.items():
        # fewer days is better: score the negated days so that larger is better
        r_score = rank_score([-x for x in days], -d)
        f_score = rank_score(orders, f)
        m_score = rank_score(money, m)
        total = r_score + f_score + m_score
        short = name.split(" noodle")[0]
        row = f"| {short} | {r_score} | {f_score} | {m_score} | {total} |"
        assert row in page, row
    # the example in the prose: the canteen is 4th from worst on recency
    assert rank_score([-x for x in days], -45) == 2
    assert "$S = 2 + 3 + 4 = 9$" in page


def test_the_quiz_rfm_and_abc_numeric_answers():
    positions = {"R": 7, "F": 4, "M": 10}
    assert sum(1 + (5 * (p - 1)) // 10 for p in positions.values()) == 11
    revenues = [40, 30, 12, 8, 6, 4]
    tiers = [abc_tier(revenues, r) for r in revenues]
    assert tiers.count("Medium") == 2


def test_the_page_and_the_analytics_package_use_the_same_abc_rule():
    """The page's hand-worked tiers must be what relsell.analytics computes for the same file."""
    import numpy as np

    from relsell.analytics.abc_analysis import TIERS, abc_codes

    revenues = [r for r, _, _ in FILE.values()]
    codes = abc_codes(np.array([r * 100 for r in revenues], dtype=float))
    assert [TIERS[c] for c in codes] == [abc_tier(revenues, r) for r in revenues]
