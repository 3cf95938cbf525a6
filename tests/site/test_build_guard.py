"""Jupyter Book exits 0 when a notebook fails unless told otherwise: prove that ours does not.

A two-page book is built with the course's own _config.yml, once with a notebook whose cell
raises, once without; only the first build must fail, and say why.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]


def _book(tmp: Path, cell: str) -> Path:
    root = tmp / "book"
    (root / "book").mkdir(parents=True)
    (root / "notebooks").mkdir()
    shutil.copy(REPO / "_config.yml", root / "_config.yml")
    shutil.copytree(REPO / "static", root / "static", ignore=shutil.ignore_patterns("vendor"))
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: book/intro\nchapters:\n  - file: notebooks/probe\n",
        encoding="utf-8",
    )
    (root / "book" / "intro.md").write_text("# Probe\n\nA probe book.\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Probe notebook"), nbformat.v4.new_code_cell(cell)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, root / "notebooks" / "probe.ipynb")
    return root


def _build(root: Path) -> subprocess.CompletedProcess:
    jb = Path(sys.executable).with_name("jupyter-book")
    return subprocess.run(
        [str(jb), "build", str(root), "--warningiserror", "--nitpick", "--keep-going"],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_failing_notebook_fails_the_build_and_a_good_one_passes(tmp_path):
    bad = _build(_book(tmp_path / "bad", "raise ValueError('probe failure')"))
    assert bad.returncode != 0, "a notebook that raises must fail the book build"
    assert "probe failure" in bad.stdout + bad.stderr
    good = _build(_book(tmp_path / "good", "print(1 + 1)"))
    assert good.returncode == 0, good.stdout[-2000:] + good.stderr[-2000:]
