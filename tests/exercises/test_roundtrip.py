"""The instructor's full nbgrader round trip, for every exercise, as a course would run it.

The gradebook must show full marks on every autograded cell for ``solved`` and zero on every
autograded cell for ``blank``; written answers wait for the instructor. See
``helpers.exercises`` for how the submissions are made.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from helpers.exercises import NOTEBOOKS, PARAMS, nbgrader_meta, run_nbgrader


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
        c.cell_type == "markdown" and nbgrader_meta(c).get("grade")
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
    run_nbgrader(["generate_feedback", assignment, f"--CourseDirectory.root={course}"], course)
    assert list((course / "feedback" / "solved" / assignment).glob("*.html"))
