"""Territory or segment? The learning model behind Pinacor's reorganisation (chapter 1).

Before the reorganisation one Pinacor rep covered a territory with 5 system integrators,
3 reseller companies and 6 small and medium-sized business customers; afterwards each
team covers one of 10 customer segments. The case says the territory rep "could be an
expert in none". This module puts a number on that with a learning curve (Wright's law):

    hours to understand the k-th account of a type = first_account_hours * k ** log2(learning_rate)

so the second system integrator is quicker to understand than the first, but a rep who
switches between three industries starts three curves. The figures for hours and the
learning rate are course assumptions; the account counts come from the case file.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..checks import ModelInputError, records, whole_number
from ..params import Param, check_all, defaults
from ._case import fact

__all__ = [
    "PARAMS",
    "territory_portfolio",
    "segment_portfolio",
    "learning_hours",
    "compare_structures",
    "detail_by_structure",
    "comparison_table",
    "accounts_per_rep",
    "summary",
    "run",
]

MAX_ACCOUNTS_PER_TYPE = 500
# Course assumptions (not case figures): hours to understand a first account of a kind, and
# the share of those hours each doubling of similar accounts leaves (Wright's learning rate).
FIRST_ACCOUNT_HOURS = 40.0
LEARNING_RATE = 0.8

_TERRITORY = {str(k): int(v) for k, v in fact("pinacor", "territory_example").items()}
_ACCOUNTS_HINT = f"Enter 0 to {MAX_ACCOUNTS_PER_TYPE} accounts."

# The accounts of each customer type in the territory (``type_0``, ``type_1``, ... in the case's
# order). No maximum here, so the control is a number box a student can type a wrong count
# into and get the message; ``run`` checks the upper bound of MAX_ACCOUNTS_PER_TYPE.
_TYPE_PARAMS = tuple(
    Param(
        f"type_{i}",
        name[:1].upper() + name[1:],
        "whole",
        default=n,
        minimum=0,
        step=1,
        unit="accounts",
        hint=_ACCOUNTS_HINT,
    )
    for i, (name, n) in enumerate(_TERRITORY.items())
)
_HOURS = Param(
    "first_account_hours",
    "Hours for the first account",
    default=FIRST_ACCOUNT_HOURS,
    minimum=0.5,
    maximum=1000,
    low=5,
    high=200,
    step=5,
    hint="Enter the hours a rep needs to understand a new kind of customer (0.5 to 1000).",
)
_RATE = Param(
    "learning_rate",
    "Learning rate",
    default=LEARNING_RATE,
    minimum=0.5,
    maximum=1.0,
    step=0.05,
    percent=True,
    hint="0.8 means each doubling of similar accounts cuts the hours to 80 %; "
    "1.0 means no learning.",
)
PARAMS = (*_TYPE_PARAMS, _HOURS, _RATE)


def territory_portfolio() -> dict[str, int]:
    """The territory rep's accounts from the case: 5 + 3 + 6 = 14, of three types."""
    return dict(_TERRITORY)


def segment_portfolio(accounts: int | None = None, segment: str = "system integrators") -> dict:
    """A segment rep with the same number of accounts, all of one customer type."""
    if accounts is None:
        accounts = sum(_TERRITORY.values())
    n = whole_number(
        "Accounts",
        accounts,
        minimum=1,
        maximum=MAX_ACCOUNTS_PER_TYPE,
        hint="A segment rep needs at least one account.",
    )
    if not isinstance(segment, str) or not segment.strip():
        raise ModelInputError("Segment must be a name such as 'system integrators'.")
    return {segment.strip(): n}


def _check_portfolio(portfolio: object) -> dict[str, int]:
    if not isinstance(portfolio, Mapping):
        raise TypeError(
            "A portfolio is a mapping of customer type to number of accounts, e.g. "
            f"{{'system integrators': 5}}; got {type(portfolio).__name__}."
        )
    checked: dict[str, int] = {}
    for name, count in portfolio.items():
        if not isinstance(name, str) or not name.strip():
            raise ModelInputError(f"Each customer type needs a name; got {name!r}.")
        checked[name.strip()] = whole_number(
            f"Accounts of type '{name}'",
            count,
            minimum=0,
            maximum=MAX_ACCOUNTS_PER_TYPE,
            hint=_ACCOUNTS_HINT,
        )
    if sum(checked.values()) == 0:
        raise ModelInputError("The portfolio has no accounts; give the rep at least one.")
    return checked


def learning_hours(
    portfolio: Mapping[str, int],
    first_account_hours: float = FIRST_ACCOUNT_HOURS,
    learning_rate: float = LEARNING_RATE,
) -> list[dict]:
    """Hours a rep spends understanding the accounts of each customer type.

    One record per type with ``customer_type``, ``accounts``, ``hours`` and
    ``hours_per_account``; types with no accounts are dropped.
    """
    accounts = _check_portfolio(portfolio)
    hours = _HOURS.check(first_account_hours)
    exponent = math.log2(_RATE.check(learning_rate))
    rows = []
    for name, n in accounts.items():
        if n == 0:
            continue
        total = hours * math.fsum(k**exponent for k in range(1, n + 1))
        rows.append(
            {"customer_type": name, "accounts": n, "hours": total, "hours_per_account": total / n}
        )
    return rows


def _portfolios(
    territory: Mapping[str, int] | None, segment: Mapping[str, int] | None
) -> tuple[Mapping[str, int], Mapping[str, int]]:
    territory = _TERRITORY if territory is None else territory
    if segment is None:
        segment = segment_portfolio(sum(_check_portfolio(territory).values()))
    return territory, segment


