"""How many prospects and visits does a sale take? The visit funnel of chapter 7.

The visit-training deck of chapter 5 sets two numbers without explaining them: keep a
"主顾300" going and make "7+3" visits every day. Its fourth concept says commission is
earned through visits, and one of its self-check questions asks the agent for the
closing rate of their selling approach. Put together, they describe a *sales funnel*:

    prospects on the list -> visits -> real sales conversations -> deals -> commission

This module computes the funnel both ways:

* ``plan_for_target`` works backwards from a target number of deals to the
  conversations, visits, prospects and working days it needs;
* ``month_at_quota`` works forwards from a month of "7+3" visits to the deals and
  commission it can be expected to bring, and to how fast it uses up the prospect list.

What comes from the source (the case file, via ``models._case.fact``): the 300 of 主顾300,
read as the size of a list of 300 names, and the 7 and the 3 of "7+3", read as ten visits a
day in total. Everything else (working days, conversion rates, visits per prospect,
commission) is a course assumption, named as such, for students to change.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from ..checks import ModelInputError, records
from ..params import Param, check_all, checked, defaults, settle
from ._case import fact

__all__ = [
    "PARAMS",
    "ASSUMPTIONS",
    "VisitAssumptions",
    "DEFAULT_TARGET_DEALS",
    "STAGES",
    "daily_quota",
    "plan_for_target",
    "month_at_quota",
    "summary",
    "run",
]

# Course assumption (not a source figure): the deals an agent wants to close in a month.
DEFAULT_TARGET_DEALS = 5
_MAX_DEALS = 1000
# From the deck: the list of 主顾300 and the two parts of the daily "7+3".
_PROSPECTS = int(fact("visit_rules", "prospect_list"))
_FIRST = int(fact("visit_rules", "daily_visits")["first"])
_SECOND = int(fact("visit_rules", "daily_visits")["second"])
# The funnel's stages from the widest to the narrowest, in the order of the plan's table.
STAGES = ("prospects", "visits", "conversations", "deals")

TARGET = Param(
    "target_deals",
    "Target deals",
    "whole",
    default=DEFAULT_TARGET_DEALS,
    minimum=1,
    maximum=_MAX_DEALS,
    high=50,
    hint=f"Enter how many deals you want to close, a whole number from 1 to {_MAX_DEALS}.",
)

# The assumptions of the funnel: the first three from the deck, the rest for a new agent.
ASSUMPTIONS = (
    Param(
        "prospects",
        "Prospects on the list",
        "whole",
        default=_PROSPECTS,
        minimum=1,
        maximum=100_000,
        low=10,
        high=1000,
        step=10,
        hint="Enter how many names are on the list, such as 300.",
    ),
    Param(
        "first_visits",
        "First part of the daily quota",
        "whole",
        default=_FIRST,
        minimum=0,
        maximum=50,
        high=20,
        hint="Enter the 7 of '7+3' as a whole number of visits (0 to 50).",
    ),
    Param(
        "second_visits",
        "Second part of the daily quota",
        "whole",
        default=_SECOND,
        minimum=0,
        maximum=50,
        high=20,
        hint="Enter the 3 of '7+3' as a whole number of visits (0 to 50).",
    ),
    Param(
        "working_days",
        "Working days per month",
        "whole",
        default=22,
        minimum=1,
        maximum=31,
        hint="Enter the days a month the agent visits, such as 22 (1 to 31).",
    ),
    Param(
        "conversation_rate",
        "Conversation rate",
        "share",
        default=0.3,
        step=0.01,
        percent=True,
        hint="It is the share of visits that become a real sales conversation.",
    ),
    Param(
        "closing_rate",
        "Closing rate",
        "share",
        default=0.1,
        step=0.01,
        percent=True,
        hint="It is the share of sales conversations that end in a deal.",
    ),
    Param(
        "visits_per_prospect",
        "Visits per prospect",
        default=3.0,
        minimum=1,
        maximum=100,
        high=10,
        step=0.5,
        hint="Enter the average visits before a prospect says yes or no (1 to 100).",
    ),
    Param(
        "commission_per_deal",
        "Commission per deal",
        default=800.0,
        minimum=0,
        maximum=1_000_000,
        high=5000,
        step=50,
        unit="yuan",
        hint="Enter the agent's commission per deal in yuan, 0 or more.",
    ),
)

# Every setting a student can move: the target first, then the assumptions.
PARAMS = (TARGET, *ASSUMPTIONS)


@dataclass(frozen=True)
@checked(ASSUMPTIONS)
class VisitAssumptions:
    """The inputs of the visit funnel; every field is checked by its ``Param``.

    ``prospects``, ``first_visits`` and ``second_visits`` come from the deck (主顾300 and
    "7+3"); the rest are course assumptions for a new insurance agent.
    """

    prospects: int = _PROSPECTS
    first_visits: int = _FIRST
    second_visits: int = _SECOND
    working_days: int = 22
    conversation_rate: float = 0.3
    closing_rate: float = 0.1
    visits_per_prospect: float = 3.0
    commission_per_deal: float = 800.0

    def __post_init__(self) -> None:  # runs after every field has passed its Param
        if self.first_visits + self.second_visits == 0:
            raise ModelInputError(
                "The daily quota is 0 + 0 visits; an agent who never visits closes nothing. "
                "Enter at least one visit a day."
            )

    @property
    def visits_per_day(self) -> int:
        """The whole daily quota: 7 + 3 = 10 with the deck's numbers."""
        return self.first_visits + self.second_visits

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _assumptions(assumptions: VisitAssumptions | None, overrides: dict) -> VisitAssumptions:
    return settle(VisitAssumptions, assumptions, overrides, "assumptions")


