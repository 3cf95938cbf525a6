"""The course map: which parts and chapters exist, read from ``relsell/data/course.yaml``.

The table of contents and the home page's course map are generated from it, and a
chapter counts as published only when its page exists, so the site never shows a
placeholder chapter and a new chapter appears everywhere by adding its files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from relsell.content.datafiles import read_yaml, validate

__all__ = ["load_course", "published_chapters", "render_toc", "render_course_map"]


# The Reference part, in order: ethics and the law, notes on the sources, glossary, instructors.
REFERENCE_PAGES = ("book/ethics", "book/source_notes", "book/glossary", "book/instructor_guide")


def load_course() -> dict[str, Any]:
    data = read_yaml("course.yaml")
    validate(data, "course", "src/relsell/data/course.yaml")
    return data


def _exists(root: Path, page: str) -> bool:
    return (root / f"{page}.md").exists() or (root / f"{page}.ipynb").exists()


def published_chapters(root: Path) -> list[dict[str, Any]]:
    """Chapters whose page exists below ``root``, in course order."""
    return [c for p in load_course()["parts"] for c in p["chapters"] if _exists(root, c["page"])]


def render_toc(root: Path) -> str:
    """``_toc.yml``: the parts that have at least one published chapter."""
    lines = [
        "# GENERATED from src/relsell/data/course.yaml by `python -m relsell_book.build`.",
        "# Only chapters whose page exists are listed, so there are no placeholder pages.",
        "format: jb-book",
        "root: book/intro",
        "parts:",
        "  - caption: Start here",
        "    chapters:",
        "      - file: book/how_to_use",
        "      - file: book/progress",
    ]
    for number, part in enumerate(load_course()["parts"], start=1):
        chapters = [c for c in part["chapters"] if _exists(root, c["page"])]
        if not chapters:
            continue
        lines += [
            f'  - caption: "Part {"I II III IV V VI".split()[number - 1]} · {part["title"]}"',
            "    chapters:",
        ]
        for c in chapters:
            lines.append(f"      - file: {c['page']}")
            if _exists(root, c["notebook"]):
                lines += ["        sections:", f"          - file: {c['notebook']}"]
    lines += ["  - caption: Reference", "    chapters:"]
    lines += [f"      - file: {page}" for page in REFERENCE_PAGES if _exists(root, page)]
    return "\n".join(lines) + "\n"


def render_course_map(root: Path) -> str:
    """The course map table included by the home page: part, chapter (a link), Chinese title.

    A chapter whose page does not exist yet is listed without a link.
    """
    lines = [
        "% GENERATED from src/relsell/data/course.yaml by `python -m relsell_book.build`.",
        "",
        "| Part | Chapter | Chinese title |",
        "| --- | --- | --- |",
    ]
    numerals = "I II III IV V VI".split()
    for number, part in enumerate(load_course()["parts"]):
        for index, c in enumerate(part["chapters"]):
            n = int(c["id"][2:])
            if _exists(root, c["page"]):
                chapter = f"{{ref}}`Chapter {n} · {c['title']} <{c['id']}>`"
            else:
                chapter = f"Chapter {n} · {c['title']} (in a later release)"
            part_cell = f"{numerals[number]} · {part['title']} ({part['zh']})" if index == 0 else ""
            lines.append(f"| {part_cell} | {chapter} | {c['zh']} |")
    return "\n".join(lines) + "\n"


def objectives(chapter: str) -> list[dict[str, str]]:
    """One chapter's learning objectives (``id``, ``kind``, ``text``), as course.yaml lists them.

    The ids (``ch04-a2``) are what graded items, exam questions and the item report name.
    """
    for part in load_course()["parts"]:
        for c in part["chapters"]:
            if c["id"] == chapter:
                return list(c["objectives"])
    raise KeyError(f"No chapter {chapter!r} in course.yaml")


def all_objectives() -> dict[str, dict[str, str]]:
    """Every learning objective of the course by id, in course order."""
    return {o["id"]: o for c in chapters() for o in c["objectives"]}


def chapters() -> list[dict[str, Any]]:
    """Every chapter of course.yaml, in course order."""
    return [c for part in load_course()["parts"] for c in part["chapters"]]


def render_objectives(chapter: str) -> str:
    """The *Learning objectives* list a chapter page includes, from course.yaml."""
    lines = ["% GENERATED from src/relsell/data/course.yaml by `python -m relsell_book.build`.", ""]
    for kind, heading in (("knowledge", "Knowledge"), ("ability", "Ability")):
        items = [o for o in objectives(chapter) if o["kind"] == kind]
        if items:
            lines += [f"**{heading}**", ""]
            lines += [f"- {' '.join(o['text'].split())}" for o in items]
            lines.append("")
    return "\n".join(lines)
