"""How many prospects and visits does a sale take? The visit funnel of chapter 7.

The visit-training deck of chapter 7 sets two numbers without explaining them: keep a
"主顾300" going and make "7+3" visits every day. Its fourth concept says commission is
earned through visits, and one of its self-check questions asks the agent for the
closing rate of their selling approach. Put together, they describe a *sales funnel*:

    prospects on the list -> visits -> real sales conversations -> deals -> commission

This module computes the funnel both ways:

* ``plan_for_target`` works backwards from a target number of deals to the
  conversations, visits, prospects and working days it needs;
* ``month_at_quota`` works forwards from a month of "7+3" visits to the deals and
  commission it can be expected to bring, and to how fast it uses up the prospect list.

What comes from the source (via ``relsell.content.cases``): the 300 of 主顾300, read as the size
of a list of 300 names, and the 7 and the 3 of "7+3", read as ten visits a day in total.
Everything else (working days, conversion rates, visits per prospect, commission) is a
course assumption, named as such, for students to change.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import pandas as pd

from ..checks import ModelInputError, fraction, number, whole_number
from ._case import fact

__all__ = [
    "VisitAssumptions",
    "DEFAULT_TARGET_DEALS",
    "daily_quota",
    "plan_for_target",
    "month_at_quota",
    "summary",
]

# Course assumption (not a source figure): the deals an agent wants to close in a month.
DEFAULT_TARGET_DEALS = 5
_MAX_DEALS = 1000


def _quota(part: str) -> int:
    return int(fact("visit_rules", "daily_visits")[part])


@dataclass(frozen=True)
class VisitAssumptions:
    """The inputs of the visit funnel; every field is checked when it is created.

    ``prospects``, ``first_visits`` and ``second_visits`` come from the deck (主顾300 and
    "7+3"); the rest are course assumptions for a new insurance agent.
    """

    prospects: int = field(default_factory=lambda: int(fact("visit_rules", "prospect_list")))
    first_visits: int = field(default_factory=lambda: _quota("first"))
    second_visits: int = field(default_factory=lambda: _quota("second"))
    working_days: int = 22
    conversation_rate: float = 0.3
    closing_rate: float = 0.1
    visits_per_prospect: float = 3.0
    commission_per_deal: float = 800.0

    def __post_init__(self) -> None:
        checked = {
            "prospects": whole_number(
                "Prospects on the list",
                self.prospects,
                minimum=1,
                maximum=100_000,
                hint="Enter how many names are on the list, such as 300.",
            ),
            "first_visits": whole_number(
                "First part of the daily quota",
                self.first_visits,
                minimum=0,
                maximum=50,
                hint="Enter the 7 of '7+3' as a whole number of visits (0 to 50).",
            ),
            "second_visits": whole_number(
                "Second part of the daily quota",
                self.second_visits,
                minimum=0,
                maximum=50,
                hint="Enter the 3 of '7+3' as a whole number of visits (0 to 50).",
            ),
            "working_days": whole_number(
                "Working days per month",
                self.working_days,
                minimum=1,
                maximum=31,
                hint="Enter the days a month the agent visits, such as 22 (1 to 31).",
            ),
            "conversation_rate": fraction(
                "Conversation rate",
                self.conversation_rate,
                hint="It is the share of visits that become a real sales conversation.",
            ),
            "closing_rate": fraction(
                "Closing rate",
                self.closing_rate,
                hint="It is the share of sales conversations that end in a deal.",
            ),
            "visits_per_prospect": number(
                "Visits per prospect",
                self.visits_per_prospect,
                minimum=1,
                maximum=100,
                hint="Enter the average visits before a prospect says yes or no (1 to 100).",
            ),
            "commission_per_deal": number(
                "Commission per deal",
                self.commission_per_deal,
                minimum=0,
                maximum=1_000_000,
                hint="Enter the agent's commission per deal in yuan, 0 or more.",
            ),
        }
        if checked["first_visits"] + checked["second_visits"] == 0:
            raise ModelInputError(
                "The daily quota is 0 + 0 visits; an agent who never visits closes nothing. "
                "Enter at least one visit a day."
            )
        for key, value in checked.items():
            object.__setattr__(self, key, value)

    @property
    def visits_per_day(self) -> int:
        """The whole daily quota: 7 + 3 = 10 with the deck's numbers."""
        return self.first_visits + self.second_visits

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _assumptions(assumptions: VisitAssumptions | None, overrides: dict) -> VisitAssumptions:
    if assumptions is None:
        return VisitAssumptions(**overrides)
    if not isinstance(assumptions, VisitAssumptions):
        raise TypeError(
            "assumptions must be a VisitAssumptions(...) or None; "
            f"got {type(assumptions).__name__}."
        )
    if overrides:
        return VisitAssumptions(**{**assumptions.as_dict(), **overrides})
    return assumptions


