"""Every page with a jupyterquiz quiz answers in the browser, offline, with no kernel.

The right answers come from the YAML banks (``relsell.content.quiz.load_bank``), matched to the page
by the displayed question text, so the test never depends on answer order.
"""

from __future__ import annotations

import re

import pytest

from helpers.browsing import open_page, run_axe
from relsell.content import quiz


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def bank_questions() -> dict[str, dict]:
    """Every bank question by its displayed text (the page shows the unescaped original)."""
    out = {}
    for chapter in quiz.bank_ids():
        for q in quiz.load_bank(chapter)["questions"]:
            out[norm(q["question"])] = q
    assert out, "no quiz bank found in relsell/data/quiz/"
    return out


def find(page, bank_questions, kind: str):
    """The first rendered question of bank type ``kind`` (wrapper locator, bank question)."""
    wrappers = page.locator(".Quiz")
    for i in range(wrappers.count()):
        wrapper = wrappers.nth(i)
        text = norm(wrapper.locator("[id^=quizQn]").first.inner_text())
        q = bank_questions.get(text)
        if q and q["type"] == kind:
            return wrapper, q
    return None, None


def in_range(value: float, rng) -> bool:
    return rng[0] <= value < rng[1]  # jupyterquiz's test: lo <= x < hi


def test_quiz_answers(chromium, base_url, axe_script, quiz_page, bank_questions):
    visit = open_page(chromium, base_url + quiz_page, 1280)
    page = visit.page
    try:
        assert page.locator(".Quiz").count() > 0, f"{quiz_page}: the quiz did not render"

        # Single choice: wrong first, then right.
        wrapper, q = find(page, bank_questions, "single")
        assert q, f"{quiz_page}: no single-choice question matches a bank question by its text"
        feedback = wrapper.locator(".Feedback")
        wrong = next(a for a in q["answers"] if not a["correct"])
        right = next(a for a in q["answers"] if a["correct"])
        for answer, state in ((wrong, "incorrect"), (right, "correct")):
            choice = wrapper.locator("label.MCButton").filter(
                has_text=re.compile("^" + re.escape(norm(answer["text"])) + "$")
            )
            assert choice.count() == 1, f"choice {answer['text']!r} not found once in {q['id']}"
            choice.click()
            classes = feedback.get_attribute("class").split()
            assert state in classes, f"{q['id']}: after {answer['text']!r} feedback is {classes}"
            assert feedback.is_visible()
            assert norm(feedback.inner_text()) == norm(answer["feedback"])
        assert page.locator(f"#{wrapper.get_attribute('id')} .Feedback.correct").count() == 1

        # Multiple answers: a wrong choice is marked wrong; then every right one, counted.
        wrapper, q = find(page, bank_questions, "multiple")
        assert q, f"{quiz_page}: no multiple-answer question matches a bank question by its text"
        feedback = wrapper.locator(".Feedback")
        rights = [a for a in q["answers"] if a["correct"]]
        wrong = next(a for a in q["answers"] if not a["correct"])
        for answer in [wrong, *rights]:
            wrapper.locator("label.MCButton").filter(
                has_text=re.compile("^" + re.escape(norm(answer["text"])) + "$")
            ).click()
            classes = feedback.get_attribute("class").split()
            state = "correct" if answer["correct"] else "incorrect"
            assert state in classes, f"{q['id']}: after {answer['text']!r} feedback is {classes}"
            assert norm(answer["feedback"]) in norm(feedback.inner_text())
        assert f"[{len(rights)}/{len(rights)}]" in feedback.inner_text(), feedback.inner_text()

        # Numeric: a value in the middle of the correct range, then Enter.
        wrapper, q = find(page, bank_questions, "numeric")
        assert q, f"{quiz_page}: no numeric question matches a bank question by its text"
        right = next(a for a in q["answers"] if a["correct"])
        lo, hi = right["range"]
        value = next(
            v
            for v in (lo + (hi - lo) * f for f in (0.5, 0.25, 0.75, 0.1, 0.9))
            if next(a for a in q["answers"] if in_range(v, a["range"])) is right
        )
        typed = format(value, "f").rstrip("0").rstrip(".")
        box = wrapper.locator("input.Input-text")
        # a11y.js ties jupyterquiz's "Type numeric answer here" label to the box.
        assert box.evaluate("e => e.labels.length") == 1, "numeric input has no label"
        box.click()  # jupyterquiz clears the box on focus
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
        feedback = wrapper.locator(".Feedback")
        classes = feedback.get_attribute("class").split()
        assert "correct" in classes, f"{q['id']}: typed {typed}, feedback is {classes}"
        assert norm(feedback.inner_text()) == norm(right["feedback"])

        # Answered states (green/red feedback, marked buttons) must pass axe too, once
        # jupyterquiz's colour animations have finished.
        page.wait_for_function(
            "() => document.getAnimations().every(a => a.playState !== 'running')"
        )
        problems = visit.problems() + [f"axe {v}" for v in run_axe(page, axe_script)]
        assert not problems, f"{quiz_page} after answering:\n  " + "\n  ".join(problems)
    finally:
        page.context.close()
