"""The graded item bank: complete, consistent, and apart from the public quizzes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from relsell.content import quiz
from relsell_book import course, item_bank

REPO = Path(__file__).resolve().parents[2]


def test_every_chapter_has_enough_items_with_real_objectives():
    counts = item_bank.check()
    assert set(counts) == {c["id"] for c in course.chapters()}
    assert all(n >= item_bank.MIN_ITEMS for n in counts.values()), counts


def test_every_ability_objective_is_measured():
    measured = {i["objective"] for c in item_bank.chapters() for i in item_bank.load(c)}
    missing = [
        o
        for o, d in course.all_objectives().items()
        if d["kind"] == "ability" and o not in measured
    ]
    assert not missing, f"ability objectives no graded item measures: {missing}"


def test_most_items_are_case_vignettes_that_ask_for_judgement():
    for chapter in item_bank.chapters():
        items = item_bank.load(chapter)
        judgement = [i for i in items if i["kind"] == "judgement"]
        assert len(judgement) > len(items) / 2, chapter
        assert all(len(i["vignette"].split()) >= 20 for i in judgement), chapter


def test_no_item_repeats_a_self_check_question():
    public = {
        " ".join(q["question"].split()).lower()
        for c in quiz.bank_ids()
        for q in quiz.load_bank(c)["questions"]
    }
    for chapter in item_bank.chapters():
        for item in item_bank.load(chapter):
            assert " ".join(item["question"].split()).lower() not in public, item["id"]


def test_right_answers_are_not_always_in_the_same_place():
    for chapter in item_bank.chapters():
        positions = {
            next(n for n, a in enumerate(i["answers"]) if a["correct"])
            for i in item_bank.load(chapter)
            if i["type"] == "single"
        }
        assert len(positions) >= 3, chapter


def _bank_copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "instructor" / "item_bank", tmp_path / "instructor" / "item_bank")
    return tmp_path


def _edit(root: Path, chapter: str, change) -> None:
    path = root / "instructor" / "item_bank" / "judgement" / f"{chapter}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["items"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    "change, words",
    [
        (
            lambda items: items[0].update(objective="ch01-a99"),
            "not one of ch01's learning objectives",
        ),
        (lambda items: items[1].update(id=items[0]["id"]), "used twice"),
        (lambda items: items[0]["answers"][0].update(feedback="ok"), "feedback"),
        (
            lambda items: (
                [a.update(correct=True) for a in items[0]["answers"]]
                if items[0]["type"] == "single"
                else items[0].update(type="single")
                or [a.update(correct=True) for a in items[0]["answers"]]
            ),
            "exactly one right option",
        ),
        (lambda items: items.clear() or items.append({"id": "ch01-j01"}), "ch01.yaml"),
    ],
)
def test_a_broken_item_is_named_with_its_file(tmp_path, change, words):
    root = _bank_copy(tmp_path)
    _edit(root, "ch01", change)
    with pytest.raises(item_bank.ItemBankError, match=words):
        item_bank.check(root)


def test_a_missing_bank_says_where_it_lives(tmp_path):
    with pytest.raises(item_bank.ItemBankError, match="authoring repository"):
        item_bank.chapters(tmp_path)
