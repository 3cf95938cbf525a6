"""The chapter 4 role-plays can be played to an end on the static page, by mouse and keyboard.

Run after a build:  pytest tests/browser/test_roleplay.py --site _build/html
"""

from __future__ import annotations

import pytest

from helpers.browsing import AXE_FAIL_IMPACTS, open_page
from helpers.plugin import require_page

PAGE = "book/ch04_crm_and_selling.html"
ROLEPLAYS = ["ch04-approach", "ch04-objection", "ch04-closing"]


@pytest.fixture
def chapter(chromium, base_url, site):
    require_page(site, PAGE)
    visits = []

    def open_at(width: int):
        visit = open_page(chromium, base_url + PAGE, width)
        visits.append(visit)
        return visit

    yield open_at
    for visit in visits:
        visit.page.context.close()


@pytest.mark.parametrize("roleplay_id", ROLEPLAYS)
def test_a_roleplay_can_be_clicked_to_an_outcome(chapter, roleplay_id):
    visit = chapter(1280)
    page = visit.page
    box = page.locator(f"#rp-{roleplay_id}")
    assert box.count() == 1
    assert not box.locator(".rp-outcome").first.is_visible()
    scope = box
    for _level in range(10):  # follow the first reply of each step until an outcome shows
        choice = scope.locator(":scope > .rp-step > details").first
        choice.locator(":scope > summary").click()
        assert choice.evaluate("el => el.open")
        outcome = choice.locator(":scope > .rp-outcome")
        if outcome.count():
            assert outcome.is_visible()
            assert outcome.inner_text().startswith("Outcome:")
            break
        scope = choice
    else:
        pytest.fail(f"{roleplay_id}: no outcome after ten steps")
    assert choice.locator(":scope > .rp-feedback").is_visible()
    assert not visit.problems(), visit.problems()


def test_a_roleplay_is_keyboard_operable_and_fits_a_phone(chapter):
    visit = chapter(390)
    page = visit.page
    summary = page.locator("#rp-ch04-objection > .rp-step > details > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert summary.evaluate("el => el.parentElement.open")
    page.keyboard.press("Enter")
    assert not summary.evaluate("el => el.parentElement.open")
    # open every reply, then nothing may stick out sideways at 390 px
    page.evaluate(
        "() => document.querySelectorAll('.relsell-roleplay details')"
        ".forEach(d => { d.open = true; })"
    )
    widths = page.evaluate(
        "() => [...document.querySelectorAll('.relsell-roleplay')]"
        ".map(el => [el.scrollWidth, el.clientWidth])"
    )
    assert len(widths) == len(ROLEPLAYS)
    for scroll, client in widths:
        assert scroll <= client + 1, widths


def test_open_roleplays_have_no_serious_accessibility_problem(chapter, axe_script):
    visit = chapter(1280)
    page = visit.page
    page.evaluate(
        "() => document.querySelectorAll('.relsell-roleplay details')"
        ".forEach(d => { d.open = true; })"
    )
    page.add_script_tag(path=str(axe_script))
    found = page.evaluate(
        """async () => {
            const r = await axe.run({include: [['.relsell-roleplay']]},
                                    {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact,
                targets: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}));
        }"""
    )
    serious = [v for v in found if v["impact"] in AXE_FAIL_IMPACTS]
    assert not serious, serious
