"""A chapter printed to study, and the site in dark mode (issue 12).

Printing (print media emulated): every role-play prints fully opened, endings included, and
quiz questions and choices print in dark text on white (contrast at least 4.5:1), not as the
faint grey that white-on-purple becomes without backgrounds.

Dark mode: with the reader's system set to dark the site turns dark by itself, and axe finds
no serious or critical problem on a page with a quiz, one with role-plays, and the home page.
"""

from __future__ import annotations

import pytest

from helpers.browsing import open_page, run_axe
from helpers.plugin import require_page

ROLEPLAY_PAGE = "book/ch04_crm_and_selling.html"

# WCAG contrast of an element's text against the first opaque background behind it.
CONTRAST = """
(el) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = [255, 255, 255];
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) { bg = c.slice(0, 3); break; }
  }
  const fg = rgb(getComputedStyle(el).color).slice(0, 3);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
"""


def test_printed_roleplays_are_fully_open(chromium, base_url, site):
    require_page(site, ROLEPLAY_PAGE)
    page = open_page(chromium, base_url + ROLEPLAY_PAGE, 1280).page
    outcomes = page.locator(".relsell-roleplay .rp-outcome")
    assert outcomes.count() >= 3
    assert not outcomes.first.is_visible(), "endings should be folded away on screen"
    page.emulate_media(media="print")
    hidden = [i for i in range(outcomes.count()) if not outcomes.nth(i).is_visible()]
    assert not hidden, f"{len(hidden)} of {outcomes.count()} role-play endings do not print"
    feedback = page.locator(".relsell-roleplay .rp-feedback")
    assert all(feedback.nth(i).is_visible() for i in range(feedback.count()))


def test_printed_quiz_questions_are_dark_on_white(chromium, base_url, quiz_page):
    page = open_page(chromium, base_url + quiz_page, 1280).page
    page.emulate_media(media="print")
    texts = page.locator(
        ".Quiz .ManyChoiceQn, .Quiz .MultipleChoiceQn, .Quiz .NumericQn, .Quiz .MCButton"
    )
    assert texts.count() >= 10
    low = []
    for i in range(texts.count()):
        ratio = texts.nth(i).evaluate(CONTRAST)
        if ratio < 4.5:
            low.append((texts.nth(i).inner_text()[:50], round(ratio, 2)))
    assert not low, f"quiz text prints with low contrast: {low[:5]}"


def test_numeric_answer_box_is_visible_before_answering(chromium, base_url, quiz_page):
    page = open_page(chromium, base_url + quiz_page, 1280).page
    box = page.locator(".Quiz .Input-text").first
    assert box.count(), "every quiz has numeric questions, but this page shows no answer box"
    border = box.evaluate(
        "(el) => [getComputedStyle(el).borderTopWidth, getComputedStyle(el).borderTopColor]"
    )
    assert float(border[0].removesuffix("px")) >= 1, f"no border: {border}"
    ratio = box.evaluate(
        CONTRAST.replace("getComputedStyle(el).color", "getComputedStyle(el).borderTopColor")
    )
    assert ratio >= 3, f"the answer box's border is too faint against the page: {ratio:.2f}"


@pytest.mark.parametrize(
    "dark_page", ["book/intro.html", ROLEPLAY_PAGE, "book/ch06_key_accounts.html"]
)
def test_dark_mode_follows_the_system_and_passes_axe(
    chromium, base_url, site, axe_script, screenshot_dir, dark_page
):
    require_page(site, dark_page)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        page = open_page(chromium, base_url + dark_page, 1280, context=context).page
        assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
        page.screenshot(path=str(screenshot_dir / f"dark-{dark_page.replace('/', '__')}.png"))
        # the numeric question's label sat white on a light grey box before
        labels = page.locator(".Quiz .InpLabel")
        low = [labels.nth(i).evaluate(CONTRAST) for i in range(labels.count())]
        assert all(r >= 4.5 for r in low), f"quiz labels with low contrast in dark mode: {low}"
        assert run_axe(page, axe_script) == []
    finally:
        context.close()
