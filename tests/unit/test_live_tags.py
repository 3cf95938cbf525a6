"""Every model chart on a chapter page and every explorer on a notebook page can run live.

The page's script puts **Run live** under a code cell tagged ``live-<model>``
(CONTRIBUTING.md): this test finds the cells that draw a model's chart (chapters) or show its
explorer (notebooks) and requires the tag, so a new chart cannot forget it. Chapter 7's
good-friends chart and explorer are the exception: a small illustration without ``PARAMS``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from relsell.live import MODELS

REPO = Path(__file__).resolve().parents[2]
NOT_LIVE = {"pairs_chart", "allies_explorer"}
CHART = re.compile(r"from relsell\.charts\.(\w+) import (\w+)")
EXPLORER = re.compile(r"from relsell\.explorers\.(\w+) import (\w+)")


def _chapter_cells():
    for page in sorted((REPO / "book").glob("ch0*.md")):
        for match in re.finditer(r"```\{code-cell\} ipython3\n(.*?)```", page.read_text(), re.S):
            yield page.name, match.group(1), re.findall(r"live-[a-z_]+", match.group(1))


def _notebook_cells():
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                tags = cell.get("metadata", {}).get("tags", [])
                yield path.name, "".join(cell["source"]), [t for t in tags if t.startswith("live-")]


@pytest.mark.parametrize("where", ["chapters", "notebooks"])
def test_every_model_chart_or_explorer_cell_is_tagged_live(where):
    cells = _chapter_cells() if where == "chapters" else _notebook_cells()
    pattern = CHART if where == "chapters" else EXPLORER
    missing, seen = [], set()
    for name, source, tags in cells:
        for module, function in pattern.findall(source):
            if function in NOT_LIVE or module not in MODELS and module != "analytics":
                continue
            if module == "analytics" and function != "upload_explorer":
                continue  # one live explorer per page: the one with the file picker
            seen.add(module)
            # charts/<m>.py and explorers/<m>.py are named after their model
            if f"live-{module}" not in tags:
                missing.append(f"{name}: {function} from {module} has no live-{module} tag")
    assert not missing, missing
    assert seen, f"no model cell found in the {where}"


def test_every_live_model_is_on_some_page():
    tagged = {
        t[len("live-") :] for _, _, tags in [*_chapter_cells(), *_notebook_cells()] for t in tags
    }
    assert tagged == set(MODELS), sorted(set(MODELS) ^ tagged)
