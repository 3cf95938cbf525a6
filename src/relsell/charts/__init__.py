"""Charts: matplotlib figures of the models, ``charts/<model>.py: chart(...)``.

``style`` holds what every chart shares (palette, figure size); ``frame`` turns a model's
records into a DataFrame where a notebook shows them as a table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported when a table is asked for, so the charts also run
    import pandas as pd  # in the browser, where there is no pandas (relsell.sketch)

__all__ = ["frame"]


def frame(records: list[dict]) -> pd.DataFrame:
    """A model's list of records (one dict per row) as a pandas table."""
    import pandas as pd

    return pd.DataFrame.from_records(list(records))
