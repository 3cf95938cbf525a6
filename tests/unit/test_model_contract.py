"""One contract for every model in ``relsell.models.NAMES`` (models ↔ charts ↔ explorers).

models/<name>.py   PARAMS (the settings, ``relsell.params.Param``) and run(**settings) -> dict
                   with a "summary" sentence; plain data only
charts/<name>.py   chart(result=None) -> matplotlib Figure of run()'s result
explorers/<name>.py explorer(**start) -> Explorer whose controls are made from PARAMS
"""

import importlib
import json

import pytest
from matplotlib.figure import Figure

from relsell.errors import ModelInputError
from relsell.explorers import Explorer
from relsell.models import NAMES
from relsell.params import Param, defaults

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _model(name):
    return importlib.import_module(f"relsell.models.{name}")


@pytest.fixture(params=NAMES)
def name(request):
    return request.param


def test_params_are_declared_and_their_defaults_pass_their_own_checks(name):
    params = _model(name).PARAMS
    assert isinstance(params, tuple) and all(isinstance(p, Param) for p in params)
    assert len({p.name for p in params}) == len(params)
    for p in params:
        assert p.label and p.hint, f"{name}.{p.name} needs a label and a hint"
        assert p.check(p.default) == p.default
        low, high = p.control_range
        if low is not None and high is not None and p.kind in ("number", "whole", "share"):
            assert low <= p.default <= high, f"{name}.{p.name}: default outside the control"


def test_run_at_the_defaults_gives_plain_data_and_a_sentence(name):
    model = _model(name)
    result = model.run()
    assert isinstance(result["summary"], str) and result["summary"].endswith(".")
    assert result == model.run(**defaults(model.PARAMS))
    json.dumps(result)  # plain data: what a browser can receive as JSON


def test_a_value_below_the_minimum_is_explained_in_the_parameter_words(name):
    model = _model(name)
    bounded = [p for p in model.PARAMS if p.kind in ("number", "whole") and p.minimum is not None]
    for p in bounded:
        with pytest.raises(ModelInputError) as info:
            model.run(**{p.name: p.minimum - 1})
        assert p.label in str(info.value)


def test_unknown_settings_are_named(name):
    with pytest.raises(TypeError, match="no_such_setting"):
        _model(name).run(no_such_setting=1)


def test_the_chart_draws_run_result(name):
    chart = importlib.import_module(f"relsell.charts.{name}").chart
    assert isinstance(chart(), Figure)
    assert isinstance(chart(_model(name).run()), Figure)


def test_the_explorer_starts_clean_with_one_control_per_param(name):
    explorer = importlib.import_module(f"relsell.explorers.{name}").explorer()
    assert isinstance(explorer, Explorer)
    assert explorer.last_error is None and explorer.figure is not None
    assert set(explorer.controls) == {p.name for p in _model(name).PARAMS}
    assert explorer.summary.value
