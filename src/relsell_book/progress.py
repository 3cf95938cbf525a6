"""The "Your progress" page: which chapter quizzes a reader has done, kept in the browser.

The page is generated from the course map and the quiz banks, so a new chapter with a
quiz appears on it without editing the page. Its table is filled in by
``static/js/progress.js`` from ``localStorage``; nothing is ever sent to a server, which
keeps the site static and the reader's results private.
"""

from __future__ import annotations

import html
from pathlib import Path

from relsell.content import quiz
from relsell_book import course

__all__ = ["render_page", "STORAGE_KEY"]

STORAGE_KEY = "relsell.progress.v1"  # the same key as in static/js/progress.js


def render_page(root: Path) -> str:
    """MyST source of ``book/progress.md``: one table row per published chapter with a quiz."""
    banks = set(quiz.bank_ids())
    rows = []
    for c in course.published_chapters(root):
        if c["id"] not in banks:
            continue
        total = len(quiz.load_bank(c["id"])["questions"])
        number = int(c["id"][2:])
        href = Path(c["page"]).name + ".html"
        title = html.escape(c["title"])
        rows.append(
            f'<tr data-chapter="{c["id"]}" data-total="{total}">'
            f'<th scope="row"><a href="{href}">Chapter {number} · {title}</a></th>'
            f'<td class="relsell-done">0 of {total}</td><td class="relsell-first">–</td>'
            '<td class="relsell-status">not started</td></tr>'
        )
    return "\n".join(
        [
            "% GENERATED from src/relsell/data/course.yaml and the quiz banks by"
            " `python -m relsell_book.build`.",
            "",
            "(progress)=",
            "# Your progress (学习进度)",
            "",
            "This page shows which self-check quizzes you have done **in this browser**. Each time",
            "you answer a quiz question on a chapter page, the browser notes whether you got it",
            "right the first time. The results stay on your device (in the browser's local",
            "storage): nothing is sent anywhere, and no account is needed. They are lost if you",
            "clear your browser data or switch to another browser or device.",
            "",
            '<p id="relsell-progress-summary" aria-live="polite">'
            "Open this page on the course web site to see your results.</p>",
            "",
            '<div class="relsell-table-wrap">',
            '<table id="relsell-progress" class="table">',
            "<caption>Self-check quizzes by chapter</caption>",
            '<thead><tr><th scope="col">Chapter</th><th scope="col">Questions done</th>'
            '<th scope="col">Right the first time</th><th scope="col">Status</th></tr></thead>',
            "<tbody>",
            *rows,
            "</tbody>",
            "</table>",
            "</div>",
            "",
            '<p><button type="button" id="relsell-progress-reset" class="btn btn-outline-danger"'
            " hidden>Reset my saved results</button></p>",
            "",
            "A question counts as *done* when you have chosen the right answer (for a question",
            "with several right answers: all of them). *Right the first time* counts the done",
            "questions you answered without a wrong try first. The quizzes are for self-checking;",
            "graded work is in the course exercises.",
            "",
        ]
    )
