"""A tiny Sphinx extension for the course book (listed in ``_config.yml``).

* myst-nb embeds the saved state of every ipywidget into the page as a JSON script. Our
  static pages deliberately show no widget controls (there is no kernel to drive them), so
  that state is dead weight (about 44 KB on a notebook page) and, because widget model ids
  are random, it would also make two builds of the same page differ. We drop it.
* sphinx-book-theme puts Binder/Colab launch buttons on every executed page, including the
  MyST chapter pages, which execute only to draw a figure and a quiz. Colab cannot open a
  Markdown file, so those buttons would lead nowhere: we keep them on ``.ipynb`` pages only.
* Chinese search: with ``html_search_language: zh`` Sphinx cuts Chinese text into words with
  jieba. jieba does not know the course's terms (关系推销 would be cut into 关系 + 推销), so
  we give it the glossary's Chinese terms as a user dictionary; ``static/js/search-zh.js``
  splits queries the same way in the browser.
* MathJax (0.76 MB) only on pages with math of their own. Sphinx's math domain also counts
  the math of every page in a page's toctree, so the home page loaded MathJax because a
  chapter has a formula.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sphinx.domains.math import MathDomain

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


class PageMathDomain(MathDomain):
    """The math domain, but a page "has equations" only if it has math itself."""

    def has_equations(self, docname: str | None = None) -> bool:
        if not docname:
            return super().has_equations()
        return bool(self.data["has_equations"].get(docname, False))


def _drop_widget_state(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [
            s for s in scripts if getattr(s, "attributes", {}).get("type") != WIDGET_STATE
        ]


def _launch_only_from_notebooks(app, pagename, templatename, context, doctree) -> None:
    if context.get("page_source_suffix") == ".ipynb":
        return
    buttons = context.get("header_buttons")
    if buttons:
        context["header_buttons"] = [b for b in buttons if b.get("label") != "launch-buttons"]


def _glossary_dictionary(app) -> None:
    """Write the glossary's Chinese terms as a jieba user dictionary and point Sphinx to it."""
    if app.config.html_search_language != "zh" or app.builder.format != "html":
        return
    try:
        import jieba
    except ImportError:  # Sphinx then indexes Chinese without segmentation; say so loudly
        from sphinx.util import logging as sphinx_logging

        sphinx_logging.getLogger(__name__).warning(
            "jieba is not installed: Chinese search will not find words inside sentences."
        )
        return
    from .glossary import load_glossary

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr
    words = sorted({t["zh"] for t in load_glossary()})
    path = Path(app.doctreedir) / "relsell-search-dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{w} 100000 n\n" for w in words), encoding="utf-8")
    app.config.html_search_options = {**(app.config.html_search_options or {}), "dict": str(path)}


def setup(app) -> dict[str, Any]:
    app.add_domain(PageMathDomain, override=True)
    app.connect("builder-inited", _glossary_dictionary)
    app.connect("html-page-context", _drop_widget_state)
    # after sphinx-book-theme has added its buttons (priority 501)
    app.connect("html-page-context", _launch_only_from_notebooks, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
