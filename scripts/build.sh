#!/usr/bin/env bash
# Set up (if needed) and build the book into _build/html, failing on any warning or on a
# notebook that does not execute.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source .venv/bin/activate
python -m relsell_book.build
jupyter-book build . --warningiserror --nitpick --keep-going
echo
echo "The book is built. Open $(pwd)/_build/html/index.html in a browser,"
echo "or serve it: python -m http.server --directory _build/html 8000  (then http://127.0.0.1:8000)"
