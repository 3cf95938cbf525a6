#!/usr/bin/env bash
# Check every external link of the book with Sphinx linkcheck. Needs internet, so it is not
# part of scripts/test.sh (CI has none) and never blocks a build: run it by hand or weekly.
# Internal links and cross-references are checked by every build (-W -n) and tests/site.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
.venv/bin/jupyter-book build . --builder linkcheck
status=$?
echo "linkcheck report: _build/linkcheck/output.txt (exit $status; broken links are reported, not fatal)"
exit 0
