from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def pytest_addoption(parser):
    parser.addoption(
        "--built-site", default=str(REPO / "_build" / "html"), help="folder of the built HTML site"
    )
    parser.addoption(
        "--second-site", default="", help="a second clean build of the site, for determinism"
    )


@pytest.fixture(scope="session")
def site(request) -> Path:
    path = Path(request.config.getoption("--built-site"))
    if not (path / "index.html").exists():
        pytest.fail(f"No built site at {path}; build the book first (bash scripts/build.sh).")
    return path
