"""Two clean builds of the book are identical: same pages, same notebook outputs.

scripts/test.sh builds the book a second time from scratch (new execution cache) into
``_build/second`` and runs this test with ``--second-site``. Every file of the two sites
must be byte-identical after removing the differences listed in ``DOCUMENTED``, each of which
says why it is harmless. Executed notebooks are compared output by output, ignoring only the
ids of ipywidget models (random UUIDs by design; they never reach a page, see
relsell_book.sphinxext).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

# (file glob, pattern, why): text matching the pattern is blanked before comparing.
DOCUMENTED: list[tuple[str, re.Pattern[str], str]] = [
    (
        "_sources/book/*.ipynb",
        re.compile(r'"id": "[0-9a-f]{8}"'),
        "The download copy of a MyST chapter page is converted to .ipynb at build time and "
        "nbformat gives each cell a random id. The page itself and its outputs do not change.",
    ),
    (
        "_sources/book/*.ipynb",
        re.compile(r"[0-9a-f]{32}"),
        "A chapter page with a (hidden) widget cell keeps the widget state in its download copy; "
        "ipywidgets names models with random UUIDs. The HTML page drops that state.",
    ),
]
WIDGET_ID = re.compile(r'"model_id": "[0-9a-f]{32}"')


@pytest.fixture(scope="module")
def second(request) -> Path:
    path = request.config.getoption("--second-site")
    if not path:
        pytest.skip("no second build given (--second-site); scripts/test.sh passes one")
    path = Path(path)
    if not (path / "index.html").exists():
        pytest.fail(f"No second build at {path}.")
    return path


def _files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def _normalise(rel: str, data: bytes) -> bytes:
    for pattern_glob, pattern, _why in DOCUMENTED:
        if Path(rel).match(pattern_glob):
            data = pattern.sub("", data.decode("utf-8")).encode("utf-8")
    return data


def test_two_clean_builds_give_identical_sites(site: Path, second: Path):
    first_files, second_files = _files(site), _files(second)
    assert sorted(first_files) == sorted(second_files), (
        f"the two builds wrote different files: {sorted(set(first_files) ^ set(second_files))[:10]}"
    )
    differ = [
        rel
        for rel, path in first_files.items()
        if _normalise(rel, path.read_bytes()) != _normalise(rel, second_files[rel].read_bytes())
    ]
    assert not differ, f"{len(differ)} file(s) differ between two clean builds: {differ[:10]}"


def _outputs(path: Path) -> list:
    nb = json.loads(path.read_text(encoding="utf-8"))
    outputs = [cell.get("outputs", []) for cell in nb["cells"] if cell["cell_type"] == "code"]
    return json.loads(WIDGET_ID.sub('"model_id": ""', json.dumps(outputs, sort_keys=True)))


def test_two_clean_builds_give_identical_notebook_outputs(site: Path, second: Path):
    first_dir = site.parent / "jupyter_execute"
    second_dir = second.parent / "jupyter_execute"
    notebooks = sorted(p.relative_to(first_dir) for p in first_dir.rglob("*.ipynb"))
    assert notebooks, f"no executed notebooks in {first_dir}"
    differ = [
        str(rel) for rel in notebooks if _outputs(first_dir / rel) != _outputs(second_dir / rel)
    ]
    assert not differ, f"executed outputs differ between two clean builds: {differ}"
