"""The instructor guide in use: chapter tables, and hub links built from a typed hub address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from helpers.browsing import open_page

PAGE = "book/instructor_guide.html"


def test_hub_links_follow_the_typed_address(chromium, base_url, site):
    if not (site / PAGE).exists():
        pytest.fail(f"{PAGE} is missing from the built site")
    visit = open_page(chromium, base_url + PAGE, 1280)
    page = visit.page
    links = page.locator("code.relsell-hub-link")
    assert links.count() >= 1
    assert page.locator("code.relsell-hub-link a").count() == 0  # no live links to a fake hub
    assert "Materials" in page.content() or page.locator("table").count() >= 2

    page.get_by_label("Your JupyterHub address").fill("https://jupyter.campus.example/")
    anchors = page.locator("code.relsell-hub-link a")
    assert anchors.count() == links.count()
    for i in range(anchors.count()):
        href = anchors.nth(i).get_attribute("href")
        parts = urlsplit(href)
        assert parts.netloc == "jupyter.campus.example"
        assert parts.path == "/hub/user-redirect/git-pull"
        path = links.nth(i).get_attribute("data-path")
        assert parse_qs(parts.query)["urlpath"][0].endswith(path)

    page.get_by_label("Your JupyterHub address").fill("not a url")
    assert page.locator("code.relsell-hub-link a").count() == 0
    assert visit.external == [] and visit.problems() == []


def test_schedules_cover_every_chapter_page(chromium, base_url, site):
    visit = open_page(chromium, base_url + PAGE, 1280)
    page = visit.page
    chapters = sorted(p.stem.split("_")[0] for p in (site / "book").glob("ch0*_*.html"))
    for plan in ("16-week", "12-week", "8-week"):
        heading = page.get_by_role("heading", name=plan, exact=False)
        assert heading.count() == 1, plan
    body = page.locator("article").inner_text()
    for chapter in chapters:
        assert f"Chapter {int(chapter[2:])}" in body
