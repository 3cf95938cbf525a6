"""Input checks shared by every model.

Students type numbers into sliders, text boxes and exercise cells. When a value is
wrong we want one plain sentence that says what is wrong, what was given and what to
do, never a traceback from deep inside numpy. Every public model function calls these
helpers first, so the wording is the same in every chapter.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

from .errors import ModelInputError

__all__ = ["number", "whole_number", "fraction", "ModelInputError"]


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def number(
    name: str,
    value: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    hint: str = "",
) -> float:
    """Return ``value`` as a float, or explain in one sentence why it cannot be used.

    ``bool`` is refused on purpose: ``True`` is a number to Python but never what a
    student meant by "margin per order".
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(
            f"{name} must be a number; got {_describe(value)} ({type(value).__name__}). "
            f"{hint}".rstrip()
        )
    result = float(value)
    if math.isnan(result):
        raise ModelInputError(f"{name} is not a number (NaN). {hint}".rstrip())
    if math.isinf(result):
        raise ModelInputError(f"{name} must be finite; got {result}. {hint}".rstrip())
    if minimum is not None and result < minimum:
        raise ModelInputError(
            f"{name} must be at least {minimum:g}; got {result:g}. {hint}".rstrip()
        )
    if maximum is not None and result > maximum:
        raise ModelInputError(
            f"{name} must be at most {maximum:g}; got {result:g}. {hint}".rstrip()
        )
    return result


def whole_number(
    name: str,
    value: object,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    hint: str = "",
) -> int:
    """Return ``value`` as an int; 3.0 is accepted, 3.5 is explained, not rounded."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a whole number; got {value!r}. {hint}".rstrip())
    if isinstance(value, Real) and not isinstance(value, Integral):
        as_float = number(name, value, hint=hint)
        if not as_float.is_integer():
            raise ModelInputError(
                f"{name} must be a whole number; got {as_float:g}. {hint}".rstrip()
            )
        value = int(as_float)
    if not isinstance(value, Integral):
        raise TypeError(
            f"{name} must be a whole number; got {_describe(value)} "
            f"({type(value).__name__}). {hint}".rstrip()
        )
    result = int(value)
    if minimum is not None and result < minimum:
        raise ModelInputError(f"{name} must be at least {minimum}; got {result}. {hint}".rstrip())
    if maximum is not None and result > maximum:
        raise ModelInputError(f"{name} must be at most {maximum}; got {result}. {hint}".rstrip())
    return result


def fraction(name: str, value: object, *, hint: str = "", allow_one: bool = True) -> float:
    """Return a share between 0 and 1; a student who types 80 for 80 % is told so."""
    result = number(name, value, hint=hint)
    upper_ok = result <= 1 if allow_one else result < 1
    if result < 0 or not upper_ok:
        percent_hint = (
            f" Did you mean {result / 100:g} ({result:g} %)?" if 1 < result <= 100 else ""
        )
        upper = "1" if allow_one else "below 1"
        raise ModelInputError(
            f"{name} must be a share between 0 and {upper}; got {result:g}."
            f"{percent_hint} {hint}".rstrip()
        )
    return result
