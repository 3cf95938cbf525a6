"""Checks for values that are not a model's declared settings: a function's argument, a table.

A model's settings are declared as ``relsell.params.Param`` and checked there; these helpers
give arguments the same one-sentence messages (they build a ``Param`` on the spot), and
``records`` is the one table check every model uses. Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ModelInputError
from .params import Param

__all__ = ["number", "whole_number", "fraction", "records", "ModelInputError"]


def number(
    name: str,
    value: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    hint: str = "",
) -> float:
    """``value`` as a float, or one sentence saying why it cannot be used (bool refused)."""
    return Param(name, name, minimum=minimum, maximum=maximum, hint=hint).check(value)


def whole_number(
    name: str,
    value: object,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    hint: str = "",
) -> int:
    """``value`` as an int; 3.0 is accepted, 3.5 is explained, not rounded."""
    return Param(name, name, "whole", minimum=minimum, maximum=maximum, hint=hint).check(value)


def fraction(name: str, value: object, *, hint: str = "", allow_one: bool = True) -> float:
    """A share between 0 and 1; a student who types 80 for 80 % is asked about it."""
    return Param(name, name, "share", hint=hint, allow_one=allow_one).check(value)


def records(table: object, required: Iterable[str], *, what: str) -> list[dict]:
    """``table`` as a list of dicts with at least the ``required`` keys.

    Accepts what a student may pass: a list of dicts, a dict of columns, or a pandas
    DataFrame (anything with ``to_dict("records")``). ``what`` names the expected table in
    the message, e.g. "the table from compare_customers()".
    """
    if hasattr(table, "to_dict") and hasattr(table, "columns"):  # a DataFrame
        table = table.to_dict("records")
    elif isinstance(table, dict) and table and all(isinstance(v, list) for v in table.values()):
        lengths = {len(v) for v in table.values()}
        if len(lengths) != 1:
            raise ModelInputError(f"Expected {what}; its columns have different lengths.")
        keys = list(table)
        table = [dict(zip(keys, row, strict=True)) for row in zip(*table.values(), strict=True)]
    if not isinstance(table, list) or not all(isinstance(row, dict) for row in table):
        raise TypeError(f"Expected {what}; got {type(table).__name__}.")
    if not table:
        raise ModelInputError(f"Expected {what}; it is empty.")
    needed = list(required)
    missing = [key for key in needed if any(key not in row for row in table)]
    if missing:
        raise ModelInputError(
            f"Expected {what}; missing column(s) {', '.join(missing)}. "
            f"It has: {', '.join(map(str, table[0]))}."
        )
    return table
