"""relsell: what a student's notebook imports for the course *Relationship Selling and CRM*.

One folder per layer, each allowed to import only the layers listed before it:

* ``errors``, ``params``, ``checks``: the error hierarchy and the parameter declarations;
* ``content``: cases, quiz banks, glossary and role-play data, read from ``relsell/data``;
* ``models``: one module per model, standard library only (they run anywhere, a browser too);
* ``analytics``: numpy/pandas for customer data at scale (chapter 4);
* ``charts``: matplotlib, ``charts/<model>.py: chart()``;
* ``explorers``: ipywidgets, ``explorers/<model>.py: explorer()``.

What builds the book (pages, table of contents, exam, benchmark) is in ``relsell_book``.
"""

__version__ = "0.1.0"
