"""Helpers for the browser tests: open a page offline and record what went wrong."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
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


def open_page(chromium, url: str, width: int, context=None) -> Visit:
    """Open ``url``, blocking and recording every non-local request.

    A fresh browser context each time unless ``context`` is given (tests that follow the
    reader from page to page share one, and with it localStorage).
    """
    context = context or chromium.new_context(
        viewport={"width": width, "height": 900}, locale="en-US"
    )
    page = context.new_page()
    visit = Visit(page=page)

    def route(r):
        host = urlsplit(r.request.url).hostname
        if host in LOCAL_HOSTS:
            r.continue_()
        else:
            visit.external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.on("response", lambda r: visit.responses.append(r))
    page.on(
        "response",
        lambda r: visit.http_errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.on(
        "requestfailed",
        lambda r: (
            visit.failed.append(f"{r.url} ({r.failure})")
            # ERR_ABORTED is the browser cancelling a request because the test navigated away
            # (e.g. a favicon still loading when a link is followed), not a missing file
            if urlsplit(r.url).hostname in LOCAL_HOSTS and r.failure != "net::ERR_ABORTED"
            else None
        ),
    )
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
        for v in violations
        if v["impact"] in AXE_FAIL_IMPACTS
    ]


def weights_file() -> str:
    """One page-weight report per pytest-xdist worker (scripts/test.sh merges them)."""
    return f"page-weights.{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.tsv"
