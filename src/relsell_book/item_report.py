"""The item report: what the class learned, read from nbgrader's gradebook after autograding.

Why: a total score says how each student did; an instructor also needs to know which
questions worked and which objectives the class has not reached. For every graded cell of one
assignment the report gives the share of the marks the class earned (difficulty), two
discrimination indices (does the item separate strong from weak students?) and a flag when an
item needs a look; per learning objective it gives the class average, with a chart.

Run it from the course folder after ``nbgrader autograde`` (and manual grading, if any):

    python -m relsell_book.item_report final-exam

It writes ``reports/<assignment>/item-report.md`` and ``item-report.png`` beside the gradebook.

How the numbers are defined (classical test theory):

* **share correct** (p): the class's mean of score / max score on the item.
* **item–rest correlation** (r): Pearson's correlation between a student's score share on the
  item and their total on all *other* items. Above 0.3 is good; near 0 or negative means the
  item does not measure what the rest of the paper measures (check its key).
* **upper–lower index** (D, Kelley 1939): p in the top 27 % of students (by total) minus p in
  the bottom 27 % (at least one student in each; ties broken by student id).

Which objective a cell measures comes from the ``relsell`` metadata of the source notebook's
cells (``{"objective": "ch04-a2"}``); objectives are described in ``course.yaml``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import nbformat

from relsell_book import course

__all__ = [
    "read_gradebook",
    "objectives_of",
    "item_statistics",
    "objective_averages",
    "render",
    "main",
    "UPPER_LOWER_SHARE",
]

UPPER_LOWER_SHARE = 0.27
Table = dict[str, dict[str, tuple[float, float]]]  # student -> item -> (score, max score)


class ReportError(ValueError):
    """The gradebook or the assignment cannot be reported on; the message says why."""


def read_gradebook(gradebook: Path, assignment: str) -> Table:
    """Every student's score on every graded cell of ``assignment`` that has a score.

    Cells still waiting for manual grading are left out (the report names how many).
    """
    from nbgrader.api import Gradebook, MissingEntry

    if not gradebook.exists():
        raise ReportError(
            f"No gradebook at {gradebook}. Run the report from the course folder (the one with "
            "gradebook.db), after `nbgrader autograde`."
        )
    table: Table = {}
    with Gradebook(f"sqlite:///{gradebook}") as gb:
        try:
            submissions = gb.assignment_submissions(assignment)
        except MissingEntry:
            raise ReportError(f"The gradebook has no assignment {assignment!r}.") from None
        for submission in submissions:
            row: dict[str, tuple[float, float]] = {}
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if grade.score is None or grade.needs_manual_grade:
                        continue
                    row[grade.name] = (float(grade.score), float(grade.max_score))
            table[submission.student.id] = row
    if not table:
        raise ReportError(f"No submissions of {assignment!r} have been autograded yet.")
    return table


def objectives_of(source_folder: Path) -> dict[str, str]:
    """grade_id -> learning objective, from the ``relsell`` metadata of the source notebooks."""
    found = {}
    for path in sorted(source_folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            objective = cell.metadata.get("relsell", {}).get("objective")
            if grade_id and objective:
                found[grade_id] = objective
    return found


def items_of(source_folder: Path) -> dict[str, str]:
    """grade_id -> the graded bank item it asks (exam papers name it in ``relsell.item``)."""
    found = {}
    for path in sorted(source_folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            item = cell.metadata.get("relsell", {}).get("item")
            if grade_id and item:
                found[grade_id] = item
    return found


def _share(score: float, most: float) -> float:
    return score / most if most else 0.0


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.sqrt(sxx * syy)


def item_statistics(table: Table) -> list[dict[str, Any]]:
    """Per item: ``item``, ``p`` (share correct), ``r`` (item–rest), ``d`` (upper–lower), ``n``.

    ``r`` and ``d`` are None when they cannot be computed (fewer than 3 students, or no
    spread). Items are in the order they first appear.
    """
    students = sorted(table)
    items: list[str] = []
    for student in students:
        items += [i for i in table[student] if i not in items]
    totals = {s: sum(score for score, _ in table[s].values()) for s in students}
    ranked = sorted(students, key=lambda s: (-totals[s], s))
    group = max(1, round(UPPER_LOWER_SHARE * len(students)))
    upper, lower = ranked[:group], ranked[-group:]
    out = []
    for item in items:
        took = [s for s in students if item in table[s]]
        shares = {s: _share(*table[s][item]) for s in took}
        rest = [totals[s] - table[s][item][0] for s in took]
        p = sum(shares.values()) / len(took)
        r = _pearson([shares[s] for s in took], rest)
        d = None
        if len(students) >= 2 and set(upper).isdisjoint(lower):
            up = [shares[s] for s in upper if s in shares]
            low = [shares[s] for s in lower if s in shares]
            if up and low:
                d = sum(up) / len(up) - sum(low) / len(low)
        out.append({"item": item, "n": len(took), "p": p, "r": r, "d": d})
    return out


def objective_averages(table: Table, objective_of: dict[str, str]) -> dict[str, float]:
    """Per objective, the class average of (marks earned / marks possible) on its items."""
    earned: dict[str, list[float]] = defaultdict(list)
    for row in table.values():
        per: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for item, (score, most) in row.items():
            if item in objective_of:
                per[objective_of[item]][0] += score
                per[objective_of[item]][1] += most
        for objective, (score, most) in per.items():
            earned[objective].append(_share(score, most))
    order = list(course.all_objectives())
    return {
        o: sum(v) / len(v)
        for o, v in sorted(
            earned.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 999, kv[0])
        )
    }


def _flag(stat: dict[str, Any]) -> str:
    if stat["r"] is not None and stat["r"] < 0:
        return "negative: check the key"
    if stat["p"] >= 0.9:
        return "very easy"
    if stat["p"] <= 0.2:
        return "very hard: check the key and the teaching"
    if stat["r"] is not None and stat["r"] < 0.2:
        return "weak discrimination"
    return ""


def _number(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def chart(averages: dict[str, float], path: Path) -> None:
    """A horizontal bar chart of the class average per objective, saved as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = list(averages)[::-1]
    values = [averages[o] * 100 for o in labels]
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(labels) + 1.2), dpi=100)
    ax.barh(labels, values, color=["#a30000" if v < 50 else "#2a6f97" for v in values])
    ax.axvline(50, color="#555", linewidth=0.8, linestyle="--")
    ax.set_xlim(0, 100)
    ax.set_xlabel("Class average on the objective's items (%)")
    ax.set_title("What the class learned, by learning objective")
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def render(
    assignment: str,
    table: Table,
    objective_of: dict[str, str],
    chart_name: str = "item-report.png",
    item_of: dict[str, str] | None = None,
) -> str:
    """The report as Markdown (the chart is a separate PNG next to it)."""
    stats = item_statistics(table)
    averages = objective_averages(table, objective_of)
    described = course.all_objectives()
    lines = [
        f"# Item report: {assignment}",
        "",
        f"{len(table)} students, {len(stats)} graded items with a score. "
        "p = share of the marks earned; r = item–rest correlation; "
        "D = upper–lower index (top minus bottom 27 %). See `relsell_book.item_report`.",
        "",
        "## Items",
        "",
        "| Item | Bank item | Objective | p | r | D | Look at it? |",
        "| --- | --- | --- | ---: | ---: | ---: | --- |",
    ]
    item_of = item_of or {}
    for s in stats:
        lines.append(
            f"| {s['item']} | {item_of.get(s['item'], '–')} | "
            f"{objective_of.get(s['item'], '–')} | {_number(s['p'])} | "
            f"{_number(s['r'])} | {_number(s['d'])} | {_flag(s)} |"
        )
    lines += [
        "",
        "## Learning objectives",
        "",
        f"![Class average per objective]({chart_name})",
        "",
        "Red bars: the class earned less than half the marks on the objective's items; reteach it "
        "or check its items above.",
        "",
    ]
    lines += ["| Objective | Class average | What it asks |", "| --- | ---: | --- |"]
    for objective, value in averages.items():
        text = " ".join(described.get(objective, {}).get("text", "").split())
        lines.append(f"| {objective} | {value * 100:.0f} % | {text} |")
    missing = sorted({i for row in table.values() for i in row} - set(objective_of))
    if missing:
        lines += ["", f"Items with no objective in their metadata: {', '.join(missing)}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the item report of one assignment.")
    parser.add_argument("assignment", help="the assignment's name, e.g. final-exam")
    parser.add_argument("--course", type=Path, default=Path.cwd(), help="the course folder")
    parser.add_argument("--out", type=Path, help="folder for the report (default reports/<name>)")
    args = parser.parse_args(argv)
    course_dir = args.course.resolve()
    try:
        table = read_gradebook(course_dir / "gradebook.db", args.assignment)
        objective_of = objectives_of(course_dir / "source" / args.assignment)
    except ReportError as problem:
        print(f"Cannot write the item report: {problem}", file=sys.stderr)
        return 2
    out = args.out or course_dir / "reports" / args.assignment
    out.mkdir(parents=True, exist_ok=True)
    source = course_dir / "source" / args.assignment
    text = render(args.assignment, table, objective_of, item_of=items_of(source))
    (out / "item-report.md").write_text(text, "utf-8")
    chart(objective_averages(table, objective_of), out / "item-report.png")
    print(f"wrote {out / 'item-report.md'} and item-report.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
