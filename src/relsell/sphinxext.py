"""A tiny Sphinx extension for the course book (listed in ``_config.yml``).

* myst-nb embeds the saved state of every ipywidget into the page as a JSON script. Our
  static pages deliberately show no widget controls (there is no kernel to drive them), so
  that state is dead weight (about 44 KB on a notebook page) and, because widget model ids
  are random, it would also make two builds of the same page differ. We drop it.
* sphinx-book-theme puts Binder/Colab launch buttons on every executed page, including the
  MyST chapter pages, which execute only to draw a figure and a quiz. Colab cannot open a
  Markdown file, so those buttons would lead nowhere: we keep them on ``.ipynb`` pages only.
"""

from __future__ import annotations

from typing import Any

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


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


def setup(app) -> dict[str, Any]:
    app.connect("html-page-context", _drop_widget_state)
    # after sphinx-book-theme has added its buttons (priority 501)
    app.connect("html-page-context", _launch_only_from_notebooks, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
