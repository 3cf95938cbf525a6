"""Every role-play can be played to every one of its endings on the static page.

By mouse (every path, in a real browser: each reply's summary is clicked in turn and the ending's
outcome, skill and link must show), by keyboard, at 390 px, with no serious axe finding.
Run after a build:  pytest tests/browser/test_roleplay.py --site _build/html
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.browsing import AXE_FAIL_IMPACTS, open_page
from helpers.plugin import require_page
from relsell.content import roleplay
from relsell_book import course, pages

ROLEPLAYS = roleplay.roleplay_ids()


def _page_of(chapter: str) -> str:
    found = {c["id"]: c["page"] for p in course.load_course()["parts"] for c in p["chapters"]}
    return found[chapter] + ".html"


def _chapter_pages() -> list[str]:
    return sorted({_page_of(roleplay.load_roleplay(r)["chapter"]) for r in ROLEPLAYS})


@pytest.fixture
def opener(chromium, base_url, site: Path):
    visits = []

    def open_at(page: str, width: int):
        require_page(site, page)
        visit = open_page(chromium, base_url + page, width)
        visits.append(visit)
        return visit

    yield open_at
    for visit in visits:
        visit.page.context.close()


@pytest.mark.parametrize("roleplay_id", ROLEPLAYS)
def test_every_ending_of_a_roleplay_can_be_reached_by_clicking(opener, roleplay_id):
    data = roleplay.load_roleplay(roleplay_id)
    visit = opener(_page_of(data["chapter"]), 1280)
    box = visit.page.locator(f"#rp-{roleplay_id}")
    assert box.count() == 1
    assert not box.locator(".rp-outcome").first.is_visible()
    for path in roleplay.paths(data):
        # start each path from a folded role-play, then click the chosen reply at each decision
        box.evaluate("el => el.querySelectorAll('details').forEach(d => { d.open = false; })")
        scope = box
        for _node_id, index in path:
            choice = scope.locator(":scope > .rp-step > details").nth(index)
            choice.locator(":scope > summary").click()
            assert choice.evaluate("el => el.open"), (roleplay_id, path)
            scope = choice
        end = roleplay.end_of(data, path)
        outcome = scope.locator(":scope > .rp-outcome")
        label = pages.RESULT_LABELS[end["result"]]
        assert outcome.is_visible() and outcome.inner_text().startswith(label), (roleplay_id, path)
        link = scope.locator(":scope > .rp-skill a")
        assert link.get_attribute("href") == f"#{end['learn']}"
        assert visit.page.locator(f"[id='{end['learn']}']").count() == 1, end["learn"]
        assert scope.locator(":scope > .rp-feedback").is_visible()
    # every ending reached was noted for the progress page, with its result; the toggle event
    # that records it is queued after the click, so wait for the last one (up to 5 s)
    expected = roleplay.endings(data)
    read = f"() => JSON.parse(localStorage.getItem('{pages.ROLEPLAY_KEY}') || '{{}}')"
    try:
        visit.page.wait_for_function(
            f"want => {{ const e = ({read})()[{json.dumps(roleplay_id)}]; "
            "return !!e && Object.keys(e.endings).length === Object.keys(want).length; }",
            arg=expected,
            timeout=5000,
        )
    except Exception:  # noqa: BLE001 - the assertion below says what is missing
        pass
    stored = visit.page.evaluate(read)
    assert stored[roleplay_id]["endings"] == expected
    assert not visit.problems(), visit.problems()


def test_an_endings_link_takes_the_reader_to_the_section(opener):
    data = roleplay.load_roleplay(ROLEPLAYS[0])
    visit = opener(_page_of(data["chapter"]), 1280)
    path = roleplay.paths(data)[0]
    scope = visit.page.locator(f"#rp-{ROLEPLAYS[0]}")
    for _node, index in path:
        scope = scope.locator(":scope > .rp-step > details").nth(index)
        scope.locator(":scope > summary").click()
    scope.locator(":scope > .rp-skill a").click()
    target = roleplay.end_of(data, path)["learn"]
    visit.page.wait_for_function(f"() => location.hash === '#{target}'")
    top = visit.page.evaluate(
        f"() => document.getElementById('{target}').getBoundingClientRect().top"
    )
    assert -5 <= top < 300, f"the section {target} is not scrolled into view (top {top})"


@pytest.mark.parametrize("page_name", _chapter_pages())
def test_roleplays_are_keyboard_operable_and_fit_a_phone(opener, page_name):
    visit = opener(page_name, 390)
    page = visit.page
    summary = page.locator(".relsell-roleplay > .rp-step > details > summary").first
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
    assert widths
    for scroll, client in widths:
        assert scroll <= client + 1, widths


@pytest.mark.parametrize("page_name", _chapter_pages())
def test_open_roleplays_have_no_serious_accessibility_problem(opener, axe_script, page_name):
    visit = opener(page_name, 1280)
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
