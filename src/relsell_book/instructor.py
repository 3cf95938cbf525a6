"""Tables for the instructor guide, generated from the course map, exercises and cases.

Why generated: the guide must list every chapter's notebook, exercise, points and cases,
and a teaching schedule, for whatever chapters exist. Reading them from ``course.yaml``,
the nbgrader source notebooks and ``data/cases`` means a new chapter appears in the guide,
the schedule and the JupyterHub links by adding its files, never by editing the guide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import nbformat

from relsell.content import cases
from relsell_book import course, exam

__all__ = [
    "exercise_points",
    "materials",
    "schedule",
    "nbgitpuller_link",
    "render_materials",
    "render_schedules",
    "render_hub_links",
    "repository_url",
]

HUB_PLACEHOLDER = "https://hub.example.edu"


def repository_url(root: Path) -> tuple[str, str]:
    """The repository URL and branch, from ``_config.yml`` (the one place they are set)."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    repo = config.get("repository", {})
    return repo.get("url", ""), repo.get("branch", "main")


def exercise_points(path: Path) -> tuple[float, float]:
    """(autograded points, written points) of an nbgrader source notebook."""
    nb = nbformat.read(path, as_version=4)
    auto = written = 0.0
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade"):
            continue
        if cell.cell_type == "code":
            auto += meta.get("points", 0)
        else:
            written += meta.get("points", 0)
    return auto, written


def materials(root: Path) -> list[dict[str, Any]]:
    """One record per published chapter: its notebook, exercise, points, cases, answer key."""
    case_titles: dict[str, list[str]] = {}
    for case_id in cases.case_ids():
        case = cases.load_case(case_id)
        case_titles.setdefault(case["chapter"], []).append(case["title"])
    out = []
    for c in course.published_chapters(root):
        exercise = root / "exercises" / "source" / c["exercise"] / f"{c['exercise']}.ipynb"
        if not exercise.exists():  # the student edition has the student versions only
            exercise = root / "exercises" / c["exercise"] / f"{c['exercise']}.ipynb"
        notebook = root / f"{c['notebook']}.ipynb"
        key = root / "instructor" / "answer_keys" / f"{c['id']}.md"
        out.append(
            {
                **c,
                "number": int(c["id"][2:]),
                "has_notebook": notebook.exists(),
                "has_exercise": exercise.exists(),
                "points": exercise_points(exercise) if exercise.exists() else None,
                "cases": case_titles.get(f"{c['page']}.md", []),
                "answer_key": key.relative_to(root).as_posix() if key.exists() else None,
            }
        )
    return out


def schedule(chapters: list[dict[str, Any]], weeks: int) -> list[tuple[str, str]]:
    """A week-by-week plan: (weeks, what to do), for ``weeks`` between 8 and 16.

    One week per chapter plus a final exam week at 8 weeks; every extra week goes first
    to an introduction week, then to the chapters with the most material (those with an
    exercise), in course order, so each gets a second week for its case and exercise.
    """
    if not 8 <= weeks <= 16:
        raise ValueError(f"A schedule must be 8 to 16 weeks long; got {weeks}.")
    if not chapters:
        return []
    n = len(chapters)
    spare = weeks - 1 - n  # the last week is the exam
    intro = 1 if spare > 0 else 0
    spare -= intro
    lengths = [1] * n
    order = [i for i, c in enumerate(chapters) if c["has_exercise"]] + [
        i for i, c in enumerate(chapters) if not c["has_exercise"]
    ]
    k = 0
    while spare > 0 and order:
        lengths[order[k % len(order)]] += 1
        spare -= 1
        k += 1
    rows: list[tuple[str, str]] = []
    week = 1
    if intro:
        rows.append(
            (
                "1",
                "Introduction: {ref}`how-to-use`, set-up on the hub or Binder, first quiz tour; "
                "{ref}`progress` explained.",
            )
        )
        week = 2
    for c, length in zip(chapters, lengths, strict=True):
        span = f"{week}" if length == 1 else f"{week}–{week + length - 1}"
        parts = [f"Read {{ref}}`Chapter {c['number']} <{c['id']}>` and take its quiz"]
        if c["cases"]:
            parts.append("discuss the case: " + "; ".join(f"*{t}*" for t in c["cases"]))
        if c["has_notebook"]:
            parts.append(f"notebook {{ref}}`{c['id']}-notebook` in class")
        if c["has_exercise"]:
            due = "due at the end of the week" if length == 1 else "due at the end of the block"
            parts.append(f"exercise `{c['exercise']}` {due}")
        rows.append((span, "; ".join(parts) + "."))
        week += length
    rows.append(
        (
            str(week),
            f"Final exam (`{exam.NAME}`, autograded); the account-plan capstone (`account-plan`, "
            "set over the last weeks) and the case-analysis assignment due; review.",
        )
    )
    return rows


