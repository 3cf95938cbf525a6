#!/usr/bin/env bash
# Set up a fresh machine for this course: a Python virtual environment with every pinned
# package, Node.js/npm (from apt, when missing) for the vendored browser assets, and (with
# --browser) Debian's chromium for the browser tests. Safe to run again: each step is skipped
# when it is already done. PYTHON=python3.13 bash scripts/setup.sh picks another Python.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[[ "${1:-}" == "--browser" ]] && want_browser=1

PYTHON=${PYTHON:-python3}
minor() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }
if [[ -x .venv/bin/python && $(minor .venv/bin/python) != $(minor "$PYTHON") ]]; then
  echo "setup: .venv has Python $(minor .venv/bin/python), $PYTHON is $(minor "$PYTHON"): recreating it"
  rm -rf .venv
fi
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
# The stamp names what was installed: the pins and the venv's Python version, so a venv made
# by another Python (or an upgraded one) is reinstalled rather than half-working.
python_version=$(.venv/bin/python -c 'import sys; print(sys.version.split()[0])')
stamp=.venv/.installed-$( { cat requirements.txt requirements-dev.txt constraints.txt pyproject.toml; echo "$python_version"; } | sha1sum | cut -c1-12)
if [[ ! -f "$stamp" ]]; then
  echo "setup: installing Python packages (pinned in requirements*.txt and constraints.txt)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -r requirements-dev.txt -c constraints.txt
  rm -f .venv/.installed-* && touch "$stamp"
fi

apt_install() {  # apt_install PACKAGE...: as root or through sudo
  local sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

if ! command -v npm >/dev/null; then
  echo "setup: installing Node.js and npm from apt (they fetch the vendored MathJax and axe-core)"
  apt_install nodejs npm
fi
bash scripts/vendor.sh

if [[ $want_browser == 1 ]] && ! command -v chromium >/dev/null; then
  echo "setup: installing Debian chromium and a CJK font for the browser tests"
  apt_install chromium fonts-wqy-microhei
fi
