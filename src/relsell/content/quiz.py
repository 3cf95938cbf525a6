"""Self-check quizzes: one YAML bank per chapter, rendered by jupyterquiz.

The same call, ``relsell.content.quiz.show("ch01")``, runs in the chapter page (so the quiz is
baked into the static site, answerable with no kernel) and in the chapter notebook
(live). Every option carries feedback that explains *why*; the schema refuses a bank
without it. All text is HTML-escaped before it reaches the browser, so a question about
``<script>`` shows the tag instead of running it.
"""

from __future__ import annotations

import html
import random
from typing import Any

from .datafiles import DataFileError, list_files, read_yaml, validate

__all__ = [
    "bank_ids",
    "load_bank",
    "check_bank",
    "to_jupyterquiz",
    "show",
    "MIN_QUESTIONS",
    "MIN_NUMERIC",
]

MIN_QUESTIONS = 10
MIN_NUMERIC = 2
# Darker than jupyterquiz's defaults so feedback text meets WCAG AA contrast (4.5:1).
COLORS = {
    "--jq-correct-color": "#006b0f",
    "--jq-incorrect-color": "#a30000",
    "--jq-many-choice-bg": "#8a3a00",
    "--jq-numeric-bg": "#392061",
    "--jq-numeric-input-bg": "#ffffff",
}


def bank_ids() -> list[str]:
    """Chapters that have a quiz bank, e.g. ``['ch01']``."""
    return list_files("quiz")


def load_bank(chapter: str) -> dict[str, Any]:
    """Read ``relsell/data/quiz/<chapter>.yaml``, with the checks that need no schema library.

    The schema check (``check_bank``) runs in the build and the tests; a student's kernel
    does not need jsonschema to show a quiz.
    """
    if not isinstance(chapter, str):
        raise TypeError(f"chapter must be text such as 'ch01'; got {chapter!r}.")
    if chapter not in bank_ids():
        raise ValueError(f"No quiz for {chapter!r}. Quizzes exist for: {', '.join(bank_ids())}.")
    where = f"relsell/data/quiz/{chapter}.yaml"
    bank = read_yaml(f"quiz/{chapter}.yaml")
    _check_consistency(bank, where)
    if bank["chapter"] != chapter:
        raise DataFileError(f"{where} says chapter {bank['chapter']!r}; expected {chapter!r}.")
    return bank


def check_bank(bank: Any, where: str = "quiz bank") -> None:
    """Raise DataFileError unless ``bank`` is a complete, consistent quiz bank.

    Beyond the schema: question ids are unique, numeric ranges are ordered, and the bank
    has at least MIN_NUMERIC numeric questions.
    """
    validate(bank, "quiz", where)
    _check_consistency(bank, where)


def _check_consistency(bank: Any, where: str) -> None:
    if not isinstance(bank, dict) or not isinstance(bank.get("questions"), list):
        raise DataFileError(f"{where}: expected a mapping with a list of questions.")
    ids = [q["id"] for q in bank["questions"]]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise DataFileError(f"{where}: question ids used twice: {', '.join(duplicates)}.")
    for q in bank["questions"]:
        for a in q["answers"]:
            if "range" in a and not a["range"][0] < a["range"][1]:
                raise DataFileError(f"{where}: question {q['id']} has an empty range {a['range']}.")
    numeric = sum(q["type"] == "numeric" for q in bank["questions"])
    if numeric < MIN_NUMERIC:
        raise DataFileError(f"{where}: {numeric} numeric question(s); at least {MIN_NUMERIC}.")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _convert(q: dict[str, Any]) -> dict[str, Any]:
    if q["type"] == "numeric":
        answers = [
            {
                "type": "range",
                "range": list(a["range"]),
                "correct": a["correct"],
                "feedback": _esc(a["feedback"]),
            }
            for a in q["answers"]
        ]
        answers.append({"type": "default", "feedback": _esc(q["default_feedback"])})
        return {"question": _esc(q["question"]), "type": "numeric", "answers": answers}
    return {
        "question": _esc(q["question"]),
        "type": "multiple_choice" if q["type"] == "single" else "many_choice",
        "answers": [
            {"answer": _esc(a["text"]), "correct": a["correct"], "feedback": _esc(a["feedback"])}
            for a in q["answers"]
        ],
    }


def to_jupyterquiz(bank: dict[str, Any]) -> list[dict[str, Any]]:
    """The bank as jupyterquiz's list of question dicts, every string HTML-escaped."""
    return [_convert(q) for q in bank["questions"]]


def show(chapter: str, *, seed: int = 2024) -> None:
    """Display the chapter's quiz (page or notebook).

    jupyterquiz draws the container id from the global ``random``; it is seeded here so the
    built page is identical from build to build, and the student's own generator is put back
    as it was afterwards (a quiz must not change what ``random.random()`` gives next).
    """
    from IPython.display import HTML, display
    from jupyterquiz import display_quiz

    bank = load_bank(chapter)
    count = len(bank["questions"])
    ids = ",".join(q["id"] for q in bank["questions"])
    # data-* attributes let static/js/progress.js keep the reader's results in the browser.
    display(
        HTML(
            f'<p class="relsell-quiz-intro" data-chapter="{_esc(chapter)}" data-ids="{_esc(ids)}">'
            f"{_esc(bank['title'])}: {count} questions. Choose an answer to see why it is right "
            "or wrong; for a number, type it and press Enter. On the course web site your "
            "results are kept in this browser only (see <em>Your progress</em>); nothing is "
            "sent anywhere.</p>"
        )
    )
    state = random.getstate()
    random.seed(seed)
    try:
        display_quiz(to_jupyterquiz(bank), shuffle_answers=False, colors=COLORS)
    finally:
        random.setstate(state)
