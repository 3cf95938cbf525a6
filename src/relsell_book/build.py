"""Regenerate every generated book file from the package's data: ``python -m relsell_book.build``.

``--check`` writes nothing and exits 1 if a committed file differs from what the data
produces (CI runs it), so a page can never silently disagree with its data file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from relsell.content import cases, quiz
from relsell_book import course, exam, instructor, item_bank, observer, pages


def generated(root: Path) -> dict[str, Callable[[], str]]:
    """Every generated file (relative to the repository root) and the function that writes it."""
    return {
        "book/glossary.md": pages.glossary_page,
        "_toc.yml": lambda: course.render_toc(root),
        "book/_generated/course_map.md": lambda: course.render_course_map(root),
        "book/progress.md": lambda: pages.progress_page(root),
        **(
            {f"exercises/source/{exam.NAME}/{exam.NAME}.ipynb": exam.render}
            if (root / "instructor" / "item_bank").is_dir()  # absent from the student edition
            else {}
        ),
        "book/_generated/instructor_materials.md": lambda: instructor.render_materials(root),
        "book/_generated/instructor_schedules.md": lambda: instructor.render_schedules(root),
        "book/_generated/instructor_hub_links.md": lambda: instructor.render_hub_links(root),
        "src/relsell/models/_facts.py": cases.render_facts_module,
        **pages.roleplay_pages(),
        **(observer.sheets() if (root / "instructor").is_dir() else {}),
        **{
            f"book/_generated/objectives/{c['id']}.md": partial(course.render_objectives, c["id"])
            for c in course.chapters()
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    for case_id in cases.case_ids():  # a broken case file stops the build with its message
        cases.check_case(case_id)
    for chapter in quiz.bank_ids():  # the schema check students' kernels skip
        quiz.check_bank(quiz.load_bank(chapter), f"relsell/data/quiz/{chapter}.yaml")
    if (args.root / "instructor" / "item_bank").is_dir():
        item_bank.check(args.root)
    stale = []
    for relative, render in generated(args.root).items():
        path = args.root / relative
        text = render()
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(relative)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {relative}")
    if stale:
        print(
            "Out of date (run `python -m relsell_book.build`): " + ", ".join(stale), file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
