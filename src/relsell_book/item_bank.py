"""The graded item bank: instructor-only judgement and computed items, one file per chapter.

Why apart from the self-check quizzes: the quiz banks are public (their keys are in every
page's source), so a grade built on them certifies that a student can read a web page. The
graded items live under ``instructor/item_bank/`` (``judgement/chNN.yaml`` for case vignettes
that ask what to do and why, ``computed/chNN.yaml`` for questions whose numbers change with a
seed), are never built into the site nor copied into the student edition, and each names the
learning objective of ``course.yaml`` it measures. ``relsell_book.exam`` draws papers from it
and ``relsell_book.item_report`` reports on it.
"""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import yaml

from relsell_book import course

__all__ = [
    "BANK",
    "KINDS",
    "MIN_ITEMS",
    "ItemBankError",
    "chapters",
    "load",
    "check",
    "concrete",
]

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "instructor" / "item_bank"
KINDS = ("judgement", "computed")
MIN_ITEMS = 8
LETTERS = string.ascii_uppercase


class ItemBankError(ValueError):
    """A graded item file is missing, malformed or inconsistent; the message says where."""


def _bank(root: Path | None) -> Path:
    bank = BANK if root is None else root / "instructor" / "item_bank"
    if not bank.is_dir():
        raise ItemBankError(
            f"There is no graded item bank at {bank}. It lives in the authoring repository "
            "(instructor/item_bank/), not in the student edition."
        )
    return bank


def chapters(root: Path | None = None) -> list[str]:
    """Chapters with graded items, in course order."""
    bank = _bank(root)
    present = {p.stem for kind in KINDS for p in (bank / kind).glob("ch*.yaml")}
    return [c["id"] for c in course.chapters() if c["id"] in present]


def _files(chapter: str, bank: Path) -> list[tuple[str, dict[str, Any]]]:
    """(kind, parsed file) for each of the chapter's item files, read once."""
    found = []
    for kind in KINDS:
        path = bank / kind / f"{chapter}.yaml"
        if not path.exists():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as problem:
            raise ItemBankError(f"{kind}/{chapter}.yaml is not valid YAML: {problem}") from None
        if not isinstance(data, dict) or data.get("chapter") != chapter:
            raise ItemBankError(f"{kind}/{chapter}.yaml must say `chapter: {chapter}`.")
        found.append((kind, data))
    return found


def _items(chapter: str, files: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    return [
        {**item, "chapter": chapter, "kind": kind}
        for kind, data in files
        for item in data.get("items") or []
    ]


def load(chapter: str, root: Path | None = None) -> list[dict[str, Any]]:
    """Every graded item of one chapter (judgement first), each with ``chapter`` and ``kind``."""
    bank = _bank(root)
    items = _items(chapter, _files(chapter, bank))
    if not items:
        raise ItemBankError(f"No graded items for {chapter!r} under {bank}.")
    return items


def check(root: Path | None = None) -> dict[str, int]:
    """Validate the whole bank; return the number of items per chapter.

    Beyond the schema: ids are unique, every objective exists and belongs to the item's
    chapter, every computed item's generator exists and fills its text, and every chapter of
    the course has at least ``MIN_ITEMS`` items.
    """
    import jsonschema

    from relsell_book import item_variants

    bank = _bank(root)
    schema = json.loads((bank / "item_bank.schema.json").read_text(encoding="utf-8"))
    objectives = course.all_objectives()
    counts: dict[str, int] = {}
    seen: set[str] = set()
    for chapter in (c["id"] for c in course.chapters()):
        files = _files(chapter, bank)
        for kind, data in files:
            try:
                jsonschema.validate(data, schema)
            except jsonschema.ValidationError as problem:
                where = "/".join(str(p) for p in problem.absolute_path)
                raise ItemBankError(
                    f"{kind}/{chapter}.yaml at {where or 'top'}: {problem.message}"
                ) from None
        items = _items(chapter, files)
        for item in items:
            where = f"{item['kind']}/{chapter}.yaml, item {item['id']}"
            if item["id"] in seen:
                raise ItemBankError(f"{where}: the id is used twice.")
            seen.add(item["id"])
            if not item["id"].startswith(chapter):
                raise ItemBankError(f"{where}: the id must start with {chapter}.")
            if item["objective"] not in objectives or not item["objective"].startswith(chapter):
                raise ItemBankError(
                    f"{where}: objective {item['objective']!r} is not one of {chapter}'s "
                    "learning objectives in course.yaml."
                )
            if item["type"] == "computed":
                if item["generator"] not in item_variants.GENERATORS:
                    raise ItemBankError(f"{where}: no generator {item['generator']!r}.")
                concrete(item, seed=0)  # fills every placeholder or raises
            elif sum(a["correct"] for a in item["answers"]) != 1 and item["type"] == "single":
                raise ItemBankError(
                    f"{where}: a single-choice item needs exactly one right option."
                )
            elif sum(a["correct"] for a in item["answers"]) < 2 and item["type"] == "multiple":
                raise ItemBankError(
                    f"{where}: a multiple-answer item needs two or more right options."
                )
        counts[chapter] = len(items)
        if len(items) < MIN_ITEMS:
            raise ItemBankError(
                f"{chapter} has {len(items)} graded items; the bank needs at least {MIN_ITEMS}."
            )
    return counts


def concrete(item: dict[str, Any], seed: int | str) -> dict[str, Any]:
    """The item as it appears on one paper: a computed item gets its seeded numbers and answer.

    Returns ``type`` single, multiple or numeric; a numeric item has ``answer`` and
    ``tolerance``; a choice item keeps its ``answers`` with their feedback.
    """
    if item["type"] != "computed":
        return dict(item)
    from relsell_book import item_variants

    chosen = item_variants.variant(item, seed)
    try:
        vignette = item["vignette"].format(**chosen.values)
        question = item["question"].format(**chosen.values)
    except (KeyError, IndexError, ValueError) as problem:
        raise ItemBankError(
            f"computed/{item.get('chapter', '?')}.yaml, item {item['id']}: its text has a "
            f"placeholder the generator does not fill ({problem})."
        ) from None
    return {
        **item,
        "type": "numeric",
        "vignette": vignette,
        "question": question,
        "answer": chosen.answer,
        "tolerance": chosen.tolerance,
        "values": dict(chosen.values),
    }


def answer_key(item: dict[str, Any]) -> str | float:
    """The right answer as a student writes it: letters for choices, the number otherwise."""
    if item["type"] == "numeric":
        return item["answer"]
    return "".join(LETTERS[i] for i, a in enumerate(item["answers"]) if a["correct"])