def nbgitpuller_link(hub: str, repo_url: str, branch: str, path: str) -> str:
    """A link that clones or updates the course repo on a JupyterHub and opens ``path``."""
    folder = repo_url.rstrip("/").rsplit("/", 1)[-1]
    urlpath = f"lab/tree/{folder}/{path}"
    return (
        f"{hub.rstrip('/')}/hub/user-redirect/git-pull?repo={quote(repo_url, safe='')}"
        f"&urlpath={quote(urlpath, safe='')}&branch={quote(branch, safe='')}"
    )


_HEADER = (
    "% GENERATED from course.yaml, exercises/source and data/cases"
    " by `python -m relsell_book.build`."
)


def render_materials(root: Path) -> str:
    """MyST table of each chapter's materials (``book/_generated/instructor_materials.md``)."""
    lines = [
        _HEADER,
        "",
        "| Chapter | Notebook | Graded exercise | Points (auto + written) | Cases |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in materials(root):
        notebook = f"{{ref}}`notebook <{r['id']}-notebook>`" if r["has_notebook"] else "—"
        exercise = f"`{r['exercise']}`" if r["has_exercise"] else "—"
        points = "—"
        if r["points"]:
            auto, written = r["points"]
            points = f"{auto:g} + {written:g} = {auto + written:g}"
        case_list = "; ".join(r["cases"]) or "—"
        lines.append(
            f"| {{ref}}`{r['number']} <{r['id']}>` | {notebook} | {exercise} | {points} "
            f"| {case_list} |"
        )
    return "\n".join(lines) + "\n"


def render_schedules(root: Path) -> str:
    """MyST tables of 16-, 12- and 8-week plans (``book/_generated/instructor_schedules.md``)."""
    rows = materials(root)
    lines = [_HEADER]
    for weeks in (16, 12, 8):
        article = "An" if str(weeks).startswith("8") else "A"
        lines += ["", f"### {article} {weeks}-week plan", "", "| Week | Plan |", "| --- | --- |"]
        lines += [f"| {span} | {plan} |" for span, plan in schedule(rows, weeks)]
    return "\n".join(lines) + "\n"


def render_hub_links(root: Path) -> str:
    """The nbgitpuller link list and its form (``book/_generated/instructor_hub_links.md``)."""
    repo_url, branch = repository_url(root)
    lines = [
        _HEADER,
        "",
        f"Each link clones `{repo_url}` (branch `{branch}`) into the student's home folder on",
        "first use, updates it on later clicks without overwriting the student's own changes,",
        "and opens the notebook. Type your hub's address to turn the list into links:",
        "",
        '<form class="relsell-hub-form" onsubmit="return false;">'
        '<label for="relsell-hub-url">Your JupyterHub address</label> '
        f'<input id="relsell-hub-url" type="url" placeholder="{HUB_PLACEHOLDER}" size="32">'
        "</form>",
        "",
        '<ul class="relsell-hub-links">',
    ]
    for r in materials(root):
        if not r["has_notebook"]:
            continue
        path = f"{r['notebook']}.ipynb"
        link = nbgitpuller_link(HUB_PLACEHOLDER, repo_url, branch, path)
        lines.append(
            f"<li>Chapter {r['number']} notebook: "
            f'<code class="relsell-hub-link" data-path="{path}">{link}</code></li>'
        )
    lines += ["</ul>", ""]
    return "\n".join(lines)
