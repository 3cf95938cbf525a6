"""Every built page, in a real browser: offline, console-clean, axe-clean, within its weight budget.

Each page is opened at 1280 px and at 390 px wide. A page fails if it asks another host for
anything, logs a console error, throws, gets a 4xx/5xx, has a serious or critical axe finding,
or loads more bytes than its budget. Full-page screenshots go to <site>/../screenshots/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
WIDTHS = [1280, 390]
# Bytes loaded (response bodies, uncompressed: http.server does not compress).
BUDGET_HEAVY = 3_000_000  # a page with a quiz or executed notebook cells
BUDGET_PROSE = 1_500_000
# Exact console messages that may appear, each with the reason it is harmless. Keep it empty.
CONSOLE_ALLOW: dict[str, str] = {}
AXE_FAIL_IMPACTS = {"serious", "critical"}


@dataclass
class Visit:
    """What happened while one page loaded."""

    page: object
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)

    def bytes_loaded(self) -> int:
        total = 0
        for response in self.responses:
            if 300 <= response.status < 400:
                continue  # a redirect has no body; the target is counted on its own
            try:
                total += len(response.body())
            except Exception:  # noqa: BLE001 - a body evicted from the browser's cache
                timing = response.request.sizes()
                total += timing.get("responseBodySize", 0)
        return total

    def problems(self) -> list[str]:
        out = [f"external request (aborted): {u}" for u in self.external]
        out += [f"console error: {m}" for m in self.console_errors if m not in CONSOLE_ALLOW]
        out += [f"page error: {m}" for m in self.page_errors]
        out += [f"HTTP error: {m}" for m in self.http_errors]
        out += [f"request failed: {m}" for m in self.failed]
        return out


def open_page(chromium, url: str, width: int) -> Visit:
    """Open ``url`` in a fresh context, blocking and recording every non-local request."""
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="en-US")
    page = context.new_page()
    visit = Visit(page=page)

    def route(r):
        host = urlsplit(r.request.url).hostname
        if host in LOCAL_HOSTS:
            r.continue_()
        else:
            visit.external.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.on("response", visit.responses.append)
    page.on("response", lambda r: visit.http_errors.append(f"{r.status} {r.url}")
            if r.status >= 400 else None)
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url} ({r.failure})")
            if urlsplit(r.url).hostname in LOCAL_HOSTS else None)
    page.goto(url, wait_until="load")
    settle(page)
    return visit


def settle(page) -> None:
    """Wait until MathJax has typeset and nothing more is loading (fonts, MathJax extensions)."""
    page.evaluate(
        "() => (window.MathJax && MathJax.startup && MathJax.startup.promise)"
        " ? MathJax.startup.promise.then(() => true) : true"
    )
    page.wait_for_load_state("networkidle")


def run_axe(page, axe_script: Path) -> list[str]:
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact,
                targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {', '.join(v['targets'])}"
        for v in violations if v["impact"] in AXE_FAIL_IMPACTS
    ]


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
        weight = visit.bytes_loaded()
        budget = BUDGET_HEAVY if is_heavy else BUDGET_PROSE
        print(f"\n{page_path} @{width}px: {weight:,} bytes loaded "
              f"({'quiz/notebook' if is_heavy else 'prose'} budget {budget:,})")

        page.screenshot(path=str(screenshot_dir / shot_name(page_path, width)), full_page=True)

        problems = visit.problems()
        # Widget views render nothing without a widget manager, which the site does not load
        # (nb_ipywidgets_js: {}): widget cells must be tagged remove-output.
        views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
        if views:
            problems.append(f"{views} widget view(s) on the page: tag the widget cell remove-output")
        if width <= 390 and not is_heavy:
            sizes = page.evaluate("() => [document.documentElement.scrollWidth,"
                                  " document.documentElement.clientWidth]")
            if sizes[0] > sizes[1] + 1:
                problems.append(f"horizontal scroll at {width}px: scrollWidth {sizes[0]} > {sizes[1]}")
        problems += [f"axe {v}" for v in run_axe(page, axe_script)]
        if weight > budget:
            problems.append(f"{weight:,} bytes loaded, budget {budget:,}")
        assert not problems, f"{page_path} @{width}px:\n  " + "\n  ".join(problems)
    finally:
        page.context.close()
