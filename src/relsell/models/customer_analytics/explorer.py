"""The live page's chapter-4 explorer: its controls (``PARAMS``), its data and ``run``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from ...params import Param, check_all, defaults
from .analysis import CustomerBook, analyse, prepare
from .conventions import CLV_PARAMS, DEFAULT_CUTOFFS, CLVAssumptions, check_cutoffs
from .reading import _DEFAULT_NAME, read_csv

# ---- the live page's controls ----------------------------------------------------------------
#: The chart views, as in the notebook explorer (``relsell.explorers.analytics.VIEWS``).
VIEWS = ("ABC pyramid", "RFM segments", "CLV by tier")

_CUTOFF_HINT = "It is a cumulative share of revenue, e.g. 0.8 for 80 %."
_CLV = {p.name: p for p in CLV_PARAMS}


def _slider(param: Param) -> Param:
    """A share on the explorer's slider: 5 % to 99 % in steps of 1 point."""
    return dataclasses.replace(param, low=0.05, high=0.99, step=0.01, percent=True)


#: The notebook explorer's controls (labels, ranges, defaults), for the live page. Values are
#: checked as the notebook checks them: cut-offs by ``check_cutoffs``, CLV assumptions by
#: ``CLVAssumptions`` (so a message reads the same in both places).
PARAMS = (
    Param(
        "view",
        "View",
        "choice",
        default=VIEWS[0],
        choices=VIEWS,
        hint="Choose the value pyramid (ABC), the RFM segments or CLV by ABC tier.",
    ),
    *(
        _slider(Param(name, label, "share", default=default, hint=_CUTOFF_HINT))
        for name, label, default in zip(
            ("high_end_cutoff", "key_cutoff", "medium_cutoff"),
            (
                "High-end: first … of revenue",
                "Key: up to … of revenue",
                "Medium: up to … of revenue",
            ),
            DEFAULT_CUTOFFS,
            strict=True,
        )
    ),
    _slider(_CLV["margin_rate"]),
    dataclasses.replace(
        _CLV["discount_rate"], label="Discount rate i", low=0.0, high=0.3, step=0.01, percent=True
    ),
    dataclasses.replace(_CLV["cost_per_order"], step=1, unit="yuan"),
    dataclasses.replace(_CLV["yearly_cost"], label="Yearly cost / customer", step=5),
    dataclasses.replace(_CLV["future_years"], high=10),
    _slider(_CLV["retention_rate"]),
)
_CUTOFF_NAMES = ("high_end_cutoff", "key_cutoff", "medium_cutoff")


@lru_cache(maxsize=1)
def _sample_book() -> CustomerBook:
    """The course sample (2,000 purchases, 200 customers), read and grouped once."""
    path = resources.files("relsell") / "data" / "transactions" / "sample_transactions.csv"
    return prepare(read_csv(path.read_bytes(), "sample_transactions.csv"))


def _label(what: str, book: CustomerBook) -> str:
    """What the data is, as the notebook explorer says it."""
    return f"{what} ({book.n_transactions:,} transactions, {book.n_customers:,} customers)"


# The data ``run`` analyses: the course sample until the page loads a student's file.
_current: dict[str, Any] = {}


def use_data(
    data: bytes | bytearray | memoryview | str,
    name: str = _DEFAULT_NAME,
    *,
    drop_duplicates: bool = False,
) -> str:
    """Analyse a student's CSV file from now on; returns what the data is, e.g.
    "uploaded file 'sales.csv' (3 transactions, 2 customers)". A bad file raises its message
    and keeps the data analysed so far (as the notebook's upload does)."""
    book = prepare(read_csv(data, name, drop_duplicates=drop_duplicates))
    _current["book"], _current["what"] = book, f"uploaded file '{name}'"
    return _label(_current["what"], book)


def use_sample() -> str:
    """Back to the course sample; returns what the data is."""
    _current.clear()
    return _label("course sample", _sample_book())


def run_on(
    rows: Iterable[object] | CustomerBook, label: str = "your table", **values: Any
) -> dict[str, Any]:
    """The explorer on other purchases (e.g. ``prepare(read_csv(data))``), as plain data.

    ``label`` says what the data is, in the summary line.
    """
    settings = {**defaults(PARAMS), **check_all(PARAMS, values)}
    view = settings["view"]
    cutoffs = check_cutoffs([settings[name] for name in _CUTOFF_NAMES])
    assumptions = CLVAssumptions(**{name: settings[name] for name in _CLV})
    book = prepare(rows)
    # The page draws the aggregates; a big file has many customers to leave out.
    result = analyse(book, cutoffs=cutoffs, assumptions=assumptions, per_customer=False)
    result["data_label"] = _label(label, book)
    result["sentence"] = result["summary"]
    result["summary"] = f"Data: {result['data_label']}. {result['sentence']}"
    return {"view": view, **result}


def run(**values: Any) -> dict[str, Any]:
    """The notebook explorer at these settings (``PARAMS`` names), as plain data.

    On the course sample, or on the file given to :func:`use_data`. What :func:`analyse`
    returns without the per-customer records, plus ``view``, ``data_label`` and ``sentence``
    (the analysis sentence); ``summary`` is the explorer's line, "Data: course sample (2,000
    transactions, 200 customers). Of 200 customers, …". The chart is
    ``relsell.charts.analytics.figure_for_live(result)``.
    """
    if "book" in _current:
        return run_on(_current["book"], _current["what"], **values)
    return run_on(_sample_book(), "course sample", **values)
