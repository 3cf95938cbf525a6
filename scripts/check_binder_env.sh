#!/usr/bin/env bash
# Prove the environment Binder builds resolves and runs the notebooks, the way repo2docker does:
# a brand-new virtual environment, `pip install -r requirements.txt` (nothing else from the
# dev set-up, no constraints file, none of the [book] extra); then every model, chart and
# explorer is imported and built, and every notebook is executed with that environment's kernel.
# Uses pip's cache, so it costs seconds after the main set-up. Python comes from runtime.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(sed -n 's/^python-\([0-9.]*\)$/\1/p' runtime.txt)
python=$(command -v "python$want" || command -v python3)
have=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [[ "$have" != "$want" ]]; then
  echo "runtime.txt asks for Python $want; this machine's $python is $have" >&2; exit 1
fi
env_dir=$(mktemp -d)/binder-env
trap 'rm -rf "$(dirname "$env_dir")"' EXIT
"$python" -m venv "$env_dir"
"$env_dir/bin/pip" install --quiet --disable-pip-version-check -r requirements.txt
# Binder's image adds the Jupyter server; we only need something to run the kernel.
"$env_dir/bin/pip" install --quiet --disable-pip-version-check nbclient
"$env_dir/bin/pip" check
"$env_dir/bin/python" - <<'PY'
import contextlib
import glob
import importlib
import io
import sys

import relsell.models

for name in relsell.models.NAMES:
    for layer in ("models", "charts", "explorers"):
        importlib.import_module(f"relsell.{layer}.{name}")
    with contextlib.redirect_stdout(io.StringIO()):  # outside IPython, display() prints
        importlib.import_module(f"relsell.explorers.{name}").explorer()
book_only = sorted(m for m in ("jsonschema", "sphinx", "relsell_book", "nbgrader") if m in sys.modules)
assert not book_only, f"a notebook module imported build-only packages: {book_only}"
print(f"binder environment: {len(relsell.models.NAMES)} models, charts and explorers built")

import nbformat  # only now: nbformat itself imports jsonschema
from nbclient import NotebookClient

for path in sorted(glob.glob("notebooks/*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": "notebooks"}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, (path, errors)
    print(f"binder environment: {path} ran, no error")
PY
