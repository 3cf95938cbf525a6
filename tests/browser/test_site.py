"""Every built page, in a real browser: offline, console-clean, axe-clean, within its weight budget.

Each page is opened at 1280 px and at 390 px wide. A page fails if it asks another host for
anything, logs a console error, throws, gets a 4xx/5xx, has a serious or critical axe finding,
or loads more bytes than its budget. Full-page screenshots go to <site>/../screenshots/.
"""

from __future__ import annotations

import pytest

from helpers.browsing import open_page, run_axe, weights_file

WIDTHS = [1280, 390]
# Bytes loaded (response bodies, uncompressed: http.server does not compress).
BUDGET_HEAVY = 3_000_000  # a page with a quiz or executed notebook cells (charts, widgets)
BUDGET_PROSE = 1_500_000  # any other page
BUDGET_PROSE_MATH = 2_000_000  # a prose page with formulas: MathJax and its fonts (~0.9 MB)


def shot_name(page_path: str, width: int) -> str:
    return page_path.removesuffix(".html").replace("/", "__") + f"-{width}.png"


@pytest.mark.parametrize("width", WIDTHS)
def test_page(chromium, base_url, site, axe_script, screenshot_dir, page_path, width):
    visit = open_page(chromium, base_url + page_path, width)
    page = visit.page
    try:
        is_heavy = page.evaluate(
            "() => !!document.querySelector('.Quiz, [data-shufflequestions], div.cell')"
        )
        has_math = page.evaluate("() => !!window.MathJax")
        weight = visit.bytes_loaded()
        kind = ("quiz/notebook" if is_heavy else "prose") + ("+MathJax" if has_math else "")
        budget = BUDGET_HEAVY if is_heavy else BUDGET_PROSE_MATH if has_math else BUDGET_PROSE
        print(f"\n{page_path} @{width}px: {weight:,} bytes loaded ({kind}, budget {budget:,})")
        with open(screenshot_dir / weights_file(), "a", encoding="utf-8") as report:
            report.write(f"{page_path}\t{width}\t{weight}\t{kind}\t{budget}\n")

        page.screenshot(path=str(screenshot_dir / shot_name(page_path, width)), full_page=True)

        problems = visit.problems()
        # Widget views render nothing without a widget manager, which the site does not load
        # (nb_ipywidgets_js: {}): widget cells must be tagged remove-output.
        views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
        if views:
            problems.append(f"{views} widget view(s) shown: tag the widget cell remove-output")
        # Every chart is a real image on the static page (no kernel is needed to see it).
        broken = page.evaluate(
            "() => [...document.images].filter(i => i.complete && i.naturalWidth === 0)"
            ".map(i => i.getAttribute('src'))"
        )
        problems += [f"image does not load: {src}" for src in broken]
        if width <= 390:  # wide tables and outputs scroll inside their own box, never the page
            sizes = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if sizes[0] > sizes[1] + 1:
                problems.append(f"horizontal scroll at {width}px: {sizes[0]} > {sizes[1]}")
        problems += [f"axe {v}" for v in run_axe(page, axe_script)]
        if weight > budget:
            problems.append(f"{weight:,} bytes loaded, budget {budget:,}")
        assert not problems, f"{page_path} @{width}px:\n  " + "\n  ".join(problems)
    finally:
        page.context.close()
