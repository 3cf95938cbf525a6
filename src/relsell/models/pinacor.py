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

import numpy as np
import pandas as pd

from ..checks import ModelInputError, number, whole_number
from ._case import fact

__all__ = [
    "territory_portfolio",
    "segment_portfolio",
    "learning_hours",
    "compare_structures",
    "detail_by_structure",
    "comparison_table",
    "accounts_per_rep",
    "summary",
]

MAX_ACCOUNTS_PER_TYPE = 500
# Course assumptions (not case figures): hours to understand a first account of a kind, and
# the share of those hours each doubling of similar accounts leaves (Wright's learning rate).
FIRST_ACCOUNT_HOURS = 40.0
LEARNING_RATE = 0.8


def territory_portfolio() -> dict[str, int]:
    """The territory rep's accounts from the case: 5 + 3 + 6 = 14, of three types."""
    return {str(k): int(v) for k, v in fact("pinacor", "territory_example").items()}


def segment_portfolio(accounts: int | None = None, segment: str = "system integrators") -> dict:
    """A segment rep with the same number of accounts, all of one customer type."""
    if accounts is None:
        accounts = sum(territory_portfolio().values())
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
            hint=f"Enter 0 to {MAX_ACCOUNTS_PER_TYPE} accounts.",
        )
    if sum(checked.values()) == 0:
        raise ModelInputError("The portfolio has no accounts; give the rep at least one.")
    return checked


def _check_learning(first_account_hours: object, learning_rate: object) -> tuple[float, float]:
    hours = number(
        "Hours for the first account",
        first_account_hours,
        minimum=0.5,
        maximum=1000,
        hint="Enter the hours a rep needs to understand a new kind of customer (0.5 to 1000).",
    )
    rate = number(
        "Learning rate",
        learning_rate,
        minimum=0.5,
        maximum=1.0,
        hint="0.8 means each doubling of similar accounts cuts the hours to 80 %; "
        "1.0 means no learning.",
    )
    return hours, rate


def learning_hours(
    portfolio: Mapping[str, int],
    first_account_hours: float = FIRST_ACCOUNT_HOURS,
    learning_rate: float = LEARNING_RATE,
) -> pd.DataFrame:
    """Hours a rep spends understanding the accounts of each customer type.

    One row per type with ``accounts``, ``hours`` and ``hours_per_account``; types
    with no accounts are dropped.
    """
    accounts = _check_portfolio(portfolio)
    hours, rate = _check_learning(first_account_hours, learning_rate)
    exponent = math.log2(rate)
    rows = []
    for name, n in accounts.items():
        if n == 0:
            continue
        total = float(hours * np.sum(np.arange(1, n + 1, dtype=float) ** exponent))
        rows.append(
            {"customer_type": name, "accounts": n, "hours": total, "hours_per_account": total / n}
        )
    return pd.DataFrame(rows)


def detail_by_structure(
    territory: Mapping[str, int] | None = None,
    segment: Mapping[str, int] | None = None,
    first_account_hours: float = FIRST_ACCOUNT_HOURS,
    learning_rate: float = LEARNING_RATE,
) -> dict[str, pd.DataFrame]:
    """``learning_hours`` for each structure, keyed "territory" and "segment" (for the chart)."""
    territory, segment = _portfolios(territory, segment)
    return {
        "territory": learning_hours(territory, first_account_hours, learning_rate),
        "segment": learning_hours(segment, first_account_hours, learning_rate),
    }


def _portfolios(territory, segment):
    territory = territory_portfolio() if territory is None else territory
    if segment is None:
        segment = segment_portfolio(sum(_check_portfolio(territory).values()))
    return territory, segment


def compare_structures(
    territory: Mapping[str, int] | None = None,
    segment: Mapping[str, int] | None = None,
    first_account_hours: float = FIRST_ACCOUNT_HOURS,
    learning_rate: float = LEARNING_RATE,
) -> pd.DataFrame:
    """Territory rep against segment rep: accounts, types, learning hours, hours per account.

    By default the territory rep is the case's 5 + 3 + 6 and the segment rep has the same
    14 accounts in one segment, so the only difference is focus.
    """
    return comparison_table(
        detail_by_structure(territory, segment, first_account_hours, learning_rate)
    )


def comparison_table(details: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per structure from ``detail_by_structure``: accounts, types, hours, hours/account.

    Separate so a caller that already has the details (the widget draws them) does not
    compute the learning curves twice.
    """
    rows = [
        {
            "structure": label,
            "accounts": int(detail["accounts"].sum()),
            "customer_types": int(len(detail)),
            "learning_hours": float(detail["hours"].sum()),
        }
        for label, detail in details.items()
    ]
    table = pd.DataFrame(rows)
    table["hours_per_account"] = table["learning_hours"] / table["accounts"]
    return table


def accounts_per_rep() -> float:
    """Resellers per sales rep implied by the case (more than 25,000 / more than 650)."""
    return fact("pinacor", "resellers") / fact("pinacor", "sales_reps")


def summary(comparison: pd.DataFrame) -> str:
    """The comparison in words: how many hours focus saves, per account and in total."""
    if not isinstance(comparison, pd.DataFrame) or set(comparison.get("structure", [])) != {
        "territory",
        "segment",
    }:
        raise TypeError("Expected the table returned by compare_structures().")
    t = comparison.set_index("structure")
    terr, seg = t.loc["territory"], t.loc["segment"]
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
