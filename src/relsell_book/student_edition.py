"""The student edition: the course without anything an instructor grades with.

Why: the authoring repository holds model answers, hidden tests, rubrics, answer keys and
the graded item bank. Binder, Colab, nbgitpuller and the site's repository button must open
something a student may see, so they point at the student edition (the repository set in
``_config.yml``), which this module writes:

    python -m relsell_book.student_edition --out ../relsell-student

It copies every tracked file except the instructor's (``EXCLUDED``), puts the student version
of each exercise (made by ``nbgrader generate_assignment``, as a release would) in
``exercises/<name>/``, writes a student README, and then checks the result with ``leaks``:
it refuses to finish if any solution region, hidden test, rubric, answer-key line or graded
item is found. The workflow ``.github/workflows/student-edition.yml`` runs it on every push
to main and pushes the result to the student repository.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from relsell_book import exam

__all__ = ["EXCLUDED", "MARKERS", "build", "leaks", "main"]

ROOT = Path(__file__).resolve().parents[2]
# Paths (prefixes) that never reach students: graded material, and tooling that needs it.
EXCLUDED = (
    "instructor/",
    "exercises/source/",
    "exercises/nbgrader_config.py",
    "exercises/INSTRUCTOR.md",
    "nbgrader_config.py",
    "tests/",
    ".ci/",
    "scripts/test.sh",
    ".pre-commit-config.yaml",
    ".github/workflows/student-edition.yml",
    "CONTRIBUTING.md",
    "README.md",
)
# Assignments not released to students with the edition (the exam is released on exam day).
HELD_BACK = (exam.NAME,)
# Text that marks graded material (nbgrader regions, model answers, rubrics).
MARKERS = (
    "BEGIN SOLUTION",
    "END SOLUTION",
    "BEGIN HIDDEN TESTS",
    "END HIDDEN TESTS",
    "=== MODEL ANSWER",
    "=== RUBRIC",
    "MARK SCHEME",
    "(instructor only)",
)
MARKER = ".relsell-student-edition"
README = """# Relationship Selling and CRM: student edition

This is the **student edition** of an open course (关系推销与客户关系管理): the book's pages,
the chapter notebooks, the exercises you hand in and the data. It is generated from the
course's authoring repository; please send corrections there (see the book's *About* page).

- Read the book on the course web site, or build it: `bash scripts/build.sh` (Debian or Ubuntu,
  Python 3.11 or newer), then open `_build/html/index.html`.
- Open a chapter notebook (`notebooks/`) in Binder, Colab or a local Jupyter:
  `pip install -r requirements.txt`, then `jupyter lab`.
- The exercises are in `exercises/<name>/<name>.ipynb`. Your instructor says which ones to do
  and how to hand them in. Each has check cells that tell you whether an answer has the right
  form; your instructor grades it with further checks and a rubric.
"""


def tracked_files(root: Path) -> list[str]:
    """The files git tracks in ``root`` (so no virtual environment, build or student data)."""
    done = subprocess.run(
        ["git", "ls-files", "-z"], cwd=root, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{root} is not a git repository: {done.stderr.strip()}")
    return [f for f in done.stdout.split("\0") if f]


def excluded(path: str) -> bool:
    return any(path == e or path.startswith(e) for e in EXCLUDED)


def _student_versions(root: Path, out: Path) -> list[str]:
    """nbgrader's student version of every exercise (but the held-back ones) into out/exercises."""
    names = sorted(
        p.name
        for p in (root / "exercises" / "source").iterdir()
        if p.is_dir() and p.name not in HELD_BACK and (p / f"{p.name}.ipynb").exists()
    )
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp) / "exercises"
        shutil.copytree(
            root / "exercises",
            course,
            ignore=shutil.ignore_patterns("release", "submitted", "autograded", "feedback", "*.db"),
        )
        for name in names:
            done = subprocess.run(
                [sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force"],
                cwd=course,
                capture_output=True,
                text=True,
                check=False,
                # nbgrader runs the `alembic` command of its own environment for the gradebook
                env={
                    **os.environ,
                    "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
                },
            )
            if done.returncode != 0:
                raise RuntimeError(
                    f"nbgrader could not make the student version of {name}:\n{done.stderr[-2000:]}"
                )
            shutil.copytree(course / "release" / name, out / "exercises" / name)
    return names


def graded_texts(root: Path) -> list[str]:
    """Sentences of graded material that must not appear in the edition (item bank, answer keys)."""
    texts = []
    for path in sorted((root / "instructor" / "item_bank").glob("*/ch*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            if item["type"] != "computed":
                texts.append(" ".join(item["vignette"].split())[:80])
                texts += [
                    " ".join(a["feedback"].split())[:80] for a in item["answers"] if a["correct"]
                ]
    for path in sorted((root / "instructor" / "answer_keys").glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.split())
            if len(line) >= 60 and not line.startswith(("#", "|", ">", "-", "*")):
                texts.append(line[:80])
    # a line of an answer key that the book itself teaches (a list the page gives) is no secret
    public = " ".join(
        " ".join(p.read_text(encoding="utf-8").split())
        for folder in ("book", "src/relsell/data")
        for p in (root / folder).rglob("*")
        if p.suffix in (".md", ".yaml")
    )
    return [t for t in texts if t not in public]


def leaks(out: Path, root: Path = ROOT) -> list[str]:
    """Every piece of graded material found in the edition at ``out`` (empty when clean)."""
    found = [
        f"{p.relative_to(out)}: graded folder" for e in EXCLUDED[:2] for p in out.glob(e + "*")
    ]
    needles = graded_texts(root)
    folded = [re.sub(r"\s+", " ", n) for n in needles]
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # images and other binary files
        relative = path.relative_to(out).as_posix()
        # the tools that write nbgrader notebooks name the markers in their code; that is no leak
        tool = relative.startswith("src/relsell_book/") and path.suffix == ".py"
        for marker in () if tool else MARKERS:
            if marker.lower() in text.lower():
                found.append(f"{relative}: {marker!r}")
        flat = re.sub(r"\s+", " ", text)
        found += [f"{path.relative_to(out)}: graded text {n[:40]!r}…" for n in folded if n in flat]
    return found


def build(out: Path, root: Path = ROOT) -> list[str]:
    """Write the student edition into ``out`` (empty, or an earlier edition); return exercises."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise RuntimeError(
            f"{out} is not empty and is not an earlier student edition; choose an empty folder."
        )
    if out.exists():
        for child in out.iterdir():
            if child.name == ".git":  # keep the edition's own history when rebuilding in place
                continue
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(
        "Generated by `python -m relsell_book.student_edition`; do not edit here.\n",
        encoding="utf-8",
    )
    for relative in tracked_files(root):
        if excluded(relative):
            continue
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / relative, target)
    names = _student_versions(root, out)
    (out / "README.md").write_text(README, encoding="utf-8")
    found = leaks(out, root)
    if found:
        raise RuntimeError("Graded material in the student edition:\n" + "\n".join(found))
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the student edition of the course.")
    parser.add_argument(
        "--out", type=Path, required=True, help="an empty folder (or an old edition)"
    )
    args = parser.parse_args(argv)
    try:
        names = build(args.out.resolve())
    except RuntimeError as problem:
        print(f"Cannot write the student edition: {problem}", file=sys.stderr)
        return 2
    print(f"wrote the student edition to {args.out} with exercises: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
