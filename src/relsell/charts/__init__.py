"""Charts: matplotlib figures of the models, ``charts/<model>.py: chart(...)``.

``style`` holds what every chart shares (palette, figure size); ``frame`` turns a model's
records into a DataFrame where a notebook shows them as a table.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["frame"]


def frame(records: list[dict]) -> pd.DataFrame:
    """A model's list of records (one dict per row) as a pandas table."""
    return pd.DataFrame.from_records(list(records))
