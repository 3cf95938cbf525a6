"""Notebooks are committed without outputs (the book executes them), so diffs stay readable
and no stale result, timestamp or memory address can reach the site."""

import json

import pytest

from helpers.plugin import REPO

NOTEBOOKS = sorted(
    p.relative_to(REPO)
    for folder in ("notebooks", "exercises/source")
    for p in (REPO / folder).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)


def test_there_are_notebooks():
    assert any(str(p).startswith("notebooks") for p in NOTEBOOKS)
    assert any(str(p).startswith("exercises") for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=str)
def test_notebook_has_no_outputs_and_a_python_kernel(path):
    nb = json.loads((REPO / path).read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert "widgets" not in nb["metadata"], "strip the saved widget state"
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"cell {index} has stored outputs"
            assert cell.get("execution_count") is None, f"cell {index} has an execution count"
