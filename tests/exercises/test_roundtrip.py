"""The instructor's full nbgrader round trip, for every exercise, as a course would run it.

In a copy of ``exercises/`` (the repo's own folders are never written):

1. ``nbgrader generate_assignment`` makes the student version;
2. two submissions are handed in: ``solved`` (the student version with the solution code
   put back and an answer typed in each written cell) and ``blank`` (untouched);
3. ``nbgrader autograde`` runs both, with the hidden tests put back in;
4. the gradebook must show full marks on every autograded cell for ``solved`` and zero on
   every autograded cell for ``blank``; written answers wait for the instructor.

This replaces running the student version by hand: it proves what students and
instructors actually get, hidden tests included.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from test_exercises import (
    EXERCISES,
    NBGRADER_ENV,
    NOT_COPIED,
    NOTEBOOKS,
    PARAMS,
    _grade_id,
    _nbgrader,
)

STUDENTS = ("solved", "blank")
WRITTEN_ANSWER = "My answer, in my own words, for the instructor to grade."


def _run(args: list[str], cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
        env=NBGRADER_ENV,
    )
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


def _solved(release: Path, source: Path):
    """The student version with every answer cell filled as a good student would."""
    solutions = {
        _grade_id(c): c.source
        for c in nbformat.read(source, as_version=4).cells
        if _nbgrader(c).get("solution")
    }
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        if _grade_id(cell) in solutions:
            cell.source = solutions[_grade_id(cell)] if cell.cell_type == "code" else WRITTEN_ANSWER
    return nb


def _round_trip(root: Path, assignment: str) -> Path:
    """Generate, submit and autograde one exercise in its own course copy; return it."""
    course = root / assignment / "exercises"
    shutil.copytree(EXERCISES, course, ignore=NOT_COPIED)
    _run(["generate_assignment", assignment, f"--CourseDirectory.root={course}"], course)
    for source in (p for p in NOTEBOOKS if p.parent.name == assignment):
        release = course / "release" / assignment / source.name
        for student in STUDENTS:
            target = course / "submitted" / student / assignment / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            if student == "solved":
                nbformat.write(_solved(release, source), target)
            else:
                shutil.copy(release, target)
    _run(["autograde", assignment, f"--CourseDirectory.root={course}", "--create"], course)
    return course


@pytest.fixture(scope="session")
def round_trip(tmp_path_factory):
    """``round_trip(assignment)`` -> its course folder, run once per assignment and worker.

    Tests of one assignment share an xdist group, so each round trip runs on one worker only.
    """
    root = tmp_path_factory.mktemp("roundtrip")
    done: dict[str, Path] = {}

    def get(assignment: str) -> Path:
        if assignment not in done:
            done[assignment] = _round_trip(root, assignment)
        return done[assignment]

    return get


def _grades(course: Path, source: Path, student: str):
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(source.stem, source.parent.name, student)
        auto = [
            (g.name, g.auto_score, g.max_score) for g in nb.grades if g.cell.cell_type == "code"
        ]
        written = [g.name for g in nb.grades if g.cell.cell_type == "markdown"]
        return auto, written, nb.needs_manual_grade


@pytest.mark.parametrize("source", PARAMS)
def test_solved_submission_gets_full_autograded_marks(round_trip, source: Path):
    auto, written, needs_manual = _grades(round_trip(source.parent.name), source, "solved")
    assert auto, f"{source.name}: no autograded cells in the gradebook"
    short = [f"{name}: {score}/{most}" for name, score, most in auto if score != most]
    assert not short, f"{source.name}: a correct submission lost autograded marks: {short}"
    has_written = any(
        c.cell_type == "markdown" and _nbgrader(c).get("grade")
        for c in nbformat.read(source, as_version=4).cells
    )
    assert bool(written) == has_written and needs_manual == has_written, (
        f"{source.name}: written answers (and only they) should wait for the instructor"
    )


@pytest.mark.parametrize("source", PARAMS)
def test_blank_submission_scores_zero_on_every_autograded_cell(round_trip, source: Path):
    auto, _, _ = _grades(round_trip(source.parent.name), source, "blank")
    given = [f"{name}: {score}/{most}" for name, score, most in auto if score != 0]
    assert not given, f"{source.name}: an unanswered submission earned marks: {given}"


@pytest.mark.xdist_group(NOTEBOOKS[0].parent.name)
def test_feedback_can_be_generated(round_trip):
    """The last instructor step works too: feedback HTML for a graded submission."""
    assignment = NOTEBOOKS[0].parent.name
    course = round_trip(assignment)
    _run(["generate_feedback", assignment, f"--CourseDirectory.root={course}"], course)
    assert list((course / "feedback" / "solved" / assignment).glob("*.html"))
