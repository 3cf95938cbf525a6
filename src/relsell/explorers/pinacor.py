"""Explorer for Pinacor's territory-versus-segment reorganisation (chapter 1)."""

from __future__ import annotations

from .base import Explorer, model_explorer

__all__ = ["explorer", "structure_explorer"]


def explorer(**start) -> Explorer:
    """The territory rep's accounts (the case's 5 + 3 + 6 to start) against one segment rep.

    One control per ``PARAMS`` of ``relsell.models.pinacor``: ``type_0``, ``type_1``, ... (the
    accounts of each customer type), ``first_account_hours`` and ``learning_rate``.
    """
    return model_explorer("pinacor", "Territory rep or segment rep?", start, columns=1)


structure_explorer = explorer  # the name notebook 01 and exercise 01 call
