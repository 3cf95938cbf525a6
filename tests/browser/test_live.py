"""Live models on the built pages (issue 17): press Run live, move the controls, compare.

For every live model, on the first page that shows it: press **Run live**, wait for the chart,
then set three other valid points through the controls (number boxes, menus, check boxes, text)
and require the summary sentence to be exactly what CPython's ``relsell`` says for the same
inputs; type one bad value and require the model's own message next to the box, with the last
chart kept. Along the way: no request to another host, no console error, no serious axe finding
with the controls shown. One phone test does it all with the keyboard at 390 px.

Measured and written to ``_build/screenshots/live-timings.tsv`` (printed by scripts/test.sh):
bytes loaded after the click, click to first chart, and the median update per model.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import statistics
from pathlib import Path

import pytest

from helpers.browsing import open_page, run_axe
from helpers.live_points import points
from helpers.plugin import site_dir
from relsell import live
from relsell.params import Param

TIMINGS = "live-timings.{}.tsv"
READY = "(el) => el.dataset.state === 'ready' || el.dataset.state === 'error'"


def live_pages(site: Path) -> dict[str, str]:
    """Model name -> the first built page that has its Run live cell (chapters come first)."""
    found: dict[str, str] = {}
    pages = sorted(site.glob("book/*.html")) + sorted(site.glob("notebooks/*.html"))
    for page in pages:
        for name in re.findall(r"tag_live-([a-z_]+)", page.read_text(encoding="utf-8")):
            found.setdefault(name, page.relative_to(site).as_posix())
    return found


def pytest_generate_tests(metafunc):
    if "live_model" in metafunc.fixturenames:
        site = site_dir(metafunc.config)
        found = live_pages(site) if site.is_dir() else {}
        metafunc.parametrize("live_model", sorted(found.items()) or [None], ids=str)


def _params(name: str) -> dict[str, Param]:
    module = (
        "relsell.models.customer_analytics" if name == "analytics" else f"relsell.models.{name}"
    )
    return {p.name: p for p in importlib.import_module(module).PARAMS}


def _shown(param: Param, value) -> str:
    """What a reader types into the box for ``value`` (percentages for shares shown as %)."""
    number = value * 100 if param.percent else value
    return f"{number:g}" if isinstance(number, float) else str(number)


def _set(section, param: Param, value) -> None:
    field = section.locator(f'[data-param="{param.name}"]')
    if param.kind == "flag":
        field.locator("input[type=checkbox]").set_checked(bool(value))
    elif param.kind == "choice":
        field.locator("select").select_option(str(value))
    elif param.kind == "text":
        box = field.locator("input[type=text]")
        box.fill(str(value))
        box.press("Tab")
    else:
        box = field.locator("input[type=text]").first  # a text box, so any typing reaches Python
        box.fill(_shown(param, value))
        box.press("Tab")


def _updates(page, name: str) -> int:
    return page.evaluate(
        "(n) => (window.relsellLive && window.relsellLive.updates[n] || []).length", name
    )


def _start(page, name: str):
    """Press Run live for ``name`` and wait until its first chart is drawn."""
    section = page.locator(f'section.relsell-live[data-model="{name}"]').first
    section.locator("button.relsell-live-run").click()
    page.wait_for_function(READY, arg=section.element_handle(), timeout=90_000)
    assert section.get_attribute("data-state") == "ready", section.inner_text()[:500]
    return section


def _summary(section) -> str:
    return section.locator(".relsell-live-summary").inner_text().strip()


def _record(site: Path, row: list) -> None:
    path = (
        site.parent / "screenshots" / TIMINGS.format(os.environ.get("PYTEST_XDIST_WORKER", "main"))
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    with path.open("a", encoding="utf-8") as out:
        if new:
            out.write("model\tpage\tbytes after click\tfirst chart ms\tmedian update ms\n")
        out.write("\t".join(str(v) for v in row) + "\n")


def test_every_live_model_runs_the_course_python(chromium, base_url, live_model, site, axe_script):
    if live_model is None:
        pytest.fail("no page with a Run live cell in the built site")
    name, page_path = live_model
    visit = open_page(chromium, base_url + page_path, 1280)
    page = visit.page
    try:
        weight_before = visit.bytes_loaded()
        section = _start(page, name)
        first_ms = section.get_attribute("data-first-chart-ms")
        bytes_after = visit.bytes_loaded() - weight_before
        params = _params(name)
        expected = live.evaluate(name, {})
        assert _summary(section) == expected["summary"]
        alt = section.locator('[data-testid="live-alt"]').inner_text()
        assert alt.strip() == expected["alt"].strip()
        drawings = {section.locator(".relsell-live-chart svg").inner_html()}
        values: dict = {}
        for change in points(name)[1:]:
            values = dict(change)  # one parameter away from the defaults, as points() made it
            count = _updates(page, name)
            for key, value in change.items():
                _set(section, params[key], value)
            page.wait_for_function(
                "([n, c]) => (window.relsellLive.updates[n] || []).length > c", arg=[name, count]
            )
            want = live.evaluate(name, values)
            assert want["ok"], want
            assert _summary(section) == want["summary"], (name, values)
            alt = section.locator('[data-testid="live-alt"]').inner_text()
            assert alt.strip() == want["alt"].strip(), (name, values)
            drawings.add(section.locator(".relsell-live-chart svg").inner_html())
            _set(section, params[key], params[key].default)  # back to the default for the next
        assert len(drawings) > 1, f"{name}: the chart was never redrawn"
        # one bad value: the model's message next to its box, the last chart kept
        bad = next(
            (
                p
                for p in params.values()
                if p.kind in ("number", "whole", "share") and p.minimum is not None
            ),
            None,
        )
        if bad is not None:
            svg_before = section.locator(".relsell-live-chart svg").inner_html()
            value = bad.minimum - 1
            _set(section, bad, value)
            message = section.locator(f'[data-param="{bad.name}"] .relsell-live-message')
            message.wait_for(state="visible")
            try:
                bad.check(float(value))
            except (ValueError, TypeError) as problem:
                assert message.inner_text().strip() == str(problem)
            assert section.locator(".relsell-live-chart svg").inner_html() == svg_before
            invalid = section.locator(f'[data-param="{bad.name}"] [aria-invalid="true"]')
            assert invalid.count() >= 1
        serious = run_axe(page, axe_script)
        assert not serious, f"{page_path} live {name}: {serious}"
        assert not visit.problems(), visit.problems()
        updates = page.evaluate("(n) => window.relsellLive.updates[n]", name)
        median = statistics.median(updates[1:] or updates)
        _record(site, [name, page_path, bytes_after, first_ms, f"{median:.0f}"])
        print(f"\n{name}: {bytes_after:,} bytes after the click, first chart {first_ms} ms, "
              f"median update {median:.0f} ms")  # fmt: skip
    finally:
        page.context.close()


def test_nothing_loads_before_the_click(chromium, base_url, site):
    name, page_path = sorted(live_pages(site).items())[0]
    visit = open_page(chromium, base_url + page_path, 1280)
    try:
        loaded = [r.url for r in visit.responses]
        assert not [u for u in loaded if "pyodide" in u or "relsell-live.zip" in u], loaded
        assert visit.page.locator("section.relsell-live button.relsell-live-run").count() >= 1
    finally:
        visit.page.context.close()


def test_on_a_phone_with_the_keyboard(chromium, base_url, site):
    page_path = live_pages(site)["retention"]
    visit = open_page(chromium, base_url + page_path, 390)
    page = visit.page
    try:
        button = page.locator(
            'section.relsell-live[data-model="retention"] button.relsell-live-run'
        )
        button.focus()
        page.keyboard.press("Enter")
        section = page.locator('section.relsell-live[data-model="retention"]')
        page.wait_for_function(READY, arg=section.element_handle(), timeout=90_000)
        assert section.get_attribute("data-state") == "ready"
        count = _updates(page, "retention")
        box = section.locator('[data-param="retention_rate"] input[type=text]')
        box.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type("90")
        page.keyboard.press("Tab")
        page.wait_for_function("(c) => window.relsellLive.updates.retention.length > c", arg=count)
        assert _summary(section) == live.evaluate("retention", {"retention_rate": 0.9})["summary"]
        wide = page.evaluate("() => document.scrollingElement.scrollWidth")
        assert wide <= 390, f"the live controls scroll sideways on a phone: {wide} px"
        # back to the static chart, then live again: no reload, the reader's value kept
        summary = _summary(section)
        button.click()
        assert section.locator(".relsell-live-panel").is_hidden()
        assert (
            button.get_attribute("aria-expanded") == "false" and button.inner_text() == "Run live"
        )
        static = page.locator(".tag_live-retention .cell_output").first
        assert static.is_visible(), "the static chart did not come back"
        button.click()
        assert section.locator(".relsell-live-panel").is_visible() and not static.is_visible()
        assert _summary(section) == summary and box.input_value() == "90"
        assert not visit.problems(), visit.problems()
        page.screenshot(
            path=str(site.parent / "screenshots" / "live-retention-390.png"), full_page=False
        )
    finally:
        page.context.close()


def test_a_csv_of_the_readers_own_runs_in_the_browser(chromium, base_url, site, tmp_path):
    pages = live_pages(site)
    if "analytics" not in pages:
        pytest.fail("chapter 4's live explorer is not on any page")
    visit = open_page(chromium, base_url + pages["analytics"], 1280)
    page = visit.page
    try:
        section = _start(page, "analytics")
        note = section.locator(".relsell-live-file").inner_text()
        limit = live.analytics_limit()
        assert f"{limit // (1024 * 1024)} MB" in note and "never uploaded" in note, note
        good = tmp_path / "mine.csv"
        good.write_text(
            "客户ID,日期,金额\nA,2024-01-05,120\nB,2024-02-01,80\nA,2024-03-09,60\n",
            encoding="utf-8",
        )
        count = _updates(page, "analytics")
        section.locator("input[type=file]").set_input_files(str(good))
        page.wait_for_function("(c) => window.relsellLive.updates.analytics.length > c", arg=count)
        expected = json.loads(live.load_csv(good.read_bytes(), "mine.csv"))
        assert expected["ok"], expected
        assert _summary(section) == expected["summary"]
        bad = tmp_path / "bad.csv"
        bad.write_text("name,when,how much\nA,2024-01-05,120\n", encoding="utf-8")
        section.locator("input[type=file]").set_input_files(str(bad))
        message = section.locator(
            ".relsell-live-file .relsell-live-message, [data-param=file] .relsell-live-message"
        ).first
        message.wait_for(state="visible")
        wanted = json.loads(live.load_csv(bad.read_bytes(), "bad.csv"))
        assert wanted["ok"] is False and message.inner_text().strip() == wanted["message"]
        assert _summary(section) == expected["summary"]  # the last valid result is kept
        big = tmp_path / "big.csv"
        big.write_bytes(b"customer_id,date,amount\n" + b"A,2024-01-05,120\n" * (limit // 16 + 10))
        calls = _updates(page, "analytics")
        section.locator("input[type=file]").set_input_files(str(big))
        page.wait_for_function(
            "(most) => [...document.querySelectorAll('.relsell-live-file .relsell-live-message')]"
            ".some((p) => p.innerText.includes('up to ' + most))",
            arg=f"{limit // (1024 * 1024)} MB",
        )
        assert _updates(page, "analytics") == calls  # refused before Python reads it
        assert _summary(section) == expected["summary"]
        section.locator("button.relsell-live-sample").click()  # back to the course sample
        sample = json.loads(live.load_sample())["summary"]
        page.wait_for_function(
            "([el, want]) => el.innerText.trim() === want",
            arg=[section.locator(".relsell-live-summary").element_handle(), sample],
        )
        assert sample.startswith("Data: course sample")
        assert not visit.problems(), visit.problems()
    finally:
        live.load_sample()
        page.context.close()


def test_opened_from_disk_the_button_says_how_to_serve_the_folder(chromium, site):
    page_path = live_pages(site)["retention"]
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto((site / page_path).as_uri(), wait_until="load")
        section = page.locator('section.relsell-live[data-model="retention"]')
        section.locator("button.relsell-live-run").click()
        text = section.inner_text()
        assert "python -m http.server --directory _build/html" in text, text[:400]
        assert not [u for u in requested if "pyodide" in u or "relsell-live.zip" in u]
        assert not errors, errors
    finally:
        context.close()
