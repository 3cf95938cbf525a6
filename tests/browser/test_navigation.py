"""The site used as a reader uses it: navigation buttons tapped, links followed (issue 12).

A test that only finds a button let a dead phone menu through, so each test here taps the
control and asserts what changed: the navigation dialog opens and a link in it leads to
another chapter; the contents button opens the page's sections and one jumps there; on a
wide screen ☰ hides and shows the sidebar.
"""

from __future__ import annotations

import pytest

from helpers.browsing import open_page, settle

CHAPTER = "book/ch06_key_accounts.html"


def _phone(chromium):
    return chromium.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="en-US"
    )


def test_phone_menu_opens_and_leads_to_another_chapter(chromium, base_url, site):
    context = _phone(chromium)
    try:
        page = open_page(chromium, base_url + CHAPTER, 390, context=context).page
        sidebar = page.locator("#pst-primary-sidebar")
        assert sidebar.bounding_box() is None or sidebar.bounding_box()["x"] < 0
        page.locator(".bd-header-article .primary-toggle").tap()
        dialog = page.locator("#pst-primary-sidebar-modal")
        page.wait_for_function("() => document.querySelector('#pst-primary-sidebar-modal').open")
        link = dialog.locator("nav.bd-docs-nav a", has_text="Sales-visit discipline").first
        assert link.is_visible(), "the chapter list is not visible in the opened menu"
        box = link.bounding_box()
        assert box and 0 <= box["x"] < 390, f"the menu's link is off-screen: {box}"
        link.tap()
        page.wait_for_url("**/ch05_sales_visits.html*")
        settle(page)
        assert "Sales-visit discipline" in page.locator("h1").first.inner_text()
    finally:
        context.close()


def test_phone_contents_button_jumps_to_a_section(chromium, base_url, site):
    context = _phone(chromium)
    try:
        page = open_page(chromium, base_url + CHAPTER, 390, context=context).page
        assert page.evaluate("() => window.scrollY") == 0
        page.locator(".bd-header-article .secondary-toggle").tap()
        page.wait_for_function("() => document.querySelector('#pst-secondary-sidebar-modal').open")
        entry = page.locator("#pst-secondary-sidebar-modal a", has_text="Thinking and training")
        assert entry.first.is_visible()
        entry.first.tap()
        page.wait_for_function("() => location.hash === '#thinking-and-training'")
        page.wait_for_function("() => !document.querySelector('#pst-secondary-sidebar-modal').open")
        heading = page.locator("#thinking-and-training").bounding_box()
        assert heading and 0 <= heading["y"] < 844, f"the section is not in view: {heading}"
        assert page.evaluate("() => window.scrollY") > 1000
    finally:
        context.close()


def test_desktop_menu_button_hides_and_shows_the_sidebar(chromium, base_url, site):
    page = open_page(chromium, base_url + CHAPTER, 1280).page
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.is_visible()
    toggle = page.locator(".bd-header-article .primary-toggle")
    toggle.click()
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
        ".visibility === 'hidden'"
    )
    assert not page.evaluate("() => document.querySelector('#pst-primary-sidebar-modal').open")
    toggle.click()
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
        ".visibility === 'visible'"
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_no_empty_header_band(chromium, base_url, site, width):
    page = open_page(chromium, base_url + CHAPTER, width).page
    assert not page.locator("#pst-header").is_visible()
    # the article header is the first thing on the page, with its buttons
    top = page.locator(".bd-header-article").bounding_box()
    assert top and top["y"] < 5
