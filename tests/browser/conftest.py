"""Browser tests of the built site: serve it on 127.0.0.1, drive Debian chromium with Playwright.

Run after a build:  pytest tests/browser --site _build/html
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from helpers.browsing import weights_file
from helpers.plugin import REPO, site_dir

# index.html only redirects to the home page
SKIP_TOP = {"genindex.html", "search.html", "index.html"}
SKIP_DIRS = {"_static", "_sources", "_images"}
QUIZ_MARKER = "data-shufflequestions="  # on every jupyterquiz container in the built HTML
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def discover_pages(site: Path) -> list[str]:
    """Every content page: all *.html except generated indexes and static/source copies."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if rel.parts[0] in SKIP_DIRS or (len(rel.parts) == 1 and rel.name in SKIP_TOP):
            continue
        pages.append(rel.as_posix())
    return pages


def has_quiz(site: Path, page: str) -> bool:
    return QUIZ_MARKER in (site / page).read_text(encoding="utf-8")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    site = site_dir(metafunc.config)
    pages = discover_pages(site) if site.is_dir() else []
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", pages or [None], indirect=True)
    if "quiz_page" in metafunc.fixturenames:
        quiz_pages = [p for p in pages if has_quiz(site, p)]
        metafunc.parametrize("quiz_page", quiz_pages or [None], indirect=True)


@pytest.fixture
def page_path(request: pytest.FixtureRequest) -> str:
    """One built page (parametrised above); no page at all is a failure, never a skip."""
    if request.param is None:
        pytest.fail(f"no built pages at {site_dir(request.config)}: build the book first")
    return request.param


@pytest.fixture
def quiz_page(request: pytest.FixtureRequest) -> str:
    """One built page with a quiz; a site with no quiz page fails."""
    if request.param is None:
        pytest.fail(f"no page with a jupyterquiz quiz in {site_dir(request.config)}")
    return request.param


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def base_url(site: Path):
    """The site served by Python's http.server on 127.0.0.1, on a free port, in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian chromium not found: apt-get install -y chromium fonts-wqy-microhei")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshot_dir(site: Path) -> Path:
    path = site.parent / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    (path / weights_file()).write_text("page\twidth\tbytes\tkind\tbudget\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def axe_script() -> Path:
    path = REPO / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        pytest.fail("axe-core is missing: run scripts/vendor.sh (npm ci) first.")
    return path