def daily_quota(assumptions: VisitAssumptions | None = None, **overrides: Any) -> int:
    """Visits a day under the quota: ``first_visits + second_visits`` (7 + 3 = 10)."""
    return _assumptions(assumptions, overrides).visits_per_day


def _up(value: float) -> int:
    """Round up to a whole visit, conversation or day; a tiny float error is not one more."""
    return int(math.ceil(value - 1e-9))


def plan_for_target(
    target_deals: int = DEFAULT_TARGET_DEALS,
    assumptions: VisitAssumptions | None = None,
    **overrides: Any,
) -> dict:
    """Work backwards from a target number of deals to what it takes.

    Every stage is a whole number rounded *up* (half a visit is still a visit). Returns:
    ``needed`` ({stage: number}, e.g. ``plan["needed"]["visits"]``), ``table`` (the same
    numbers as records, one per stage, widest first: ``stage``, ``needed``), ``days`` (the
    working days the visits take at the daily quota), ``visits_per_day``, ``share_of_list``
    (the part of the prospect list used), ``list_size`` and ``target_deals``.
    """
    deals = TARGET.check(target_deals)
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
    needed = dict(zip(STAGES, (prospects, visits, conversations, deals), strict=True))
    return {
        "needed": needed,
        "table": [{"stage": stage, "needed": number} for stage, number in needed.items()],
        "days": _up(visits / a.visits_per_day),
        "visits_per_day": a.visits_per_day,
        "share_of_list": prospects / a.prospects,
        "list_size": a.prospects,
        "target_deals": deals,
    }


def month_at_quota(
    assumptions: VisitAssumptions | None = None, **overrides: Any
) -> dict[str, float]:
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


_PLAN_KEYS = ("table", "days", "visits_per_day", "share_of_list", "list_size", "target_deals")


def _check_plan(plan: object) -> dict:
    """``plan`` if it is what ``plan_for_target()`` returns, else one sentence saying why not.

    Used by ``summary`` and the chart, which read the plan's stages and its working days.
    """
    if not isinstance(plan, dict) or any(key not in plan for key in _PLAN_KEYS):
        raise TypeError(
            f"Expected the plan returned by plan_for_target(); got {type(plan).__name__}."
        )
    table = records(plan["table"], ("stage", "needed"), what="the table of plan_for_target()")
    if [row["stage"] for row in table] != list(STAGES):
        raise ModelInputError(
            f"Expected the table of plan_for_target(), one row per stage: {', '.join(STAGES)}."
        )
    return plan


def summary(plan: dict, month: dict[str, float] | None = None) -> str:
    """The funnel in words: what the target needs, and what a month at the quota brings."""
    p = _check_plan(plan)
    need = {row["stage"]: row["needed"] for row in p["table"]}
    deals = int(need["deals"])
    first = (
        f"To close {deals} deal{'s' if deals != 1 else ''} you need about "
        f"{need['conversations']:,} sales conversations, {need['visits']:,} visits and "
        f"{need['prospects']:,} prospects ({p['share_of_list']:.0%} of a list of "
        f"{p['list_size']:,}); at {p['visits_per_day']} visits a day that is "
        f"{p['days']} working day{'s' if p['days'] != 1 else ''}."
    )
    if month is None:
        return first
    if not isinstance(month, dict) or not {
        "visits",
        "deals",
        "commission",
        "prospects_used",
        "list_months",
    } <= set(month):
        raise TypeError("Expected the dictionary returned by month_at_quota().")
    second = (
        f" A full month at the quota ({month['visits']:,.0f} visits) brings about "
        f"{month['deals']:.1f} deals and {month['commission']:,.0f} yuan of commission on "
        f"average, and uses up about {month['prospects_used']:.0f} names, so without new "
        f"names the list lasts about {month['list_months']:.1f} months."
    )
    return first + second


def run(**values: Any) -> dict[str, Any]:
    """The funnel at these settings (``PARAMS`` names; the rest at their defaults), as plain data.

    ``plan`` (``plan_for_target``), ``month`` (``month_at_quota``) and ``summary``: the one
    entry point the notebook explorer and the live page share.
    """
    settings = {**defaults(PARAMS), **check_all(PARAMS, values)}
    target = settings.pop("target_deals")
    assumptions = VisitAssumptions(**settings)
    plan = plan_for_target(target, assumptions)
    month = month_at_quota(assumptions)
    return {"plan": plan, "month": month, "summary": summary(plan, month)}
