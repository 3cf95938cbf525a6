"""The progress page: quiz results are kept in this browser, shown per chapter, and reset.

A reader answers questions on a chapter page, opens "Your progress", reloads, and resets,
all in one browser context (one localStorage), offline.
"""

from __future__ import annotations

import json
import re

import pytest

from helpers.browsing import open_page
from relsell.content import quiz, roleplay
from relsell_book import pages as progress

PROGRESS_PAGE = "book/progress.html"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def question_block(page, q):
    """The rendered .Quiz block of bank question ``q``, found by its text."""
    for i in range(page.locator(".Quiz").count()):
        block = page.locator(".Quiz").nth(i)
        if norm(block.locator("[id^=quizQn]").first.inner_text()) == norm(q["question"]):
            return block
    raise AssertionError(f"question {q['id']} not on the page")


def choose(block, answer):
    block.locator("label.MCButton").filter(
        has_text=re.compile("^" + re.escape(norm(answer["text"])) + "$")
    ).click()


def row_cells(page, chapter: str) -> list[str]:
    row = page.locator(f"#relsell-progress tr[data-chapter={chapter}]")
    return [
        norm(row.locator(sel).inner_text())
        for sel in (".relsell-done", ".relsell-first", ".relsell-status")
    ]


@pytest.fixture()
def context(chromium):
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    yield ctx
    ctx.close()


def test_progress_is_kept_shown_and_reset(chromium, context, base_url, site):
    if not (site / PROGRESS_PAGE).exists():
        pytest.fail(f"{PROGRESS_PAGE} is missing from the built site")
    chapter = "ch01"
    bank = quiz.load_bank(chapter)
    total = len(bank["questions"])

    visit = open_page(chromium, base_url + PROGRESS_PAGE, 1280, context=context)
    page = visit.page
    assert row_cells(page, chapter) == [f"0 of {total}", "–", "not started"]
    assert "No quiz answers" in page.locator("#relsell-progress-summary").inner_text()
    page.close()

    chapter_page = next(p.name for p in (site / "book").glob(f"{chapter}_*.html"))
    visit2 = open_page(chromium, f"{base_url}book/{chapter_page}", 1280, context=context)
    page = visit2.page
    single = [q for q in bank["questions"] if q["type"] == "single"]
    first, second = single[0], single[1]
    # first question: right at once; second: wrong, then right
    choose(question_block(page, first), next(a for a in first["answers"] if a["correct"]))
    block = question_block(page, second)
    choose(block, next(a for a in second["answers"] if not a["correct"]))
    choose(block, next(a for a in second["answers"] if a["correct"]))
    # a numeric question answered wrongly only: tried, not done
    numeric = next(q for q in bank["questions"] if q["type"] == "numeric")
    box = question_block(page, numeric).locator("input.Input-text")
    box.fill("-123456789")
    box.press("Enter")
    stored = json.loads(page.evaluate(f"() => localStorage.getItem('{progress.STORAGE_KEY}')"))
    assert stored[chapter]["questions"] == {
        first["id"]: "first",
        second["id"]: "later",
        numeric["id"]: "tried",
    }
    assert visit2.problems() == []
    page.close()

    visit3 = open_page(chromium, base_url + PROGRESS_PAGE, 1280, context=context)
    page = visit3.page
    assert row_cells(page, chapter) == [f"2 of {total}", "1 of 2", "in progress"]
    assert "1 chapter" in page.locator("#relsell-progress-summary").inner_text()
    page.reload()
    assert row_cells(page, chapter) == [f"2 of {total}", "1 of 2", "in progress"]

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset my saved results").click()
    assert row_cells(page, chapter) == [f"0 of {total}", "–", "not started"]
    assert page.evaluate(f"() => localStorage.getItem('{progress.STORAGE_KEY}')") is None
    assert visit3.problems() == []


def test_corrupt_storage_does_not_break_the_page(chromium, context, base_url):
    visit = open_page(chromium, base_url + PROGRESS_PAGE, 1280, context=context)
    page = visit.page
    page.evaluate(f"() => localStorage.setItem('{progress.STORAGE_KEY}', '{{not json')")
    page.evaluate(f"() => localStorage.setItem('{progress.ROLEPLAY_KEY}', '[1, 2]')")
    page.reload()
    assert "No quiz answers" in page.locator("#relsell-progress-summary").inner_text()
    assert set(page.locator("#relsell-roleplays .relsell-best").all_inner_texts()) == {"not played"}
    assert visit.problems() == []


def test_roleplay_endings_are_shown_best_first(chromium, context, base_url, site):
    """Reach a poor ending, then the best one, of one role-play: the page shows "best", 2 found."""
    rid = "ch04-objection"
    data = roleplay.load_roleplay(rid)
    routes = {roleplay.end_of(data, path)["result"]: path for path in roleplay.paths(data)}
    chapter_page = next(p.name for p in (site / "book").glob("ch04_*.html"))
    visit = open_page(chromium, f"{base_url}book/{chapter_page}", 1280, context=context)
    box = visit.page.locator(f"#rp-{rid}")
    for result in ("failure", "success"):
        box.evaluate("el => el.querySelectorAll('details').forEach(d => { d.open = false; })")
        scope = box
        for _node, index in routes[result]:
            scope = scope.locator(":scope > .rp-step > details").nth(index)
            scope.locator(":scope > summary").click()
    # the toggle event that records an ending is queued after the click: let it run before leaving
    visit.page.wait_for_function(
        f"() => Object.keys((JSON.parse(localStorage.getItem('{progress.ROLEPLAY_KEY}') || '{{}}')"
        f"['{rid}'] || {{}}).endings || {{}}).length === 2",
        timeout=5000,
    )
    assert visit.problems() == []
    visit.page.close()

    visit2 = open_page(chromium, base_url + PROGRESS_PAGE, 1280, context=context)
    page = visit2.page
    row = page.locator(f"#relsell-roleplays tr[data-roleplay='{rid}']")
    total = len(roleplay.endings(data))
    assert norm(row.locator(".relsell-found").inner_text()) == f"2 of {total}"
    assert norm(row.locator(".relsell-best").inner_text()) == progress.ENDING_WORDS["success"]
    assert "1 role-play" in page.locator("#relsell-progress-summary").inner_text()
    others = page.locator("#relsell-roleplays .relsell-best").all_inner_texts()
    assert others.count("not played") == len(roleplay.roleplay_ids()) - 1
    # the row's link leads to the role-play on its chapter page
    row.locator("a").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"#{rid}-roleplay") and page.locator(f"#rp-{rid}").is_visible()
    page.go_back()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset my saved results").click()
    assert norm(row.locator(".relsell-best").inner_text()) == "not played"
    assert page.evaluate(f"() => localStorage.getItem('{progress.ROLEPLAY_KEY}')") is None
    assert visit2.problems() == []
