"""Shared by the exercise tests: where the exercises are, nbgrader's metadata, the round trip.

The round trip (``round_trip`` fixture) is the instructor's full nbgrader cycle, once per
assignment and worker, in a copy of ``exercises/`` (the repository's folders are never written):

1. ``nbgrader generate_assignment`` makes the student version;
2. two submissions are handed in: ``solved`` (the student version with the solution code
   put back and an answer typed in each written cell) and ``blank`` (untouched);
3. ``nbgrader autograde`` runs both, with the hidden tests put back in.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "exercises"
SOURCE = EXERCISES / "source"

# Where nbgrader writes results and scores: never copied into the temporary course.
NOT_COPIED = shutil.ignore_patterns(
    "release",
    "submitted",
    "autograded",
    "feedback",
    "gradebook.db",
    ".ipynb_checkpoints",
    "__pycache__",
)

# Text that must never reach a student.
FORBIDDEN = [
    "BEGIN SOLUTION",
    "END SOLUTION",
    "HIDDEN TESTS",
    "MARK SCHEME",
    "MODEL ANSWER",
    "=== RUBRIC",
    "instructor only",
]
REGION = re.compile(
    r"BEGIN (SOLUTION|HIDDEN TESTS)(?P<body>.*?)END (SOLUTION|HIDDEN TESTS)", re.DOTALL
)


# nbgrader runs the `alembic` command of its own environment to open the gradebook.
NBGRADER_ENV = {
    **os.environ,
    "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
}


def _discover() -> list[Path]:
    return sorted(p for p in SOURCE.glob("*/*.ipynb") if ".ipynb_checkpoints" not in p.parts)


NOTEBOOKS = _discover()
IDS = [f"{p.parent.name}/{p.stem}" for p in NOTEBOOKS]
# One xdist group per assignment: with `pytest -n 2 --dist loadgroup` all tests of an exercise
# run on one worker, which then generates and autogrades it once (see test_roundtrip.py).
PARAMS = [
    pytest.param(p, id=i, marks=pytest.mark.xdist_group(p.parent.name))
    for p, i in zip(NOTEBOOKS, IDS, strict=True)
]


def nbgrader_meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def grade_id(cell) -> str:
    return nbgrader_meta(cell).get("grade_id", "<no grade_id>")


def is_autograded_test(cell) -> bool:
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and meta.get("grade") is True and meta.get("solution") is False


STUDENTS = ("solved", "blank")
# For the item report: the exam is also handed in by students who are partly right.
# half: the first half of the answers right, the rest left blank; alternate: every other
# answer right, the others wrong; wrong: every answer filled in, none right.
EXAM = "final-exam"
SIMULATED = ("half", "alternate", "wrong")
WRITTEN_ANSWER = "My answer, in my own words, for the instructor to grade."


def run_nbgrader(args: list[str], cwd: Path) -> None:
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
        grade_id(c): c.source
        for c in nbformat.read(source, as_version=4).cells
        if nbgrader_meta(c).get("solution")
    }
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        if grade_id(cell) in solutions:
            cell.source = solutions[grade_id(cell)] if cell.cell_type == "code" else WRITTEN_ANSWER
    return nb


def right_in(student: str, index: int, count: int) -> bool:
    """Whether a simulated exam student answers question ``index`` (0-based) of ``count`` right."""
    return student == "solved" or (
        (student == "half" and index < count // 2) or (student == "alternate" and index % 2 == 0)
    )


def _wrong(solution: str) -> str:
    """A well-formed wrong answer for an exam answer cell (``qNN = 'B'`` or ``qNN = 12.5``)."""
    match = re.search(r"^(q\d+) = (.+)$", solution, re.M)
    assert match, f"not an exam answer cell: {solution!r}"
    var, value = match.group(1), eval(match.group(2))  # noqa: S307 - our generated exam
    if isinstance(value, str):
        return f"{var} = {next(c for c in 'ABCD' if c not in value)!r}"
    return f"{var} = {value + 1000!r}"


def _simulated(release: Path, source: Path, student: str):
    """The exam handed in by a partly right student (see SIMULATED)."""
    solutions = [
        (grade_id(c), c.source)
        for c in nbformat.read(source, as_version=4).cells
        if nbgrader_meta(c).get("solution")
    ]
    filled = {}
    for index, (gid, code) in enumerate(solutions):
        if right_in(student, index, len(solutions)):
            filled[gid] = code
        elif student in ("alternate", "wrong"):
            filled[gid] = _wrong(code)
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        if grade_id(cell) in filled:
            cell.source = filled[grade_id(cell)]
    return nb


def _round_trip(root: Path, assignment: str) -> Path:
    """Generate, submit and autograde one exercise in its own course copy; return it."""
    course = root / assignment / "exercises"
    shutil.copytree(EXERCISES, course, ignore=NOT_COPIED)
    run_nbgrader(["generate_assignment", assignment, f"--CourseDirectory.root={course}"], course)
    for source in (p for p in NOTEBOOKS if p.parent.name == assignment):
        release = course / "release" / assignment / source.name
        for student in STUDENTS + (SIMULATED if assignment == EXAM else ()):
            target = course / "submitted" / student / assignment / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            if student == "solved":
                nbformat.write(_solved(release, source), target)
            elif student in SIMULATED:
                nbformat.write(_simulated(release, source, student), target)
            else:
                shutil.copy(release, target)
    run_nbgrader(["autograde", assignment, f"--CourseDirectory.root={course}", "--create"], course)
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