def detail_by_structure(
    territory: Mapping[str, int] | None = None,
    segment: Mapping[str, int] | None = None,
    first_account_hours: float = FIRST_ACCOUNT_HOURS,
    learning_rate: float = LEARNING_RATE,
) -> dict[str, list[dict]]:
    """``learning_hours`` for each structure, keyed "territory" and "segment" (for the chart)."""
    territory, segment = _portfolios(territory, segment)
    return {
        "territory": learning_hours(territory, first_account_hours, learning_rate),
        "segment": learning_hours(segment, first_account_hours, learning_rate),
    }


def compare_structures(
    territory: Mapping[str, int] | None = None,
    segment: Mapping[str, int] | None = None,
    first_account_hours: float = FIRST_ACCOUNT_HOURS,
    learning_rate: float = LEARNING_RATE,
) -> list[dict]:
    """Territory rep against segment rep: accounts, types, learning hours, hours per account.

    One record per structure ("territory", then "segment"). By default the territory rep is
    the case's 5 + 3 + 6 and the segment rep has the same 14 accounts in one segment, so the
    only difference is focus.
    """
    return comparison_table(
        detail_by_structure(territory, segment, first_account_hours, learning_rate)
    )


def comparison_table(details: Mapping[str, object]) -> list[dict]:
    """One record per structure from ``detail_by_structure``: accounts, types, hours, hours/account.

    Separate so a caller that already has the details (the explorer draws them) does not
    compute the learning curves twice.
    """
    if not isinstance(details, Mapping):
        raise TypeError(
            f"Expected the details from detail_by_structure(); got {type(details).__name__}."
        )
    rows = []
    for label, detail in details.items():
        detail = records(
            detail, ("customer_type", "accounts", "hours"), what="a table from learning_hours()"
        )
        accounts = sum(int(row["accounts"]) for row in detail)
        hours = math.fsum(float(row["hours"]) for row in detail)
        rows.append(
            {
                "structure": label,
                "accounts": accounts,
                "customer_types": len(detail),
                "learning_hours": hours,
                "hours_per_account": hours / accounts,
            }
        )
    return rows


def accounts_per_rep() -> float:
    """Resellers per sales rep implied by the case (more than 25,000 / more than 650)."""
    return fact("pinacor", "resellers") / fact("pinacor", "sales_reps")


def summary(comparison: object) -> str:
    """The comparison in words: how many hours focus saves, per account and in total."""
    needed = ("structure", "accounts", "customer_types", "learning_hours", "hours_per_account")
    table = records(comparison, needed, what="the table from compare_structures()")
    by_structure = {row["structure"]: row for row in table}
    if set(by_structure) != {"territory", "segment"} or len(table) != 2:
        raise ModelInputError(
            "Expected the table from compare_structures(), with one row for 'territory' and "
            "one for 'segment'."
        )
    terr, seg = by_structure["territory"], by_structure["segment"]
    saved = terr["learning_hours"] - seg["learning_hours"]
    if saved > 0.05:
        share = saved / terr["learning_hours"]
        verdict = (
            f"Focus saves {saved:,.0f} hours ({share:.0%}) that the rep can spend with customers."
        )
    elif saved < -0.05:
        verdict = (
            f"Here the segment rep needs {-saved:,.0f} hours more, because the segment portfolio "
            "is larger or spans more types."
        )
    else:
        verdict = "Both reps need the same time: with no learning, focus brings no saving."
    return (
        f"The territory rep learns {int(terr['customer_types'])} kinds of customer for "
        f"{int(terr['accounts'])} accounts ({terr['learning_hours']:,.0f} hours, "
        f"{terr['hours_per_account']:.1f} per account); the segment rep learns "
        f"{int(seg['customer_types'])} for {int(seg['accounts'])} "
        f"({seg['learning_hours']:,.0f} hours, {seg['hours_per_account']:.1f} per account). "
        + verdict
    )


def run(**values: Any) -> dict[str, Any]:
    """The model at these settings (``PARAMS`` names; the rest at their defaults), as plain data.

    ``type_0``, ``type_1``, ... are the territory rep's accounts of each customer type of the
    case; the segment rep serves as many accounts, all of one type. Returns ``territory``
    (the portfolio), ``detail`` (``detail_by_structure``, for the chart), ``table``
    (``compare_structures``), ``hours_saved`` and ``summary``.
    """
    v = check_all(PARAMS, {**defaults(PARAMS), **values})
    territory = {
        name: replace(p, maximum=MAX_ACCOUNTS_PER_TYPE).check(v[p.name])
        for p, name in zip(_TYPE_PARAMS, _TERRITORY, strict=True)
    }
    total = sum(territory.values())
    if total > MAX_ACCOUNTS_PER_TYPE:
        raise ModelInputError(
            f"The territory rep has {total} accounts; the segment rep would serve them all in "
            f"one segment, and the model allows at most {MAX_ACCOUNTS_PER_TYPE} of one type. "
            "Lower the counts."
        )
    detail = detail_by_structure(territory, None, v["first_account_hours"], v["learning_rate"])
    table = comparison_table(detail)
    return {
        "territory": territory,
        "detail": detail,
        "table": table,
        "hours_saved": table[0]["learning_hours"] - table[1]["learning_hours"],
        "summary": summary(table),
    }