def daily_quota(assumptions: VisitAssumptions | None = None, **overrides) -> int:
    """Visits a day under the quota: ``first_visits + second_visits`` (7 + 3 = 10)."""
    return _assumptions(assumptions, overrides).visits_per_day


def _up(value: float) -> int:
    """Round up to a whole visit, conversation or day; a tiny float error is not one more."""
    return int(math.ceil(value - 1e-9))


def plan_for_target(
    target_deals: int = DEFAULT_TARGET_DEALS,
    assumptions: VisitAssumptions | None = None,
    **overrides,
) -> pd.DataFrame:
    """Work backwards from a target number of deals to what it takes.

    Returns one row per funnel stage (``prospects``, ``visits``, ``conversations``,
    ``deals``) with the whole number ``needed`` at that stage, each rounded *up* (half a
    visit is still a visit). ``days`` in ``DataFrame.attrs`` is the working days the
    visits take at the daily quota, and ``share_of_list`` the part of the prospect list
    they use.
    """
    deals = whole_number(
        "Target deals",
        target_deals,
        minimum=1,
        maximum=_MAX_DEALS,
        hint=f"Enter how many deals you want to close, a whole number from 1 to {_MAX_DEALS}.",
    )
    a = _assumptions(assumptions, overrides)
    if a.closing_rate == 0 or a.conversation_rate == 0:
        zero = "Closing rate" if a.closing_rate == 0 else "Conversation rate"
        raise ModelInputError(
            f"{zero} is 0, so no number of visits reaches a deal. Enter a share above 0, "
            "such as 0.1 for 10 %."
        )
    conversations = _up(deals / a.closing_rate)
    visits = _up(conversations / a.conversation_rate)
    prospects = _up(visits / a.visits_per_prospect)
    table = pd.DataFrame(
        {
            "stage": ["prospects", "visits", "conversations", "deals"],
            "needed": [prospects, visits, conversations, deals],
        }
    )
    table.attrs.update(
        days=_up(visits / a.visits_per_day),
        visits_per_day=a.visits_per_day,
        share_of_list=prospects / a.prospects,
        list_size=a.prospects,
        target_deals=deals,
    )
    return table


def month_at_quota(assumptions: VisitAssumptions | None = None, **overrides) -> dict[str, float]:
    """What one month of the daily quota can be expected to bring.

    Expected values, not promises: ``visits`` = quota x working days; ``conversations``
    and ``deals`` follow from the two rates (so deals may be a fraction: 6.6 is "six or
    seven in an average month"); ``commission`` in yuan; ``prospects_used`` = visits /
    visits per prospect, the names the month takes off the list; ``list_months`` = how
    many months the list lasts if no new names are added.
    """
    a = _assumptions(assumptions, overrides)
    visits = float(a.visits_per_day * a.working_days)
    conversations = visits * a.conversation_rate
    deals = conversations * a.closing_rate
    used = visits / a.visits_per_prospect
    return {
        "visits": visits,
        "conversations": conversations,
        "deals": deals,
        "commission": deals * a.commission_per_deal,
        "prospects_used": used,
        "list_months": a.prospects / used,
    }


def _check_plan(table: object) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame) or list(table.get("stage", [])) != [
        "prospects",
        "visits",
        "conversations",
        "deals",
    ]:
        raise TypeError("Expected the table returned by plan_for_target().")
    return table


def summary(plan: pd.DataFrame, month: dict[str, float] | None = None) -> str:
    """The funnel in words: what the target needs, and what a month at the quota brings."""
    t = _check_plan(plan)
    need = dict(zip(t["stage"], t["needed"], strict=True))
    info = t.attrs
    deals = int(need["deals"])
    first = (
        f"To close {deals} deal{'s' if deals != 1 else ''} you need about "
        f"{need['conversations']:,} sales conversations, {need['visits']:,} visits and "
        f"{need['prospects']:,} prospects ({info['share_of_list']:.0%} of a list of "
        f"{info['list_size']:,}); at {info['visits_per_day']} visits a day that is "
        f"{info['days']} working day{'s' if info['days'] != 1 else ''}."
    )
    if month is None:
        return first
    if not isinstance(month, dict) or not {"visits", "deals", "commission"} <= set(month):
        raise TypeError("Expected the dictionary returned by month_at_quota().")
    second = (
        f" A full month at the quota ({month['visits']:,.0f} visits) brings about "
        f"{month['deals']:.1f} deals and {month['commission']:,.0f} yuan of commission on "
        f"average, and uses up about {month['prospects_used']:.0f} names, so without new "
        f"names the list lasts about {month['list_months']:.1f} months."
    )
    return first + second
