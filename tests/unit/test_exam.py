"""The final exam: a seeded draw from the graded item bank, balanced, gradable by nbgrader."""

from __future__ import annotations

import re

import nbformat
import pytest

from relsell.checks import ModelInputError
from relsell_book import exam, item_bank


def _run(code: str, namespace: dict) -> None:
    exec(compile(code, "<exam cell>", "exec"), namespace)  # noqa: S102 - our generated cells


def _strip(code: str) -> str:
    """The cell as the hidden-test runner sees it: region markers removed."""
    return re.sub(r"^### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\n", "", code, flags=re.M)


def test_draw_is_stratified_reproducible_and_seeded():
    first = exam.draw(seed=1, per_chapter=2)
    assert first == exam.draw(seed=1, per_chapter=2)
    assert [q["id"] for q in first] != [q["id"] for q in exam.draw(seed=2, per_chapter=2)]
    for chapter in item_bank.chapters():
        assert sum(q["chapter"] == chapter for q in first) == 2
    assert len({q["id"] for q in first}) == len(first)


def test_draw_covers_objectives_before_repeating_one():
    for seed in range(5):
        paper = exam.draw(seed=seed, per_chapter=4)
        for chapter in item_bank.chapters():
            items = item_bank.load(chapter)
            mine = [q for q in paper if q["chapter"] == chapter]
            available = len({i["objective"] for i in items})
            assert len({q["objective"] for q in mine}) == min(4, available), (seed, chapter)
            if any(i["type"] == "computed" for i in items):
                assert any(q["type"] == "numeric" for q in mine), (seed, chapter)


def test_two_terms_get_different_numbers_for_the_same_computed_item():
    computed = next(
        i for c in item_bank.chapters() for i in item_bank.load(c) if i["type"] == "computed"
    )
    papers = {item_bank.concrete(computed, seed)["question"] for seed in range(2026, 2036)}
    vignettes = {item_bank.concrete(computed, seed)["vignette"] for seed in range(2026, 2036)}
    assert len(papers | vignettes) > 2


def test_the_exam_never_uses_the_public_quiz_banks():
    from relsell.content import quiz

    public = {
        " ".join(q["question"].split())
        for c in quiz.bank_ids()
        for q in quiz.load_bank(c)["questions"]
    }
    for q in exam.draw(seed=3, per_chapter=4):
        assert " ".join(q["question"].split()) not in public


def test_draw_leaves_the_global_random_alone():
    import random

    random.seed(5)
    expected = random.random()
    random.seed(5)
    exam.draw(seed=9)
    assert random.random() == expected


@pytest.mark.parametrize(
    "per_chapter, words",
    [(0, "at least 1"), (-3, "at least 1"), (10_000, "cannot draw"), (2.5, "whole number")],
)
def test_impossible_papers_are_explained(per_chapter, words):
    with pytest.raises(ModelInputError, match=words):
        exam.draw(per_chapter=per_chapter)


def test_text_is_refused_as_a_count():
    with pytest.raises(TypeError, match="whole number"):
        exam.draw(per_chapter="三")


def test_answer_keys_by_type():
    single = {"type": "single", "answers": [{"correct": False}, {"correct": True}]}
    multiple = {
        "type": "multiple",
        "answers": [{"correct": True}, {"correct": False}, {"correct": True}],
    }
    numeric = {"type": "numeric", "answer": 10.0, "tolerance": 0.5}
    assert exam.answer_key(single) == "B"
    assert exam.answer_key(multiple) == "AC"
    assert exam.answer_key(numeric) == 10


def test_every_question_grades_right_and_wrong_answers():
    nb = exam.build_notebook(per_chapter=2)
    nbformat.validate(nb)
    answers = [c for c in nb.cells if c.metadata["nbgrader"]["grade_id"].startswith("answer-")]
    tests = [c for c in nb.cells if c.metadata["nbgrader"]["grade_id"].startswith("test-")]
    assert len(answers) == len(tests) == 2 * len(item_bank.chapters())
    for test in tests:
        assert test.metadata["relsell"]["objective"].startswith(
            test.metadata["relsell"]["item"][:4]
        )
    for answer, test in zip(answers, tests, strict=True):
        namespace: dict = {}
        _run(_strip(answer.source), namespace)
        _run(_strip(test.source), namespace)  # the solution passes, hidden test included
        var = answer.source.split("\n")[1].split(" = ")[0]
        wrong = namespace[var] + 1000 if isinstance(namespace[var], float | int) else "Z"
        with pytest.raises(AssertionError):
            _run(_strip(test.source), {var: wrong})
        with pytest.raises(AssertionError, match="Store your answer"):
            _run(_strip(test.source), {})


def test_points_and_intro_agree():
    nb = exam.build_notebook()
    total = sum(c.metadata["nbgrader"].get("points", 0) for c in nb.cells)
    assert f"{total} points" in nb.cells[0].source
    assert nb.metadata["relsell"]["seed"] == exam.DEFAULT_SEED


def test_command_line_writes_a_paper(tmp_path, capsys):
    out = tmp_path / "exam-2027"
    assert exam.main(["--seed", "2027", "--per-chapter", "1", "--out", str(out)]) == 0
    nb = nbformat.read(out / "exam-2027.ipynb", as_version=4)
    assert nb.metadata["relsell"] == {
        "seed": 2027,
        "per_chapter": 1,
        "questions": len(item_bank.chapters()),
    }
    assert exam.main(["--per-chapter", "0", "--out", str(out)]) == 2
    assert "Cannot make the exam" in capsys.readouterr().err
