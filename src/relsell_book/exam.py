"""The final course exam: a seeded draw from the graded item bank, as an nbgrader notebook.

Why from the graded bank and not the self-check quizzes: the quiz banks are public, so a
grade built on them would certify memory of a web page. The instructor-only bank
(``relsell_book.item_bank``) holds case vignettes that ask for judgement and computed items
whose numbers change with the seed. The draw is balanced: the same number of items from each
chapter and, within a chapter, one item per learning objective before any objective gets a
second (with a computed item first where the chapter has one). One seed per term gives a
reproducible paper; a new seed gives a different one:

    python -m relsell_book.exam --seed 2027 --per-chapter 4 --out exercises/source/final-exam-2027

Students answer with letters ("B", or "AC" when several options are right) or a number.
Each answer cell is an nbgrader solution region; the public test only checks the form of
the answer, and a hidden test (removed from the student version) checks it and gives the
item's feedback. Each graded cell names its item and objective in its ``relsell`` metadata,
which the item report reads.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from relsell.checks import ModelInputError, whole_number
from relsell_book import item_bank

__all__ = ["draw", "build_notebook", "answer_key", "DEFAULT_SEED", "DEFAULT_PER_CHAPTER", "NAME"]

NAME = "final-exam"
DEFAULT_SEED = 2026
DEFAULT_PER_CHAPTER = 4
LETTERS = item_bank.LETTERS
POINTS = {"single": 1, "multiple": 2, "numeric": 2}


def _pick(items: list[dict[str, Any]], count: int, rng: random.Random) -> list[dict[str, Any]]:
    """``count`` items spread over the objectives: a computed one first, then round-robin."""
    pool = list(items)
    rng.shuffle(pool)
    picked = []
    computed = [i for i in pool if i["type"] == "computed"]
    if computed and count >= 3:
        picked.append(computed[0])
        pool.remove(computed[0])
    by_objective: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in pool:
        by_objective[item["objective"]].append(item)
    covered = {i["objective"] for i in picked}
    order = sorted(by_objective, key=lambda o: (o in covered, rng.random()))
    while len(picked) < count:
        for objective in order:
            if by_objective[objective] and len(picked) < count:
                picked.append(by_objective[objective].pop())
    return picked


def draw(
    seed: int = DEFAULT_SEED,
    per_chapter: int = DEFAULT_PER_CHAPTER,
    chapters: list[str] | None = None,
    root: Path | None = None,
) -> list[dict[str, Any]]:
    """``per_chapter`` items from each chapter's graded bank, in course order, reproducibly.

    Computed items come with the numbers of this seed. Uses its own ``random.Random(seed)``,
    never the global generator.
    """
    per_chapter = whole_number("questions per chapter", per_chapter, minimum=1)
    chapters = item_bank.chapters(root) if chapters is None else chapters
    if not chapters:
        raise ModelInputError("There are no graded items to draw an exam from.")
    rng = random.Random(seed)
    drawn = []
    for chapter in chapters:
        items = item_bank.load(chapter, root)
        if per_chapter > len(items):
            raise ModelInputError(
                f"{chapter} has {len(items)} graded items; cannot draw {per_chapter} from it. "
                "Ask for fewer questions per chapter."
            )
        order = {item["id"]: n for n, item in enumerate(items)}
        picked = sorted(_pick(items, per_chapter, rng), key=lambda i: order[i["id"]])
        drawn += [item_bank.concrete(item, seed) for item in picked]
    return drawn


def answer_key(question: dict[str, Any]) -> str | float:
    """The right answer as a student writes it: letters for choices, a number for numeric."""
    return item_bank.answer_key(question)


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
    head = f"**Question {number}** (chapter {chapter}, {points} point{'s' * (points > 1)})"
    vignette = " ".join(q["vignette"].split())
    text = " ".join(q["question"].split())
    if q["type"] == "numeric":
        how = f"Answer with {' '.join(q['answer_format'].split())} (a number, no units)."
        return f"{head}\n\n{vignette}\n\n{text}\n\n*{how}*"
    how = (
        'Exactly one option is right: answer with its letter, e.g. `"B"`.'
        if q["type"] == "single"
        else 'Two or more options are right: answer with all their letters, e.g. `"AC"`.'
    )
    options = "\n".join(
        f"- **{LETTERS[i]}.** {' '.join(a['text'].split())}" for i, a in enumerate(q["answers"])
    )
    return f"{head}\n\n{vignette}\n\n{text}\n\n{options}\n\n*{how}*"


def _answer_cell(var: str, q: dict[str, Any]) -> str:
    key = answer_key(q)
    value = repr(key)
    return f"### BEGIN SOLUTION\n{var} = {value}\n### END SOLUTION\n{var}"


def _test_cell(var: str, q: dict[str, Any]) -> str:
    if q["type"] == "numeric":
        feedback = " ".join(q["feedback"].split())
        public = (
            f'assert "{var}" in globals(), "Store your answer in {var}."\n'
            f"assert isinstance({var}, (int, float)) and not isinstance({var}, bool), (\n"
            f'    f"{var} should be a number such as 12 or 0.5; got {{{var}!r}}."\n)'
        )
        hidden = f"assert abs({var} - {q['answer']!r}) <= {q['tolerance']!r}, {feedback!r}"
    else:
        valid = LETTERS[: len(q["answers"])]
        right = answer_key(q)
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
        # the feedback of every option the student got wrong: chosen but wrong, or right but missed
        why = {LETTERS[i]: " ".join(a["feedback"].split()) for i, a in enumerate(q["answers"])}
        hidden = (
            f"_why = {why!r}\n"
            f'_given = set({var}.upper().replace(",", "").replace(" ", ""))\n'
            f'_off = sorted(_given ^ set("{right}"))\n'
            f'assert not _off, " ".join(f"{{letter}}: {{_why[letter]}}" for letter in _off)'
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
        f"multiple-answer and numeric questions {POINTS['multiple']} points. Most questions "
        "describe a selling situation and ask what to do, or what is going on, and why.\n\n"
        "**How to answer.** Run the first cell. Then, under each question, replace "
        '`raise NotImplementedError()` with your answer, for example `q01 = "B"`, '
        '`q02 = "AC"` or `q03 = 12`. Run the check cell under it: it tells you if your answer '
        "has the right *form* (not whether it is right). Save the notebook and submit it.\n\n"
        "You may use the course book. Work on your own.\n\n"
        f"*Paper {seed}, drawn from the course's graded item bank.*"
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
                metadata={
                    **_meta(f"test-{var}", grade=True, points=POINTS[q["type"]]),
                    "relsell": {"item": q["id"], "objective": q["objective"]},
                },
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
    parser = argparse.ArgumentParser(
        description="Write a final exam drawn from the graded item bank."
    )
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
