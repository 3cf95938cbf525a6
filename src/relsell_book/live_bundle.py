"""The course's Python that the page runs in the browser, as ``_static/relsell-live.zip``.

Why an archive: Pyodide unpacks one zip into its file system in a few milliseconds, and a
zip built from ``src/relsell`` at every build cannot drift from the notebooks' code. Only what
runs without numpy, pandas or matplotlib goes in: the models, the charts (drawn by
``relsell.sketch``), the parameter declarations and ``relsell.live``. Entries are sorted and
dated 1980-01-01, so the same sources give the same bytes (the site's determinism test).
"""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

import relsell

__all__ = ["FILES", "members", "build", "write"]

PACKAGE = Path(relsell.__file__).resolve().parent
# Folders and files of relsell that go in, relative to the package.
FILES = (
    "__init__.py",
    "errors.py",
    "params.py",
    "checks.py",
    "live.py",
    "models",
    "charts",
    "sketch",
    "data/transactions/sample_transactions.csv",
)
_EPOCH = (1980, 1, 1, 0, 0, 0)


def members() -> list[tuple[str, Path]]:
    """(name in the archive, file) for every file shipped, sorted by name."""
    found = []
    for entry in FILES:
        path = PACKAGE / entry
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            found.append((f"relsell/{file.relative_to(PACKAGE).as_posix()}", file))
    return sorted(found)


def build() -> bytes:
    """The archive's bytes: the same sources always give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, file in members():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, file.read_bytes())
    return buffer.getvalue()


def write(path: Path) -> int:
    """Write the archive to ``path`` (folders made as needed); return its size in bytes."""
    data = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write the zip")
    size = write(parser.parse_args(argv).out)
    print(f"live bundle: {size:,} bytes")


if __name__ == "__main__":
    main()
