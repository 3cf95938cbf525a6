import copy

import pytest
from IPython.utils.capture import capture_output

from relsell.content import quiz
from relsell.content.datafiles import DataFileError


def _bank(**question_overrides):
    """A small valid bank built in the test, so each rule can be broken on purpose."""
    single = {
        "id": "t-q1",
        "type": "single",
        "question": "Which is a relationship?",
        "answers": [
            {
                "text": "A loyal customer",
                "correct": True,
                "feedback": "Yes: repeated, trusted exchange.",
            },
            {
                "text": "A one-off sale",
                "correct": False,
                "feedback": "No: nothing links it to the next sale.",
            },
            {
                "text": "A price list",
                "correct": False,
                "feedback": "No: a list is not an exchange at all.",
            },
        ],
    }
    single.update(question_overrides)
    numeric = {
        "id": "t-num",
        "type": "numeric",
        "question": "How many segments?",
        "answers": [{"range": [9.5, 10.5], "correct": True, "feedback": "Right: ten segments."}],
        "default_feedback": "Count the teams again: one team per segment.",
    }
    questions = [single] + [dict(single, id=f"t-q{i}") for i in range(2, 10)]
    questions += [numeric, dict(numeric, id="t-num2")]
    return {"chapter": "ch99", "title": "Test bank", "questions": questions}


def test_every_shipped_bank_passes_its_schema_and_counts():
    assert "ch01" in quiz.bank_ids()
    for chapter in quiz.bank_ids():
        bank = quiz.load_bank(chapter)
        quiz.check_bank(bank, chapter)  # the schema check the build runs
        types = [q["type"] for q in bank["questions"]]
        assert len(types) >= quiz.MIN_QUESTIONS
        assert types.count("numeric") >= quiz.MIN_NUMERIC
        assert {"single", "multiple"} <= set(types)
        for q in bank["questions"]:
            for a in q["answers"]:
                assert len(a["feedback"]) >= 15, (q["id"], a)


def test_a_valid_test_bank_passes():
    quiz.check_bank(_bank())


@pytest.mark.parametrize(
    "mutate, words",
    [
        (lambda b: b["questions"][0]["answers"][0].pop("feedback"), "feedback"),
        (lambda b: b["questions"][0]["answers"][1].update(correct=True), "questions/0"),
        (lambda b: b["questions"][0]["answers"][0].update(feedback="Yes."), "questions/0"),
        (lambda b: b["questions"].__delitem__(slice(3, None)), "too short|minItems|non-empty"),
        (lambda b: b["questions"][1].update(id="t-q1"), "used twice"),
        (lambda b: b["questions"][-1]["answers"][0].update(range=[10.5, 9.5]), "empty range"),
        (lambda b: b["questions"].__setitem__(-1, dict(b["questions"][0], id="x1")), "numeric"),
        (lambda b: b["questions"][0].update(type="essay"), "questions/0"),
    ],
)
def test_broken_banks_fail_with_the_place_named(mutate, words):
    bank = _bank()
    mutate(bank)
    with pytest.raises(DataFileError, match=words):
        quiz.check_bank(bank, "test bank")


def test_all_text_is_escaped_so_markup_shows_as_text():
    bank = _bank(question="What does <script>alert(1)</script> do?")
    bank["questions"][0]["answers"][0]["text"] = "<b>bold</b> & co"
    converted = quiz.to_jupyterquiz(bank)
    assert converted[0]["question"] == "What does &lt;script&gt;alert(1)&lt;/script&gt; do?"
    assert converted[0]["answers"][0]["answer"] == "&lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert "<script>" not in str(converted)


def test_conversion_maps_types_and_keeps_feedback_for_every_option():
    converted = quiz.to_jupyterquiz(_bank())
    assert converted[0]["type"] == "multiple_choice"
    assert all("feedback" in a for a in converted[0]["answers"])
    numeric = converted[-1]
    assert numeric["type"] == "numeric"
    assert numeric["answers"][-1] == {
        "type": "default",
        "feedback": "Count the teams again: one team per segment.",
    }
    multi = copy.deepcopy(_bank())
    multi["questions"][0]["type"] = "multiple"
    multi["questions"][0]["answers"][1]["correct"] = True
    assert quiz.to_jupyterquiz(multi)[0]["type"] == "many_choice"


def test_show_renders_the_quiz_deterministically():
    from IPython.core.interactiveshell import InteractiveShell

    InteractiveShell.instance()  # display() needs a shell to capture rich output
    with capture_output() as first:
        quiz.show("ch01")
    with capture_output() as second:
        quiz.show("ch01")
    html = "".join(o.data.get("text/html", "") for o in first.outputs)
    script = "".join(o.data.get("application/javascript", "") for o in first.outputs)
    assert "questions" in script and "Quiz" in html
    assert [o.data for o in first.outputs] == [o.data for o in second.outputs]


def test_unknown_chapter_and_wrong_type_are_explained():
    with pytest.raises(ValueError, match="No quiz for 'ch42'"):
        quiz.load_bank("ch42")
    with pytest.raises(TypeError, match="such as 'ch01'"):
        quiz.load_bank(1)


def test_showing_a_quiz_leaves_the_students_random_generator_alone(monkeypatch):
    import random

    from IPython import display as ipy_display

    from relsell.content import quiz

    monkeypatch.setattr(ipy_display, "display", lambda *a, **k: None)
    random.seed(7)
    expected = [random.random() for _ in range(3)]
    random.seed(7)
    quiz.show("ch01")
    assert [random.random() for _ in range(3)] == expected
