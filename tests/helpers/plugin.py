"""The options and fixtures every test folder shares (registered by tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--site",
        default="_build/html",
        help="built HTML folder, relative to the repository root unless absolute"
        " (default _build/html)",
    )
    parser.addoption(
        "--second-site", default="", help="a second clean build of the site, for determinism"
    )


def site_dir(config: pytest.Config) -> Path:
    path = Path(config.getoption("--site"))
    return path if path.is_absolute() else REPO / path


def require_page(site: Path, page: str) -> Path:
    """The built page, or a failure: a page the course should have is never skipped."""
    path = site / page
    if not path.exists():
        pytest.fail(f"{page} is not in the built site {site}; the course should have it.")
    return path


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def site(pytestconfig: pytest.Config) -> Path:
    path = site_dir(pytestconfig)
    if not (path / "index.html").exists():
        pytest.fail(f"No built site at {path}: build the book first or pass --site <_build/html>.")
    return path
