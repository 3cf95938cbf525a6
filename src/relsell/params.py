"""One declaration per model parameter: its label, kind, range, unit, default and hint.

Why: the same facts about a parameter used to be typed three times (the check in the
model, the slider in the widget, and soon the control on the static page) and drifted
apart. A model now lists its parameters once, as ``Param`` objects; from that list come

* validation with one plain sentence per mistake (``Param.check``, ``check_all``),
* the notebook controls (``relsell.explorers.controls``),
* the controls on the published page (issue 17 reads ``Param.as_dict``).

Standard library only, like every model: a model must run anywhere, in a browser too.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Any, TypeVar

from .errors import ModelInputError

__all__ = ["Param", "check_all", "defaults", "checked", "settle", "ModelInputError"]

T = TypeVar("T")

KINDS = ("number", "whole", "share", "choice", "text", "flag")


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True)
class Param:
    """One parameter of a model.

    ``kind``: ``number`` (any real), ``whole`` (an integer; 3.0 accepted, 3.5 explained),
    ``share`` (0 to 1; a student who types 80 is asked whether 0.8 was meant), ``choice``
    (one of ``choices``), ``text`` or ``flag`` (True/False).
    ``minimum``/``maximum`` bound what the model accepts; ``low``/``high`` bound the control
    (a slider's ends), and default to the bounds. ``percent`` shows a share as "80 %".
    """

    name: str
    label: str
    kind: str = "number"
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    low: float | None = None
    high: float | None = None
    step: float | None = None
    unit: str = ""
    percent: bool = False
    choices: tuple = ()
    hint: str = ""
    allow_one: bool = True

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(
                f"Param {self.name!r}: kind must be one of {KINDS}; got {self.kind!r}."
            )
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"Param {self.name!r}: a choice needs its choices.")

    @property
    def control_range(self) -> tuple[float | None, float | None]:
        """The ends of the control (a slider): ``low``/``high``, else the accepted bounds."""
        low = self.low if self.low is not None else self.minimum
        high = self.high if self.high is not None else self.maximum
        if self.kind == "share":
            low = 0.0 if low is None else low
            high = 1.0 if high is None else high
        return low, high

    def _fail(self, message: str) -> ModelInputError:
        return ModelInputError(f"{self.label} {message} {self.hint}".rstrip())

    def check(self, value: object) -> Any:
        """``value`` converted to the parameter's type, or one sentence saying what is wrong."""
        if self.kind == "flag":
            if not isinstance(value, bool):
                raise TypeError(f"{self.label} must be True or False; got {_describe(value)}.")
            return value
        if self.kind == "text":
            if not isinstance(value, str):
                raise TypeError(
                    f"{self.label} must be text; got {_describe(value)} ({type(value).__name__})."
                )
            return value
        if self.kind == "choice":
            if value not in self.choices:
                options = ", ".join(repr(c) for c in self.choices)
                raise self._fail(f"must be one of {options}; got {_describe(value)}.")
            return value
        if self.kind == "whole":
            return self._whole(value)
        result = self._number(value)
        if self.kind == "share":
            upper_ok = result <= 1 if self.allow_one else result < 1
            if result < 0 or not upper_ok:
                percent = (
                    f" Did you mean {result / 100:g} ({result:g} %)?" if 1 < result <= 100 else ""
                )
                upper = "1" if self.allow_one else "below 1"
                raise ModelInputError(
                    f"{self.label} must be a share between 0 and {upper}; got {result:g}."
                    f"{percent} {self.hint}".rstrip()
                )
        return result

    def _number(self, value: object) -> float:
        # bool is refused on purpose: True is a number to Python, never what a student meant
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(
                f"{self.label} must be a number; got {_describe(value)} "
                f"({type(value).__name__}). {self.hint}".rstrip()
            )
        result = float(value)
        if math.isnan(result):
            raise self._fail("is not a number (NaN).")
        if math.isinf(result):
            raise self._fail(f"must be finite; got {result}.")
        if self.minimum is not None and result < self.minimum:
            raise self._fail(f"must be at least {self.minimum:g}; got {result:g}.")
        if self.maximum is not None and result > self.maximum:
            raise self._fail(f"must be at most {self.maximum:g}; got {result:g}.")
        return result

    def _whole(self, value: object) -> int:
        if isinstance(value, bool):
            raise TypeError(
                f"{self.label} must be a whole number; got {value!r}. {self.hint}".rstrip()
            )
        if isinstance(value, Real) and not isinstance(value, Integral):
            as_float = float(value)
            if math.isnan(as_float) or math.isinf(as_float) or not as_float.is_integer():
                raise self._fail(f"must be a whole number; got {as_float:g}.")
            value = int(as_float)
        if not isinstance(value, Integral):
            raise TypeError(
                f"{self.label} must be a whole number; got {_describe(value)} "
                f"({type(value).__name__}). {self.hint}".rstrip()
            )
        result = int(value)
        if self.minimum is not None and result < self.minimum:
            raise self._fail(f"must be at least {self.minimum:g}; got {result}.")
        if self.maximum is not None and result > self.maximum:
            raise self._fail(f"must be at most {self.maximum:g}; got {result}.")
        return result

    def as_dict(self) -> dict[str, Any]:
        """Plain data for a control built elsewhere (the static page's live models)."""
        data = dataclasses.asdict(self)
        data["low"], data["high"] = self.control_range
        data["choices"] = list(self.choices)
        return data


def check_all(params: Iterable[Param], values: Mapping[str, object]) -> dict[str, Any]:
    """Every value checked by its parameter; an unknown name is explained, not ignored."""
    by_name = {p.name: p for p in params}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise TypeError(
            f"Unknown setting(s) {', '.join(unknown)}; the settings are: {', '.join(by_name)}."
        )
    return {name: by_name[name].check(value) for name, value in values.items()}


def defaults(params: Iterable[Param]) -> dict[str, Any]:
    return {p.name: p.default for p in params}


def checked(params: tuple[Param, ...]) -> Callable[[type[Any]], type[Any]]:
    """Class decorator for an assumptions dataclass: every field checked by its ``Param``.

    Put it *under* ``@dataclass`` (so the dataclass's ``__init__`` calls the check)::

        @dataclass(frozen=True)
        @checked(PARAMS)
        class Assumptions:
            rate: float = 0.8

    The fields and their defaults must match the params (a test-time safety net); creating
    the dataclass with a bad value raises that parameter's message. ``cls.PARAMS`` holds the
    declarations.
    """

    def wrap(cls: type[Any]) -> type[Any]:
        names = list(cls.__annotations__)
        declared = [p.name for p in params]
        if names != declared:
            raise TypeError(f"{cls.__name__}: fields {names} do not match the params {declared}.")
        for param in params:
            if getattr(cls, param.name, param.default) != param.default:
                raise TypeError(f"{cls.__name__}.{param.name}: default differs from its Param.")
        original = cls.__dict__.get("__post_init__")

        def __post_init__(self: object) -> None:
            for param in params:
                object.__setattr__(self, param.name, param.check(getattr(self, param.name)))
            if original is not None:
                original(self)

        cls.__post_init__ = __post_init__
        cls.PARAMS = params
        return cls

    return wrap


def settle(cls: type[T], given: object, overrides: Mapping[str, Any], name: str) -> T:
    """The assumptions a model function works with: ``given`` (an instance of ``cls`` or None
    for the defaults) with ``overrides`` applied, every field checked by its ``Param``.

    Why one helper: every model function accepts ``f(assumptions=None, **overrides)``, and the
    merge and its message ("economics must be a CustomerEconomics(...) or None") were written
    once per model.
    """
    if given is None:
        return cls(**overrides)
    if not isinstance(given, cls):
        raise TypeError(
            f"{name} must be a {cls.__name__}(...) or None; got {type(given).__name__}."
        )
    if not overrides:
        return given
    return cls(**{**dataclasses.asdict(given), **overrides})  # type: ignore[call-overload]
