"""What each built page loads: MathJax only where there is math, nothing from a CDN."""

from __future__ import annotations

import re
from pathlib import Path

MATHJAX = "vendor/mathjax/tex-chtml-nomenu.js"
# MathJax input that Sphinx/myst leave in the HTML for MathJax to typeset
MATH_MARKUP = re.compile(r'class="math[ "]|\\\(|\\\[')
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def _pages(site: Path) -> list[Path]:
    skip = {"_static", "_sources", "_images"}
    return [p for p in sorted(site.rglob("*.html")) if not skip & set(p.relative_to(site).parts)]


def test_mathjax_only_on_pages_with_math(site):
    checked = 0
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        body = SCRIPT.sub("", html.split("<body", 1)[-1])  # quiz scripts mention \\( too
        has_math = bool(MATH_MARKUP.search(body))
        loads = MATHJAX in html
        name = page.relative_to(site).as_posix()
        assert loads == has_math, f"{name}: has math {has_math}, loads MathJax {loads}"
        checked += 1
    assert checked >= 5


def test_live_script_only_on_pages_with_a_live_cell(site):
    """js/live.js (Run live) loads where a cell is tagged live-<model>, and nowhere else."""
    with_live = 0
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        has_cell = "tag_live-" in html.split("<body", 1)[-1]
        loads = "_static/js/live.js" in html
        assert loads == has_cell, f"{page.relative_to(site)}: live cell {has_cell}, script {loads}"
        with_live += has_cell
    assert with_live >= 13, f"only {with_live} pages with a live model"
    archive = site / "_static" / "relsell-live.zip"
    assert archive.is_file() and archive.stat().st_size > 50_000
    assert (site / "_static" / "vendor" / "pyodide" / "pyodide.asm.wasm").is_file()


def test_no_page_refers_to_a_cdn(site):
    cdn = re.compile(r'(src|href)="https?://(cdn\.|cdnjs\.|unpkg\.|fonts\.googleapis)')
    offenders = [
        p.relative_to(site).as_posix() for p in _pages(site) if cdn.search(p.read_text("utf-8"))
    ]
    assert not offenders, f"pages that load from a CDN: {offenders}"


def test_every_chart_is_an_image_not_its_text_repr(site):
    """A figure shown as '<Figure size 700x420 with 1 Axes>' means the kernel had no inline
    backend (for example MPLBACKEND=Agg leaked into the build): the reader would see no chart."""
    offenders = [
        p.relative_to(site).as_posix()
        for p in _pages(site)
        if "&lt;Figure size" in p.read_text(encoding="utf-8")
    ]
    assert not offenders, f"charts rendered as text instead of images on: {offenders}"
