#!/usr/bin/env bash
# Vendor the browser assets the built site needs, so it makes no request to another host.
#   MathJax 3.2.2 -> static/vendor/mathjax/  (tex-chtml.js plus the folders it loads from itself)
#   axe-core      -> node_modules/axe-core/axe.min.js (used by tests/browser only, not shipped)
# Versions come from the committed package-lock.json (`npm ci`). static/vendor/ is git-ignored.
# Idempotent: does nothing when the lockfile has not changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=static/vendor
stamp=node_modules/.relsell-vendor.sha256   # outside static/ so it is not published
want="$(sha256sum package-lock.json | cut -d' ' -f1)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" \
      && -f "$dest/mathjax/tex-chtml.js" && -f node_modules/axe-core/axe.min.js ]]; then
  echo "vendor.sh: static/vendor is up to date"
  exit 0
fi

npm ci --no-audit --no-fund --loglevel=error

rm -rf "$dest"
mkdir -p "$dest/mathjax"
src=node_modules/mathjax/es5
cp "$src/tex-chtml.js" "$dest/mathjax/"
# MathJax finds these relative to tex-chtml.js: fonts, autoloaded TeX packages,
# and the menu's lazily loaded accessibility modules (a11y, sre, ui).
for sub in output/chtml/fonts input/tex/extensions a11y sre ui; do
  mkdir -p "$dest/mathjax/$(dirname "$sub")"
  cp -R "$src/$sub" "$dest/mathjax/$sub"
done
cp node_modules/mathjax/LICENSE "$dest/mathjax/LICENSE"
echo "$want" > "$stamp"
echo "vendor.sh: vendored $(du -sh "$dest" | cut -f1) into $dest"
