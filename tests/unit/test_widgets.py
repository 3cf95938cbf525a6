"""The widget contract: bad input gives a message in the UI and loses nothing."""

import pytest

from relsell.explorers import Explorer
from relsell.explorers.pinacor import structure_explorer
from relsell.explorers.retention import explorer as retention_explorer


def test_retention_explorer_starts_at_the_default_case():
    ex = retention_explorer()
    assert ex.last_error is None and ex.figure is not None
    assert "overtakes the one-off sale in year 1" in ex.summary.value


def test_bad_value_shows_an_alert_and_keeps_the_last_chart():
    ex = retention_explorer()
    figure, summary = ex.figure, ex.summary.value
    ex.controls["acquisition_cost"].value = -500
    assert 'role="alert"' in ex.alert.value
    assert "Acquisition cost must be at least 0; got -500" in ex.alert.value
    assert ex.figure is figure and ex.summary.value == summary
    ex.controls["acquisition_cost"].value = 100
    assert ex.alert.value == "" and ex.figure is not figure


def test_structure_explorer_reports_bad_counts_and_recovers():
    ex = structure_explorer()
    assert "Focus saves 98 hours" in ex.summary.value
    ex.controls["type_0"].value = -3
    assert "must be at least 0" in ex.alert.value
    for key in ("type_0", "type_1", "type_2"):
        ex.controls[key].value = 0
    assert "no accounts" in ex.alert.value
    ex.controls["type_1"].value = 4
    assert ex.alert.value == ""


def test_messages_are_escaped_and_bugs_are_not_hidden():
    import ipywidgets as widgets

    from relsell.charts.retention import chart as customer_chart
    from relsell.models.retention import compare_customers

    def compute(x):
        if x < 0:
            raise ValueError("x <must> be positive")
        if x == 13:
            raise KeyError("a bug")
        return customer_chart(compare_customers()), "fine"

    ex = Explorer({"x": widgets.IntText(value=1)}, compute, title="t")
    ex.controls["x"].value = -1
    assert "x &lt;must&gt; be positive" in ex.alert.value
    with pytest.raises(KeyError):
        ex.controls["x"].value = 13


def test_no_widget_is_built_while_nbgrader_grades(monkeypatch, capsys):
    from ipywidgets.widgets.widget import _instances  # every live widget, by comm id

    from relsell.explorers.analytics import upload_explorer
    from relsell.explorers.stakeholders import allies_explorer, stakeholder_explorer

    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    before = len(_instances)
    built = (retention_explorer(), structure_explorer(), upload_explorer())
    for explorer in (*built, stakeholder_explorer(), allies_explorer()):
        assert explorer.controls == {}
        explorer._ipython_display_()
    assert len(_instances) == before
    assert "not built while nbgrader grades" in capsys.readouterr().out
