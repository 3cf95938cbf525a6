"""The generated pages, each rendered from a Jinja2 template in ``relsell_book/templates``.

One escaping rule: every value put into a template is HTML-escaped, unless the template
marks it ``|safe``, which it does only for Markdown the course's authors wrote (glossary
definitions). ``|md`` shows plain text literally in a Markdown heading; ``|squash`` folds
the line breaks YAML keeps in long strings.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from relsell.content import glossary, quiz, roleplay
from relsell_book import course

__all__ = [
    "render",
    "roleplay_html",
    "roleplay_page",
    "roleplay_pages",
    "glossary_page",
    "progress_page",
    "md_escape",
    "RESULT_LABELS",
    "STORAGE_KEY",
    "ROLEPLAY_KEY",
    "ENDING_WORDS",
]

RESULT_LABELS = {
    "success": "Outcome: success",
    "partial": "Outcome: partly successful",
    "failure": "Outcome: failure",
}
ROLEPLAY_PAGES = "book/_generated/roleplays/"
STORAGE_KEY = "relsell.progress.v1"  # the same key as in static/js/progress.js
ROLEPLAY_KEY = "relsell.roleplays.v1"  # the same key as in static/js/progress.js
# How the progress page names the best ending a reader reached (the same words in progress.js).
ENDING_WORDS = {"success": "best", "partial": "partial", "failure": "poor"}


def md_escape(text: str) -> Markup:
    """Backslash-escape every ASCII punctuation mark, so MyST shows the text literally."""
    folded = " ".join(str(text).split())
    return Markup("".join("\\" + c if c in string.punctuation else str(escape(c)) for c in folded))


def _squash(text: object) -> str:
    return " ".join(str(text).split())


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("relsell_book", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["squash"] = _squash
    return env


def render(template: str, **context) -> str:
    return _environment().get_template(template).render(**context)


def roleplay_html(data: dict) -> str:
    """The whole role-play as static HTML: nested details/summary, every text escaped."""
    return render(
        "roleplay.html.j2",
        data=data,
        labels=RESULT_LABELS,
        letters=string.ascii_uppercase,
        ending_count=len(roleplay.endings(data)),
    )


def roleplay_page(roleplay_id: str, heading_level: int = 4) -> str:
    """MyST source of ``book/_generated/roleplays/<id>.md``, included by the chapter page."""
    data = roleplay.load_roleplay(roleplay_id)
    return render(
        "roleplay.md.j2",
        data=data,
        source=f"{roleplay.SOURCE}{roleplay_id}.yaml",
        heading_level=heading_level,
        endings=len(roleplay.paths(data)),
        html=Markup(roleplay_html(data).rstrip("\n")),
    )


def roleplay_pages() -> dict[str, Callable[[], str]]:
    """Every role-play's generated file (relative to the repository root) and its writer."""
    return {
        f"{ROLEPLAY_PAGES}{rid}.md": partial(roleplay_page, rid) for rid in roleplay.roleplay_ids()
    }


def glossary_page() -> str:
    """MyST source of ``book/glossary.md``."""
    return render("glossary.md.j2", terms=glossary.load_glossary(), source=glossary.SOURCE)


def progress_page(root: Path) -> str:
    """MyST source of ``book/progress.md``: a row per chapter with a quiz, and per role-play.

    Both tables are filled in by ``static/js/progress.js`` from the browser's localStorage.
    """
    banks = set(quiz.bank_ids())
    chapters = course.published_chapters(root)
    rows = [
        {
            "id": c["id"],
            "total": len(quiz.load_bank(c["id"])["questions"]),
            "number": int(c["id"][2:]),
            "href": Path(c["page"]).name + ".html",
            "title": c["title"],
        }
        for c in chapters
        if c["id"] in banks
    ]
    published = {c["id"]: c for c in chapters}
    plays = []
    for rid in roleplay.roleplay_ids():
        data = roleplay.load_roleplay(rid)
        chapter = published.get(data["chapter"])
        if chapter is None:
            continue
        plays.append(
            {
                "id": rid,
                "title": data["title"],
                "number": int(data["chapter"][2:]),
                "href": f"{Path(chapter['page']).name}.html#{rid}-roleplay",
                "endings": len(roleplay.endings(data)),
            }
        )
    plays.sort(key=lambda play: play["number"])
    return render("progress.md.j2", rows=rows, plays=plays, words=ENDING_WORDS)
