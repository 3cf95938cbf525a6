"""Full-text search on the static site finds chapters by English and by Chinese words.

The index is built with jieba word cutting (html_search_language: zh, glossary terms as its
user dictionary); static/js/search-zh.js cuts Chinese queries against the same vocabulary.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from helpers.browsing import open_page
from helpers.plugin import require_page

CASES = [
    ("关系推销", "book/ch01_relationship_selling.html"),  # relationship selling
    ("Pinacor", "book/ch01_relationship_selling.html"),
    ("RFM", "book/ch04_crm_and_selling.html"),
    ("顾客让渡价值", "book/ch03_loyalty_and_value.html"),  # customer delivered value
    ("大客户关系营销", "book/ch06_key_accounts.html"),  # key-account relationship marketing
    ("主顾300", "book/ch05_sales_visits.html"),
    (
        "客户关系管理与推销",
        "book/ch04_crm_and_selling.html",
    ),  # a phrase: cut by the index vocabulary
    ("relationship marketing", "book/ch02_relationship_marketing.html"),
    # English words are stemmed alike in the index and in the browser (Porter on both sides)
    ("key account", "book/ch06_key_accounts.html"),
    ("key accounts", "book/ch06_key_accounts.html"),
    ("survey", "book/ch04_crm_and_selling.html"),
    ("objection", "book/ch04_crm_and_selling.html"),
    ("closing", "book/ch04_crm_and_selling.html"),
    # Chinese: a term the typhoon case names, and traditional characters as in the sources
    ("台风", "book/ch06_key_accounts.html"),
    ("臺風", "book/ch06_key_accounts.html"),
    ("關係", "book/ch02_relationship_marketing.html"),
]


def results(page) -> list[str]:
    page.wait_for_function(
        "() => document.querySelector('#search-results') &&"
        " !document.querySelector('#search-progress')?.textContent.includes('Preparing')"
        " && document.querySelector('#search-results').dataset.done !== undefined"
        " || (document.querySelector('#search-results h2') !== null)",
        timeout=20_000,
    )
    links = page.locator("#search-results ul.search li a")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


@pytest.mark.parametrize("query, expected", CASES, ids=[c[0] for c in CASES])
def test_search_finds_the_chapter(chromium, base_url, site, query, expected):
    require_page(site, expected)
    visit = open_page(chromium, f"{base_url}search.html?q={quote(query)}", 1280)
    hrefs = [h.split("#")[0].split("?")[0] for h in results(visit.page)]
    assert any(h.endswith(expected) for h in hrefs), f"{query!r}: {expected} not in {hrefs}"
    assert visit.problems() == []
