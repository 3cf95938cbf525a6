"""The instructor guide's commands, run as written, from the folder the guide names.

The two command blocks of ``book/instructor_guide.md`` (``instructor-term-commands`` and
``instructor-student-commands``) are read from the page and run line by line in a fresh copy of
the repository: the instructor's from its root, the student's from a home folder of their own
whose global nbgrader configuration names the exchange (as a hub administrator sets it up).
A test student hands in the fetched notebook unchanged. Every command must succeed without the
configuration warnings the guide says are gone, and each step must leave what the guide says.
The autograding time per student is printed (the guide quotes it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from helpers.exercises import NBGRADER_ENV

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "book" / "instructor_guide.md"
ASSIGNMENT = "01-relationship-selling"
NOT_FIXED = ("No nbgrader_config.py file found", "is not absolute")

pytestmark = pytest.mark.xdist_group("guide-commands")


def block(name: str) -> list[str]:
    """The command lines of the guide's code block ``:name: <name>`` (comments dropped)."""
    text = GUIDE.read_text(encoding="utf-8")
    match = re.search(rf":name: {name}\n(?::[^\n]*\n)*(.*?)\n```", text, re.S)
    assert match, f"the guide has no code block named {name}"
    lines = [line.split("  #")[0].strip() for line in match.group(1).splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def _copy_repository(target: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for relative in filter(None, listed):
        if (REPO / relative).is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / relative, target / relative)
    return target


def _run(line: str, cwd: Path, env: dict[str, str]) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", line],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"`{line}` (in {cwd}) failed:\n{output[-3000:]}"
    for warning in NOT_FIXED:
        assert warning not in output, f"`{line}` still warns {warning!r}:\n{output[-2000:]}"
    return output, seconds


def _exported(line: str, env: dict[str, str]) -> dict[str, str]:
    """The environment after an ``export`` line, as the next lines of the block see it."""
    done = subprocess.run(
        ["bash", "-c", f"{line} && env -0"], env=env, capture_output=True, text=True, check=True
    )
    return dict(item.split("=", 1) for item in done.stdout.split("\0") if "=" in item)


def test_a_term_runs_as_the_guide_says(tmp_path):
    repo = _copy_repository(tmp_path / "relationship-selling")
    instructor_home, student_home = tmp_path / "instructor", tmp_path / "student"
    instructor_home.mkdir()
    env = {**NBGRADER_ENV, "HOME": str(instructor_home)}
    instructor = block("instructor-term-commands")
    students = block("instructor-student-commands")
    assert any(line.startswith("nbgrader autograde") for line in instructor)
    timings: dict[str, float] = {}

    def instructor_steps(lines):
        nonlocal env
        for line in lines:
            if line.startswith("export "):
                env = _exported(line, env)
                continue
            _, timings[line.split()[1] if line.startswith("nbgrader") else line] = _run(
                line, repo, env
            )

    split = next(i for i, line in enumerate(instructor) if line.startswith("nbgrader collect"))
    instructor_steps(instructor[:split])

    # the student's machine: a global nbgrader config with the exchange, as on a hub
    (student_home / ".jupyter").mkdir(parents=True)
    (student_home / ".jupyter" / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {env['RELSELL_EXCHANGE']!r}\n", encoding="utf-8"
    )
    student_env = {**env, "HOME": str(student_home)}
    fetch, submit, fetch_feedback = students
    _run(fetch, student_home, student_env)
    assert (student_home / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()
    _run(submit, student_home, student_env)

    instructor_steps(instructor[split:])
    course = repo / "exercises"
    assert list((course / "submitted").glob(f"*/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"))
    assert list((course / "feedback").glob(f"*/{ASSIGNMENT}/*.html"))
    report = course / "reports" / ASSIGNMENT / "item-report.md"
    assert "| Objective | Class average |" in report.read_text(encoding="utf-8")
    assert (instructor_home / "relsell-grades.csv").read_text(encoding="utf-8").count("\n") >= 2

    _run(fetch_feedback, student_home, student_env)
    assert list(student_home.glob(f"{ASSIGNMENT}/feedback/*/*.html"))
    print(f"\nautograde of one student took {timings['autograde']:.1f} s (the guide's estimate)")
