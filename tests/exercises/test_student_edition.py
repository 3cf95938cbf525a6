"""The student edition holds nothing an instructor grades with (``relsell_book.student_edition``).

Built once into a temporary folder, as the publishing workflow does, then searched with checks
of our own (not only the module's ``leaks``): no graded folder, no nbgrader region or rubric
marker, no sentence of a model answer, hidden test, answer key or graded item; and everything a
student needs is there (the notebooks, the data, the student version of each exercise).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from helpers.exercises import FORBIDDEN, NOTEBOOKS, REGION, grade_id
from relsell_book import exam, item_bank, student_edition

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.xdist_group("student-edition")


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "relsell-student"
    student_edition.build(out)
    return out


def _texts(folder: Path):
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts):
        try:
            yield path, path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_no_graded_folder_or_grading_config(edition):
    assert not (edition / "instructor").exists()
    assert not (edition / "exercises" / "source").exists()
    assert not list(edition.rglob("nbgrader_config.py"))
    assert not list(edition.rglob("*.db"))


def test_every_exercise_but_the_exam_is_there_as_its_student_version(edition):
    for source in NOTEBOOKS:
        name = source.parent.name
        student = edition / "exercises" / name / source.name
        if name == exam.NAME:
            assert not student.exists(), "the exam is released on exam day, not with the edition"
            continue
        nb = nbformat.read(student, as_version=4)
        assert [grade_id(c) for c in nb.cells] == [
            grade_id(c) for c in nbformat.read(source, as_version=4).cells
        ]
        assert "raise NotImplementedError()" in "\n".join(c.source for c in nb.cells)
    for folder in ("notebooks", "src/relsell/data/transactions", "book"):
        assert any((edition / folder).iterdir()), folder


def test_no_nbgrader_marker_in_any_notebook_or_page(edition):
    for path, text in _texts(edition):
        if path.suffix in (".ipynb", ".md", ".yaml", ".yml", ".txt", ".html"):
            # nbgrader's markers are upper case; prose may say "model answers"
            for marker in FORBIDDEN:
                assert marker not in text, f"{path.relative_to(edition)}: {marker}"


def test_no_solution_hidden_test_or_graded_item_text(edition):
    # what the book itself teaches (a list an answer key repeats) is public by design
    public = _flat(
        " ".join(t for folder in ("book", "src/relsell/data") for _p, t in _texts(REPO / folder))
    )
    secrets = []
    for source in NOTEBOOKS:
        for cell in nbformat.read(source, as_version=4).cells:
            for region in REGION.finditer(cell.source):
                secrets += [
                    line.strip()
                    for line in region.group("body").splitlines()
                    if len(line.strip()) >= 30 and "NotImplementedError" not in line
                ]
    for chapter in item_bank.chapters():
        for item in item_bank.load(chapter):
            secrets.append(_flat(item["vignette"]).split("{")[0][:70])
            secrets += [_flat(a["text"]) for a in item.get("answers", []) if len(a["text"]) > 40]
    for key in sorted((REPO / "instructor" / "answer_keys").glob("*.md")):
        secrets += [
            line
            for line in map(_flat, key.read_text(encoding="utf-8").splitlines())
            if len(line) >= 60 and line[:60] not in public
        ]
    secrets = [s for s in (_flat(s) for s in secrets) if len(s) >= 30]
    assert len(secrets) > 100, "the search found too little graded text to prove anything"
    everything = _flat(" ".join(t for _p, t in _texts(edition)))
    found = [s[:60] for s in secrets if s in everything]
    assert not found, f"graded text in the student edition: {found[:5]}"


def test_the_edition_is_what_the_site_buttons_open(edition):
    config = yaml.safe_load((edition / "_config.yml").read_text(encoding="utf-8"))
    assert config["repository"]["url"].endswith("-student")
    assert (edition / ".github" / "workflows" / "publish.yml").exists()
    assert not (edition / ".github" / "workflows" / "student-edition.yml").exists()
    assert "student edition" in (edition / "README.md").read_text(encoding="utf-8")


def test_the_leak_check_finds_a_planted_model_answer(edition, tmp_path):
    source = next(p for p in NOTEBOOKS if p.parent.name != exam.NAME)
    planted = tmp_path / "copy"
    planted.mkdir()
    (planted / "notes.md").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert student_edition.leaks(planted)


def test_a_folder_with_other_work_is_never_overwritten(tmp_path):
    (tmp_path / "thesis.md").write_text("my own work", encoding="utf-8")
    with pytest.raises(RuntimeError, match="not empty"):
        student_edition.build(tmp_path)
    assert (tmp_path / "thesis.md").read_text(encoding="utf-8") == "my own work"
