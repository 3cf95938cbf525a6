"""The item report on a real gradebook: the final exam handed in by five simulated students.

The round trip (``helpers.exercises``) autogrades the exam for ``solved``, ``blank``, ``half``
(first half right, rest blank), ``alternate`` (every other answer right, the others wrong) and
``wrong`` (all filled in, none right). We know which student got which question right, so we
know every item's share correct and every objective's average; the report must say the same.
"""

from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pytest

from helpers.exercises import EXAM, NBGRADER_ENV, SIMULATED, SOURCE, STUDENTS, right_in
from relsell_book import item_report

pytestmark = pytest.mark.xdist_group(EXAM)


def _expected():
    nb = nbformat.read(SOURCE / EXAM / f"{EXAM}.ipynb", as_version=4)
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    points = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"] for c in tests}
    objective = {
        c.metadata["nbgrader"]["grade_id"]: c.metadata["relsell"]["objective"] for c in tests
    }
    ids = list(points)
    table = {
        student: {
            gid: (points[gid] if right_in(student, i, len(ids)) else 0.0, points[gid])
            for i, gid in enumerate(ids)
        }
        for student in STUDENTS + SIMULATED
    }
    return table, objective


def _rows(text: str, heading: str) -> dict[str, list[str]]:
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| ")]
    rows = [cells for cells in rows[1:] if not cells[0].strip().startswith("---")]
    return {cells[0].strip(): [c.strip() for c in cells[1:]] for cells in rows}


def test_item_report_matches_what_the_simulated_students_did(round_trip):
    course = round_trip(EXAM)
    done = subprocess.run(
        [sys.executable, "-m", "relsell_book.item_report", EXAM],
        cwd=course,
        capture_output=True,
        text=True,
        env=NBGRADER_ENV,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = course / "reports" / EXAM
    text = (out / "item-report.md").read_text(encoding="utf-8")
    assert (out / "item-report.png").stat().st_size > 5_000
    assert text.startswith(f"# Item report: {EXAM}\n\n5 students")

    table, objective = _expected()
    items = _rows(text, "Items")
    assert set(items) == {gid for gid in objective}
    for stat in item_report.item_statistics(table):
        bank_item, obj, p, r, d, _flag = items[stat["item"]]
        assert bank_item.startswith(obj[:4] + "-")  # e.g. ch04-j07 measures a ch04 objective
        assert obj == objective[stat["item"]]
        assert float(p) == pytest.approx(stat["p"], abs=0.005)
        assert r == item_report._number(stat["r"]) and d == item_report._number(stat["d"])
    # every question is right for 'solved' and wrong for 'wrong': the best student is on top
    assert all(float(row[4]) > 0 for row in items.values() if row[4] != "–")

    objectives = _rows(text, "Learning objectives")
    for obj, value in item_report.objective_averages(table, objective).items():
        assert objectives[obj][0] == f"{value * 100:.0f} %"
    assert not re.search(r"Items with no objective", text)
