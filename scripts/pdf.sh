#!/usr/bin/env bash
# Build the whole book as one PDF, Chinese included: _build/latex/relationship-selling.pdf.
# Optional: the TeX toolchain is large (about 1 GB), so it is not part of the default set-up
# or of CI. On Debian/Ubuntu, install it once with
#   sudo apt-get install texlive-xetex texlive-lang-chinese texlive-latex-extra latexmk fonts-noto-cjk fonts-dejavu-core
# XeLaTeX with xeCJK renders the Chinese terms with Noto Sans CJK and Latin text with DejaVu
# (latex: and latex_elements in _config.yml). About 20 s; the result has some 210 pages.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in xelatex latexmk; do
  command -v "$tool" >/dev/null || {
    echo "$tool is missing. Install the TeX toolchain first:" >&2
    echo "  sudo apt-get install texlive-xetex texlive-lang-chinese texlive-latex-extra latexmk fonts-noto-cjk fonts-dejavu-core" >&2
    exit 1
  }
done
bash scripts/setup.sh >/dev/null
.venv/bin/jupyter-book build . --builder pdflatex
ls -l _build/latex/*.pdf
