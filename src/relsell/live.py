"""The models on the published page: what the browser's Python (Pyodide) calls.

Why one small module: the page's script (``static/js/live.js``) should know nothing about
the models. It asks ``controls(name)`` for the controls to build, and on every change sends the
values to ``compute(name, json)``, which runs the course's own ``run()`` and chart code (drawn
by ``relsell.sketch``, since the browser has no matplotlib) and answers in JSON:

* ``{"ok": true, "summary": ..., "svg": ..., "alt": ...}``, or
* ``{"ok": false, "field": <parameter name or null>, "message": <the model's sentence>}``.

A bad value is never an exception here: the page shows the message next to the box and keeps
the last chart. Standard library only (the live bundle, ``relsell_book.live_bundle``, ships
this module with ``models``, ``charts`` and ``sketch``).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from . import sketch
from .models import NAMES
from .params import Param

__all__ = [
    "MODELS",
    "controls",
    "compute",
    "evaluate",
    "load_csv",
    "load_sample",
    "analytics_limit",
]

MODELS = (*NAMES, "analytics")
_ANALYTICS = "relsell.models.customer_analytics"
# In the browser there is no matplotlib: the stand-in is installed once, for good. Under
# CPython (tests, the build) it is swapped in only while a chart is drawn.
_BROWSER = importlib.util.find_spec("matplotlib") is None
if _BROWSER:
    sketch.install()


def _model(name: str) -> Any:
    if name not in MODELS:
        raise KeyError(f"No live model called {name!r}; the models are {', '.join(MODELS)}.")
    return importlib.import_module(_ANALYTICS if name == "analytics" else f"relsell.models.{name}")


def _params(name: str, values: dict[str, Any] | None = None) -> tuple[Param, ...]:
    """The model's parameters; a model whose controls depend on a choice (the stakeholder
    map's scenario brings its own people) declares ``params_for(values)``."""
    model = _model(name)
    if hasattr(model, "params_for"):
        return tuple(model.params_for(values or {}))
    return tuple(model.PARAMS)


def _read(values_json: str) -> dict[str, Any] | None:
    try:
        values = json.loads(values_json)
    except json.JSONDecodeError:
        return None
    return values if isinstance(values, dict) else None


def controls(name: str, values_json: str = "{}") -> str:
    """The controls of model ``name`` as JSON: one ``Param.as_dict()`` per parameter.

    ``values_json`` (optional) sets controls away from their defaults; a control marked
    ``"rebuilds": true`` brings other controls with it, so the page asks again when it changes.
    """
    values = _read(values_json) or {}
    rebuilds = getattr(_model(name), "REBUILDS", ())
    sent = []
    for param in _params(name, values):
        data = param.as_dict()
        if param.name in values:
            data["default"] = values[param.name]
        data["rebuilds"] = param.name in rebuilds
        sent.append(data)
    return json.dumps(sent, ensure_ascii=False)


def _drawing() -> AbstractContextManager[None]:
    return nullcontext() if _BROWSER else sketch.installed()


def _draw(name: str, result: dict[str, Any]) -> tuple[str, str]:
    """The chart of ``result`` as (SVG, text alternative), from the notebook's own chart code."""
    with _drawing():
        if name == "analytics":
            figure = importlib.import_module("relsell.charts.analytics").figure_for_live(result)
        else:
            figure = importlib.import_module(f"relsell.charts.{name}").chart(result)
        return figure.to_svg(f"live-{name}"), figure.describe()


def _field(params: tuple[Param, ...], message: str) -> str | None:
    """The parameter a message from ``run`` is about, when it starts with that label (the
    longest label first: "Margin growth" is not "Margin")."""
    for param in sorted(params, key=lambda p: len(p.label), reverse=True):
        if message.startswith(param.label):
            return param.name
    return None


def evaluate(name: str, values: dict[str, Any]) -> dict[str, Any]:
    """``compute`` as a dictionary (what the tests compare with the model run directly)."""
    params = _params(name, values)
    by_name = {p.name: p for p in params}
    checked: dict[str, Any] = {}
    for key, value in values.items():
        param = by_name.get(key)
        if param is None:
            return {"ok": False, "field": None, "message": f"Unknown setting {key!r}."}
        try:
            checked[key] = param.check(value)
        except (ValueError, TypeError) as problem:
            return {"ok": False, "field": key, "message": str(problem)}
    try:
        result = _model(name).run(**checked)
    except (ValueError, TypeError) as problem:
        message = str(problem)
        return {"ok": False, "field": _field(params, message), "message": message}
    svg, alt = _draw(name, result)
    return {"ok": True, "summary": result["summary"], "svg": svg, "alt": alt}


def compute(name: str, values_json: str) -> str:
    """Run model ``name`` at the values in ``values_json`` (a JSON object); answer in JSON."""
    values = _read(values_json)
    if values is None:
        answer = {"ok": False, "field": None, "message": "The page sent values it cannot read."}
    else:
        answer = evaluate(name, values)
    return json.dumps(answer, ensure_ascii=False)


def analytics_limit() -> int:
    """The largest CSV file, in bytes, that the page analyses in the browser."""
    return int(_model("analytics").BROWSER_MAX_BYTES)


def load_csv(data: Any, filename: str = "your file") -> str:
    """Analyse the student's own CSV from now on (it never leaves the browser); JSON answer."""
    model = _model("analytics")
    try:
        model.use_data(bytes(data), str(filename))
    except (ValueError, TypeError) as problem:
        return json.dumps(
            {"ok": False, "field": "file", "message": str(problem)}, ensure_ascii=False
        )
    return compute("analytics", "{}")


def load_sample() -> str:
    """Back to the course's sample data; JSON answer as ``compute``."""
    _model("analytics").use_sample()
    return compute("analytics", "{}")
