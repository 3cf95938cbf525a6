"""Every error the course raises on purpose, in one hierarchy.

A student who types a bad value, an instructor whose data file is broken and a reader who
uploads the wrong CSV all get one plain sentence that says what is wrong and what to do.
Catching ``RelsellError`` catches all of them; each is also a ``ValueError``, so code that
expects the standard exception keeps working.
"""

from __future__ import annotations

__all__ = ["RelsellError", "ModelInputError", "DataFileError", "TransactionsError"]


class RelsellError(ValueError):
    """Base class: a problem the message explains, never a bug."""


class ModelInputError(RelsellError):
    """A value a student entered is out of range; the message says how to fix it."""


class DataFileError(RelsellError):
    """A course data file (case, quiz bank, glossary, role-play) breaks its schema."""


class TransactionsError(RelsellError):
    """An uploaded or generated transaction table cannot be analysed; the message says why."""
