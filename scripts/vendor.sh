#!/usr/bin/env bash
# Vendor the browser assets the built site needs, so it makes no request to another host.
#   MathJax 3.2.2 -> static/vendor/mathjax/  (tex-chtml-nomenu.js plus the folders it loads from)
#   axe-core      -> node_modules/axe-core/axe.min.js (used by tests/browser only, not shipped)
# Versions come from the committed package-lock.json (`npm ci`). static/vendor/ is git-ignored.
# Idempotent: does nothing when the lockfile has not changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=static/vendor
stamp=node_modules/.relsell-vendor.sha256   # outside static/ so it is not published
want="$(cat package-lock.json scripts/vendor.sh | sha256sum | cut -d' ' -f1)"  # redo when either changes

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" \
      && -f "$dest/mathjax/tex-chtml-nomenu.js" && -f node_modules/axe-core/axe.min.js ]]; then
  echo "vendor.sh: static/vendor is up to date"
  exit 0
fi

npm ci --no-audit --no-fund --loglevel=error

rm -rf "$dest"
mkdir -p "$dest/mathjax"
src=node_modules/mathjax/es5
# tex-chtml.js without the context menu (ui/menu, 426 KB): the same components concatenated and
# marked loaded, so MathJax is complete (and MathJax.typeset defined) as soon as this one script
# has run, which jupyterquiz relies on. 0.76 MB instead of 1.16 MB.
{
  for part in startup core input/tex output/chtml output/chtml/fonts/tex a11y/assistive-mml; do
    cat "$src/$part.js"; echo
  done
  echo "MathJax.loader.preLoad('core','input/tex','output/chtml','output/chtml/fonts/tex','a11y/assistive-mml');"
} > "$dest/mathjax/tex-chtml-nomenu.js"
# MathJax finds these relative to its script: fonts and autoloaded TeX packages.
for sub in output/chtml/fonts input/tex/extensions; do
  mkdir -p "$dest/mathjax/$(dirname "$sub")"
  cp -R "$src/$sub" "$dest/mathjax/$sub"
done
cp node_modules/mathjax/LICENSE "$dest/mathjax/LICENSE"
echo "$want" > "$stamp"
echo "vendor.sh: vendored $(du -sh "$dest" | cut -f1) into $dest"
