#!/usr/bin/env bash
# Set up a fresh machine for this course: a Python virtual environment with every pinned
# package, the vendored browser assets, and (with --browser) Debian's chromium for the
# browser tests. Safe to run again: each step is skipped when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[[ "${1:-}" == "--browser" ]] && want_browser=1

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(cat requirements.txt requirements-dev.txt constraints.txt pyproject.toml | sha1sum | cut -c1-12)
if [[ ! -f "$stamp" ]]; then
  echo "setup: installing Python packages (pinned in requirements*.txt and constraints.txt)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -r requirements-dev.txt -c constraints.txt
  rm -f .venv/.installed-* && touch "$stamp"
fi

bash scripts/vendor.sh

if [[ $want_browser == 1 ]] && ! command -v chromium >/dev/null; then
  echo "setup: installing Debian chromium and a CJK font for the browser tests"
  if [[ $(id -u) == 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
