"""Quiz text is shown, never run: a bank whose question, choice and feedback contain markup
renders that markup as visible text in a real browser, and none of it executes."""

from __future__ import annotations

import copy

import pytest

from relsell.content import quiz

QUESTION = "What does <script>window.pwned = 'question'</script> do?"
CHOICE = "<img src=x onerror=\"window.pwned = 'choice'\"> a picture"
FEEDBACK = "It is <b>bold</b> & <script>window.pwned = 'feedback'</script> text, shown as is."


@pytest.fixture
def hostile_quiz_html(monkeypatch) -> str:
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    bank = copy.deepcopy(quiz.load_bank("ch01"))
    first = next(q for q in bank["questions"] if q["type"] == "single")
    first["question"] = QUESTION
    wrong = next(a for a in first["answers"] if not a["correct"])
    wrong["text"], wrong["feedback"] = CHOICE, FEEDBACK
    quiz.check_bank(bank, "hostile test bank")
    monkeypatch.setattr(quiz, "load_bank", lambda chapter: bank)

    InteractiveShell.instance()
    with capture_output() as captured:
        quiz.show("ch01")
    html = "".join(o.data.get("text/html", "") for o in captured.outputs)
    script = "".join(o.data.get("application/javascript", "") for o in captured.outputs)
    assert "</script>" not in script.lower(), "escaped text cannot close the script element"
    return f'<!doctype html><html lang="en"><body>{html}<script>{script}</script></body></html>'


def test_markup_in_a_quiz_is_displayed_as_text(chromium, hostile_quiz_html):
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.set_content(hostile_quiz_html, wait_until="load")
        page.wait_for_selector(".Quiz")
        wrapper = page.locator(".Quiz").first
        assert QUESTION in wrapper.inner_text()
        choice = wrapper.locator("label.MCButton").filter(has_text="a picture")
        assert choice.count() == 1 and CHOICE in choice.inner_text()
        choice.click()
        assert FEEDBACK in wrapper.locator(".Feedback").inner_text()
        assert page.evaluate("() => window.pwned") is None, "quiz text was executed"
        assert page.locator(".Quiz img, .Quiz b").count() == 0, "quiz text became markup"
        assert not errors, errors
    finally:
        context.close()
