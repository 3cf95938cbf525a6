"""The final course exam: a seeded draw from every chapter's quiz bank, as an nbgrader notebook.

Why generated: the quiz banks are the single source of every question, so the exam can
never disagree with the chapters, and a new chapter's bank joins the exam without editing
it. The draw is stratified (the same number of questions from each chapter) and seeded,
so the committed exam is reproducible and an instructor can make a fresh paper for
another term with one command:

    python -m relsell_book.exam --seed 2027 --per-chapter 3 --out exercises/source/final-exam-2027

Students answer with letters ("B", or "AC" when several options are right) or a number.
Each answer cell is an nbgrader solution region; the public test only checks the form of
the answer, and a hidden test (removed from the student version) checks it and gives the
bank's feedback.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from relsell.checks import ModelInputError, whole_number
from relsell.content import quiz

__all__ = ["draw", "build_notebook", "answer_key", "DEFAULT_SEED", "DEFAULT_PER_CHAPTER", "NAME"]

NAME = "final-exam"
DEFAULT_SEED = 2026
DEFAULT_PER_CHAPTER = 3
LETTERS = string.ascii_uppercase
POINTS = {"single": 1, "multiple": 2, "numeric": 2}


def draw(
    seed: int = DEFAULT_SEED,
    per_chapter: int = DEFAULT_PER_CHAPTER,
    chapters: list[str] | None = None,
) -> list[dict[str, Any]]:
    """``per_chapter`` questions from each chapter's bank, in course order, reproducibly.

    Uses its own ``random.Random(seed)``, never the global generator.
    """
    per_chapter = whole_number("questions per chapter", per_chapter, minimum=1)
    chapters = quiz.bank_ids() if chapters is None else chapters
    if not chapters:
        raise ModelInputError("There are no quiz banks to draw an exam from.")
    rng = random.Random(seed)
    drawn = []
    for chapter in chapters:
        questions = quiz.load_bank(chapter)["questions"]
        if per_chapter > len(questions):
            raise ModelInputError(
                f"{chapter} has {len(questions)} questions; cannot draw {per_chapter} from it. "
                "Ask for fewer questions per chapter."
            )
        picked = sorted(rng.sample(range(len(questions)), per_chapter))
        drawn += [{**questions[i], "chapter": chapter} for i in picked]
    return drawn


def answer_key(question: dict[str, Any]) -> str | float:
    """The right answer as a student writes it: letters for choices, a number for numeric."""
    if question["type"] == "numeric":
        low, high = next(a["range"] for a in question["answers"] if a["correct"])
        return round((low + high) / 2, 6)
    return "".join(LETTERS[i] for i, a in enumerate(question["answers"]) if a["correct"])


def _meta(grade_id: str, *, grade=False, solution=False, locked=True, points=None) -> dict:
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _question_markdown(number: int, q: dict[str, Any]) -> str:
    chapter = int(q["chapter"][2:])
    points = POINTS[q["type"]]
    head = f"**Question {number}** (chapter {chapter}, {points} point{'s' * (points > 1)}). "
    text = " ".join(q["question"].split())
    if q["type"] == "numeric":
        how = "Answer with a number (no units)."
        return f"{head}{text}\n\n*{how}*"
    how = (
        'Exactly one option is right: answer with its letter, e.g. `"B"`.'
        if q["type"] == "single"
        else 'One or more options are right: answer with all their letters, e.g. `"AC"`.'
    )
    options = "\n".join(
        f"- **{LETTERS[i]}.** {' '.join(a['text'].split())}" for i, a in enumerate(q["answers"])
    )
    return f"{head}{text}\n\n{options}\n\n*{how}*"


def _answer_cell(var: str, q: dict[str, Any]) -> str:
    key = answer_key(q)
    value = repr(key) if isinstance(key, str) else f"{key:g}"
    return f"### BEGIN SOLUTION\n{var} = {value}\n### END SOLUTION\n{var}"


def _test_cell(var: str, q: dict[str, Any]) -> str:
    if q["type"] == "numeric":
        low, high = next(a["range"] for a in q["answers"] if a["correct"])
        feedback = next(a["feedback"] for a in q["answers"] if a["correct"])
        public = (
            f'assert "{var}" in globals(), "Store your answer in {var}."\n'
            f"assert isinstance({var}, (int, float)) and not isinstance({var}, bool), (\n"
            f'    f"{var} should be a number such as 12 or 0.5; got {{{var}!r}}."\n)'
        )
        hidden = f"assert {low!r} <= {var} < {high!r}, {' '.join(feedback.split())!r}"
    else:
        valid = LETTERS[: len(q["answers"])]
        right = answer_key(q)
        feedback = " ".join(" ".join(a["feedback"].split()) for a in q["answers"] if a["correct"])
        public = (
            f'assert "{var}" in globals(), "Store your answer in {var}, e.g. {var} = \\"B\\"."\n'
            f"assert isinstance({var}, str) and {var}.strip(), (\n"
            f'    f"{var} should be text such as \\"B\\"; got {{{var}!r}}."\n)\n'
            f'assert set({var}.upper().replace(",", "").replace(" ", "")) <= set("{valid}"), (\n'
            f'    f"{var} may only use the letters {", ".join(valid)}; got {{{var}!r}}."\n)'
        )
        if q["type"] == "single":
            public += (
                f'\nassert len({var}.strip()) == 1, "Exactly one option is right: give one letter."'
            )
        hidden = (
            f'assert set({var}.upper().replace(",", "").replace(" ", "")) == set("{right}"), '
            f"{feedback!r}"
        )
    return f"{public}\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS"


def build_notebook(
    seed: int = DEFAULT_SEED, per_chapter: int = DEFAULT_PER_CHAPTER
) -> nbformat.NotebookNode:
    """The exam as an nbgrader source notebook (solutions and hidden tests included)."""
    questions = draw(seed, per_chapter)
    total = sum(POINTS[q["type"]] for q in questions)
    chapters = sorted({q["chapter"] for q in questions})
    intro = (
        "# Final exam: Relationship Selling and CRM\n\n"
        f"{len(questions)} questions, {per_chapter} from each of the {len(chapters)} chapters, "
        f"{total} points. Single-choice questions are worth {POINTS['single']} point, "
        f"multiple-answer and numeric questions {POINTS['multiple']} points.\n\n"
        "**How to answer.** Run the first cell. Then, under each question, replace "
        '`raise NotImplementedError()` with your answer, for example `q01 = "B"`, '
        '`q02 = "AC"` or `q03 = 12`. Run the check cell under it: it tells you if your answer '
        "has the right *form* (not whether it is right). Save the notebook and submit it.\n\n"
        "You may use the course book. Work on your own.\n\n"
        f"*Paper generated from the course quiz banks with seed {seed}.*"
    )
    cells = [
        new_markdown_cell(intro, metadata=_meta("exam-intro")),
        new_code_cell(
            '# Run this cell first. The exam needs nothing but plain Python.\nprint("Ready.")',
            metadata=_meta("exam-setup"),
        ),
    ]
    for number, q in enumerate(questions, start=1):
        var = f"q{number:02d}"
        cells += [
            new_markdown_cell(_question_markdown(number, q), metadata=_meta(f"question-{var}")),
            new_code_cell(
                _answer_cell(var, q), metadata=_meta(f"answer-{var}", solution=True, locked=False)
            ),
            new_code_cell(
                _test_cell(var, q),
                metadata=_meta(f"test-{var}", grade=True, points=POINTS[q["type"]]),
            ),
        ]
    for cell in cells:  # stable cell ids (nbformat draws random ones), so the file is reproducible
        cell["id"] = cell.metadata["nbgrader"]["grade_id"]
    nb = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "relsell": {"seed": seed, "per_chapter": per_chapter, "questions": len(questions)},
        },
    )
    return nb


def render(seed: int = DEFAULT_SEED, per_chapter: int = DEFAULT_PER_CHAPTER) -> str:
    """The exam notebook as the text committed to git."""
    return nbformat.writes(build_notebook(seed, per_chapter)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a final exam drawn from the quiz banks.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-chapter", type=int, default=DEFAULT_PER_CHAPTER)
    parser.add_argument(
        "--out", type=Path, required=True, help="folder exercises/source/<name>; created if absent"
    )
    args = parser.parse_args(argv)
    try:
        text = render(args.seed, args.per_chapter)
    except ValueError as problem:
        print(f"Cannot make the exam: {problem}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"{args.out.name}.ipynb"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
