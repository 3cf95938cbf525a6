"""relsell: the models, data, quizzes and widgets of the course *Relationship Selling and CRM*.

Notebooks stay thin: they import a model module (``relsell.retention``,
``relsell.pinacor``), a widget (``relsell.widgets``) or a quiz (``relsell.quiz``) and call
one function. Everything here is tested in ``tests/unit``.
"""

__version__ = "0.1.0"
