"""relsell.live answers the page as the notebook explorer would, and runs with no numpy,
pandas or matplotlib (as in the browser), from the archive the build ships."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.live_points import points
from relsell import live
from relsell.models import NAMES
from relsell.params import Param
from relsell_book import live_bundle


@pytest.mark.parametrize("name", NAMES)
def test_controls_are_the_models_parameters(name):
    model = importlib.import_module(f"relsell.models.{name}")
    sent = json.loads(live.controls(name))
    rebuilds = getattr(model, "REBUILDS", ())
    assert sent == [
        {**json.loads(json.dumps(p.as_dict())), "rebuilds": p.name in rebuilds}
        for p in model.PARAMS
    ]
    for data in sent:  # each control is a Param again, once the page's flag is taken off
        fields = {k: v for k, v in data.items() if k != "rebuilds"}
        assert Param(**{**fields, "choices": tuple(fields["choices"])}).name == data["name"]


def test_a_new_scenario_brings_its_own_people():
    from relsell.models import stakeholders

    sent = json.loads(live.controls("stakeholders", json.dumps({"scenario": "practice_newcomer"})))
    assert sent[0]["name"] == "scenario" and sent[0]["default"] == "practice_newcomer"
    assert sent[0]["rebuilds"] is True
    people = stakeholders.scenario_params("practice_newcomer")
    assert [c["label"] for c in sent[1:]] == [p.label for p in people]
    assert [c["label"] for c in sent[1:]] != [p.label for p in stakeholders.PARAMS[1:]]


@pytest.mark.parametrize("name", NAMES)
def test_summary_is_the_models_own_at_every_point(name):
    model = importlib.import_module(f"relsell.models.{name}")
    for values in points(name):
        answer = json.loads(live.compute(name, json.dumps(values)))
        assert answer["ok"], answer
        assert answer["summary"] == model.run(**values)["summary"]
        assert answer["svg"].startswith("<svg") and answer["alt"]


def test_a_bad_value_gets_the_models_message_and_names_its_field():
    answer = json.loads(live.compute("retention", json.dumps({"retention_rate": 80})))
    assert answer == {
        "ok": False,
        "field": "retention_rate",
        "message": "Retention rate must be a share between 0 and 1; got 80. Did you mean 0.8 "
        "(80 %)? It is the share of customers who stay for another year.",
    }
    typed = json.loads(live.compute("retention", json.dumps({"years": "ten"})))
    assert typed["field"] == "years" and "whole number" in typed["message"]
    negative = json.loads(live.compute("retention", json.dumps({"acquisition_cost": -5})))
    assert negative["field"] == "acquisition_cost" and "at least 0" in negative["message"]


def test_a_problem_between_two_fields_is_explained_without_a_field():
    answer = json.loads(
        live.compute("typhoon", json.dumps({"cost_low": 30000, "cost_high": 20000}))
    )
    assert answer["ok"] is False and "Moving cost" in answer["message"]


@pytest.mark.parametrize("sent", ["[1", "[1, 2]", "null", ""])
def test_unreadable_values_get_a_sentence(sent):
    answer = json.loads(live.compute("retention", sent))
    assert answer == {"ok": False, "field": None, "message": "The page sent values it cannot read."}


def test_an_unknown_setting_is_named():
    answer = json.loads(live.compute("retention", json.dumps({"colour": "red"})))
    assert answer["ok"] is False and "'colour'" in answer["message"]


def test_chinese_text_goes_through():
    answer = json.loads(live.compute("visit_plan", json.dumps({"who": "李经理（办公室主任）"})))
    assert answer["ok"], answer


def test_the_archive_is_deterministic_and_holds_what_the_browser_needs():
    first, second = live_bundle.build(), live_bundle.build()
    assert first == second
    import io

    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert "relsell/live.py" in names and "relsell/sketch/render.py" in names
    assert all(f"relsell/models/{n}.py" in names for n in NAMES)
    assert all(f"relsell/charts/{n}.py" in names for n in NAMES)
    assert not any("explorers" in n or "content" in n or "__pycache__" in n for n in names)
    assert len(first) < 400_000


BROWSER_LIKE = textwrap.dedent(
    """
    import importlib.util, json, sys
    # -S: no site-packages, as in Pyodide's core: numpy, pandas, matplotlib cannot be imported
    for heavy in ("numpy", "pandas", "matplotlib", "yaml", "ipywidgets"):
        assert importlib.util.find_spec(heavy) is None, heavy
    sys.path.insert(0, sys.argv[1])
    import relsell.live as live
    assert live._BROWSER
    out = {}
    for name in json.loads(sys.argv[2]):
        answer = json.loads(live.compute(name, "{}"))
        out[name] = answer["summary"] if answer["ok"] else answer
    print(json.dumps(out))
    """
)


def test_every_model_runs_from_the_archive_without_numpy_pandas_or_matplotlib(tmp_path):
    archive = tmp_path / "relsell-live.zip"
    live_bundle.write(archive)
    folder = tmp_path / "unpacked"
    zipfile.ZipFile(archive).extractall(folder)
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", BROWSER_LIKE, str(folder), json.dumps(list(NAMES))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    summaries = json.loads(done.stdout)
    for name in NAMES:
        model = importlib.import_module(f"relsell.models.{name}")
        assert summaries[name] == model.run()["summary"]


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["", "80%", "1,000", "一千", "0.5", "-3", "ally", "donghai"]),
    st.lists(st.integers(), max_size=2),
)


@pytest.mark.parametrize("name", live.MODELS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_whatever_the_page_sends_the_answer_is_a_sentence_never_a_traceback(name, data):
    params = json.loads(live.controls(name))
    keys = st.sampled_from([p["name"] for p in params])
    values = data.draw(st.dictionaries(keys, ANY_VALUE, max_size=4))
    answer = json.loads(live.compute(name, json.dumps(values)))
    if answer["ok"]:
        assert answer["summary"] and answer["svg"].startswith("<svg")
    else:
        assert isinstance(answer["message"], str) and answer["message"].strip()
        assert "Traceback" not in answer["message"]
        assert answer["field"] is None or answer["field"] in {p["name"] for p in params}


@settings(max_examples=80, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        st.lists(
            st.tuples(st.text(max_size=6), st.text(max_size=12), st.text(max_size=8)), max_size=6
        ).map(
            lambda rows: "\n".join(
                ",".join(r) for r in [("客户ID", "日期", "金额"), *rows]
            ).encode()
        ),
    )
)
def test_whatever_file_the_reader_picks_the_answer_is_a_sentence(data):
    try:
        answer = json.loads(live.load_csv(data, "picked.csv"))
    finally:
        live.load_sample()
    if not answer["ok"]:
        assert answer["field"] == "file" and answer["message"].strip()
        assert "Traceback" not in answer["message"]
