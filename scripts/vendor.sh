#!/usr/bin/env bash
# Vendor the browser assets the built site needs, so it makes no request to another host.
#   MathJax 3.2.2 -> static/vendor/mathjax/  (tex-chtml-nomenu.js plus the folders it loads from)
#   Pyodide 0.28.3 -> static/vendor/pyodide/ (the core only: pyodide.js, pyodide.asm.js/.wasm,
#                    python_stdlib.zip, pyodide-lock.json, LICENSE; no numpy or other packages).
#                    js/live.js loads it on a "Run live" click, never before (about 12 MB).
#   axe-core      -> node_modules/axe-core/axe.min.js (used by tests/browser only, not shipped)
# Versions come from the committed package-lock.json (`npm ci`). static/vendor/ is git-ignored.
# Idempotent: does nothing when the lockfile has not changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=static/vendor
stamp=node_modules/.relsell-vendor.sha256   # outside static/ so it is not published
want="$(cat package-lock.json scripts/vendor.sh | sha256sum | cut -d' ' -f1)"  # redo when either changes

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" \
      && -f "$dest/mathjax/tex-chtml-nomenu.js" && -f node_modules/axe-core/axe.min.js \
      && -f "$dest/pyodide/pyodide.asm.wasm" ]]; then
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

# Pyodide: only what loadPyodide({indexURL}) fetches for the interpreter and the standard
# library. pyodide-lock.json is read at start-up, but none of its packages is fetched unless
# asked for (js/live.js never calls loadPackage), so nothing comes from the jsdelivr CDN.
# The classic script pyodide.js (defines window.loadPyodide) rather than pyodide.mjs. Its
# source-map comment is dropped because the map is not shipped (no 404 in the dev tools).
mkdir -p "$dest/pyodide"
py=node_modules/pyodide
for f in pyodide.asm.js pyodide.asm.wasm python_stdlib.zip pyodide-lock.json; do
  cp "$py/$f" "$dest/pyodide/$f"
done
sed '/^\/\/# sourceMappingURL=/d' "$py/pyodide.js" > "$dest/pyodide/pyodide.js"
# The npm package ships no LICENSE file; Pyodide is MPL-2.0 (its package.json says so).
{
  echo "Pyodide $(node -p 'require("./node_modules/pyodide/package.json").version')" \
       "(https://github.com/pyodide/pyodide)"
  echo "is licensed under the Mozilla Public License, version 2.0. Python's standard library"
  echo "(python_stdlib.zip) is under the Python Software Foundation License."
  echo
  if [[ -f /usr/share/common-licenses/MPL-2.0 ]]; then
    cat /usr/share/common-licenses/MPL-2.0
  else
    echo "The full text of the MPL 2.0: https://mozilla.org/MPL/2.0/"
  fi
} > "$dest/pyodide/LICENSE"
echo "$want" > "$stamp"
echo "vendor.sh: vendored $(du -sh "$dest" | cut -f1) into $dest"
